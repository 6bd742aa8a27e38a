package vn.dvk.shared;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Insert-and-read access to the audit trail: there is deliberately no update or delete. */
interface AuditEntries extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    List<AuditEntry> findBySubjectTypeAndSubjectIdOrderByIdAsc(String subjectType, Long subjectId);
}
