package vn.dvk.shared;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and reads the audit trail; entries join the caller's transaction so nothing is half-recorded.
 * They are written, chained by hashes, when that transaction commits (see {@link AuditChain}).
 */
@Service
public class AuditTrail {

    private static final int MAX_COMMENT = Limits.TEXT;

    private final AuditEntries entries;
    private final AuditChain chain;
    private final Clock clock;

    AuditTrail(AuditEntries entries, AuditChain chain, Clock clock) {
        this.entries = entries;
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * Records one action; must run inside the transaction that made the change. The entry is written when that
     * transaction commits, so it has no id until then. Times are kept to the microsecond, as both databases store them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(
            String actor,
            String subjectType,
            Long subjectId,
            String action,
            String fromState,
            String toState,
            String comment) {
        return record(actor, subjectType, subjectId, action, fromState, toState, comment, null);
    }

    /**
     * Records one action on something that belongs to the unit at {@code unitPath}: the data version of that unit's
     * area moves when the transaction commits (see {@link DataVersions}); without a path, every area's does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(
            String actor,
            String subjectType,
            Long subjectId,
            String action,
            String fromState,
            String toState,
            String comment,
            String unitPath) {
        AuditEntry entry = entry(actor, subjectType, subjectId, action, fromState, toState, comment);
        chain.append(entry, unitPath == null ? DataVersions.SOMEWHERE : DataVersions.areaOf(unitPath));
        return entry;
    }

    /**
     * As {@link #record(String, String, Long, String, String, String, String, String)}, for an action that changes only
     * a model registered in {@code regYear} (its status, its appraisal): only the version of that area's models of that
     * year moves, so the figures of earlier years stay cached (see {@link DataVersions}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry recordInYear(
            String actor,
            String subjectType,
            Long subjectId,
            String action,
            String fromState,
            String toState,
            String comment,
            String unitPath,
            int regYear) {
        AuditEntry entry = entry(actor, subjectType, subjectId, action, fromState, toState, comment);
        chain.appendInYear(entry, unitPath == null ? DataVersions.SOMEWHERE : DataVersions.areaOf(unitPath), regYear);
        return entry;
    }

    /**
     * Records an action that changes no data, such as a sign-in or a sign-out: like {@link #record}, but no area's
     * data version moves, so no cached answer is dropped because of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry recordAccess(
            String actor, String subjectType, Long subjectId, String action, String toState, String comment) {
        AuditEntry entry = entry(actor, subjectType, subjectId, action, null, toState, comment);
        chain.appendWithoutChange(entry);
        return entry;
    }

    private AuditEntry entry(
            String actor,
            String subjectType,
            Long subjectId,
            String action,
            String fromState,
            String toState,
            String comment) {
        String trimmed = comment == null || comment.isBlank()
                ? null
                : comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT) : comment;
        return new AuditEntry(
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                actor,
                subjectType,
                subjectId,
                action,
                fromState,
                toState,
                trimmed);
    }

    /** The entries of one subject, oldest first; inside a writing transaction, also those it has not written yet. */
    @Transactional(readOnly = true)
    public List<AuditEntry> of(String subjectType, Long subjectId) {
        List<AuditEntry> stored = entries.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId);
        List<AuditEntry> pending = chain.pending().stream()
                .filter(e -> e.getSubjectType().equals(subjectType)
                        && e.getSubjectId().equals(subjectId))
                .toList();
        if (pending.isEmpty()) {
            return stored;
        }
        List<AuditEntry> all = new ArrayList<>(stored);
        all.addAll(pending);
        return all;
    }

    /** The latest stored entry of {@code action} for each of these subjects, by subject id (none: left out). */
    @Transactional(readOnly = true)
    public Map<Long, AuditEntry> latest(String subjectType, Collection<Long> subjectIds, String action) {
        Map<Long, AuditEntry> out = new HashMap<>();
        if (!subjectIds.isEmpty()) {
            entries.findBySubjectTypeAndSubjectIdInAndActionOrderByIdAsc(subjectType, subjectIds, action)
                    .forEach(e -> out.put(e.getSubjectId(), e));
        }
        return out;
    }
}
