package vn.dvk.shared;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends to and reads the audit trail; entries join the caller's transaction so nothing is half-recorded. */
@Service
public class AuditTrail {

    private static final int MAX_COMMENT = 4000;

    private final AuditEntries entries;
    private final Clock clock;

    AuditTrail(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records one action; must run inside the transaction that made the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String actor, String subjectType, Long subjectId, String action,
                             String fromState, String toState, String comment) {
        String trimmed = comment == null || comment.isBlank() ? null
                : comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT) : comment;
        return entries.save(new AuditEntry(clock.instant(), actor, subjectType, subjectId, action,
                fromState, toState, trimmed));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> of(String subjectType, Long subjectId) {
        return entries.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId);
    }
}
