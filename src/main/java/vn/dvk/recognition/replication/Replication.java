package vn.dvk.recognition.replication;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelLineage;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.progress.LastReports;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/**
 * Replication (nhân rộng): recognized models chosen for replication at a level, and the spread of an origin —
 * its replicas, their replicas… with each one's unit, status and latest progress report.
 */
@Service
@Transactional(readOnly = true)
public class Replication {

    public static final String AUDIT_MARK = "REPLICATION_MARK";

    /** A mark: the model chosen at a level in a year, why, by whom. */
    public record Mark(
            Long id, Long modelId, Level level, int year, String reason, String markedBy, Instant markedAt) {}

    /** A replica in the spread tree with its own results. */
    public record Replica(
            Long id,
            String title,
            String unitCode,
            String unitName,
            ModelStatus status,
            Level recognizedLevel,
            int depth,
            Long replicatedFromId,
            LocalDate lastReport) {}

    private final ReplicationMarks marks;
    private final ModelRegistry models;
    private final ModelLineage lineage;
    private final LastReports lastReports;
    private final AuditTrail audit;
    private final Clock clock;

    Replication(
            ReplicationMarks marks,
            ModelRegistry models,
            ModelLineage lineage,
            LastReports lastReports,
            AuditTrail audit,
            Clock clock) {
        this.marks = marks;
        this.models = models;
        this.lineage = lineage;
        this.lastReports = lastReports;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Marks a recognized model for replication at a level: by an appraiser or approver whose subtree holds the
     * model and whose unit is at that level or above; once per model, level and year; the reason is required.
     */
    @Transactional
    public Mark mark(Actor actor, Long modelId, Level level, int year, String reason) {
        ModelView m = models.get(actor, modelId);
        ReplicationPolicy.requireMark(actor, level);
        if (m.recognizedLevel() == null || m.status() == ModelStatus.RETIRED) {
            throw new Problems.Conflict("replication.notRecognized");
        }
        if (year < m.year()) {
            throw new Problems.Invalid("year", "replication.year.beforeRegistration");
        }
        if (reason == null || reason.isBlank()) {
            throw new Problems.Invalid("reason", "validation.required");
        }
        if (marks.existsByModelIdAndLevelAndYear(modelId, level, year)) {
            throw new Problems.Conflict("replication.duplicate", year);
        }
        ReplicationMark mark = marks.saveAndFlush(
                new ReplicationMark(modelId, level, year, reason.trim(), actor.username(), clock.instant()));
        audit.record(actor.username(), ModelRegistry.AUDIT_SUBJECT, modelId, AUDIT_MARK, null, null, reason.trim());
        return mark.view();
    }

    public List<Mark> marksOf(Actor actor, Long modelId) {
        models.get(actor, modelId);
        return marks.findByModelIdOrderByYearAscIdAsc(modelId).stream()
                .map(ReplicationMark::view)
                .toList();
    }

    /** The spread tree of a model the actor sees, depth first, at most {@link ModelLineage#MAX_DEPTH} deep. */
    public List<Replica> spread(Actor actor, Long modelId) {
        List<ModelLineage.Branch> branches = lineage.spread(actor, modelId);
        Map<Long, LocalDate> last =
                lastReports.of(branches.stream().map(b -> b.model().id()).toList());
        return branches.stream()
                .map(b -> new Replica(
                        b.model().id(),
                        b.model().title(),
                        b.model().unitCode(),
                        b.model().unitName(),
                        b.model().status(),
                        b.model().recognizedLevel(),
                        b.depth(),
                        b.parentId(),
                        last.get(b.model().id())))
                .toList();
    }
}
