package vn.dvk.shared;

import java.util.Collection;
import java.util.List;
import org.springframework.data.repository.Repository;

/** Read access to the audit trail (entries are written by {@link AuditChain}); deliberately no update or delete. */
interface AuditEntries extends Repository<AuditEntry, Long> {

    List<AuditEntry> findBySubjectTypeAndSubjectIdOrderByIdAsc(String subjectType, Long subjectId);

    List<AuditEntry> findBySubjectTypeAndSubjectIdInAndActionOrderByIdAsc(
            String subjectType, Collection<Long> subjectIds, String action);
}
