package vn.dvk.unit;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/**
 * Reorganizations of the unit tree (MERGE, SPLIT, RENAME, MOVE, DISSOLVE) with an effective date.
 * <p>Units are never deleted. An ended unit keeps its rows (models, proposals, commendations) and is hung under
 * its successor, so today's subtree of the successor includes the predecessors' history ("current" boundary),
 * while {@code unit_path_history} remembers where every unit was on every date ("historical" boundary). Users,
 * open registrations and pending proposals of ended units are moved by the modules that own them, listening to
 * {@link UnitsReorganized} in the same transaction. A preview runs the same code and rolls back. A reorganization
 * with a future effective date is checked the same way, then stored as scheduled; {@link ReorganizationJob} applies
 * it on its date unless it was cancelled before.
 */
@Service
public class Reorganizations {

    /** Subject type of the audit entries of a reorganization itself (scheduled, cancelled, applied on its date). */
    public static final String AUDIT_SUBJECT = "REORGANIZATION";

    private static final Fmt FMT = new Fmt();

    private final UnitDirectory directory;
    private final UnitHistory history;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final TransactionTemplate rollbackOnly;
    private final TransactionTemplate inTransaction;
    private final Clock clock;
    private final JsonMapper json;

    Reorganizations(
            UnitDirectory directory,
            UnitHistory history,
            NamedParameterJdbcTemplate jdbc,
            AuditTrail audit,
            ApplicationEventPublisher events,
            EntityManager entityManager,
            PlatformTransactionManager transactions,
            Clock clock,
            JsonMapper json) {
        this.directory = directory;
        this.history = history;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.entityManager = entityManager;
        this.rollbackOnly = new TransactionTemplate(transactions);
        this.inTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.json = json;
    }

    /**
     * Applies a reorganization whose effective date has come; one with a future date is checked as a preview
     * would, then stored as scheduled (the report says {@code scheduled}).
     */
    public ReorganizationReport apply(Actor actor, ReorganizationRequest request) {
        if (request.effectiveDate() != null && request.effectiveDate().isAfter(today(clock))) {
            return schedule(actor, request);
        }
        ReorganizationReport report = new ReorganizationReport();
        inTransaction.executeWithoutResult(
                status -> report.done(execute(actor, request, report, today(clock), null), false));
        return report;
    }

    /** Says what a reorganization would change, changing nothing; its effective date may lie in the future. */
    public ReorganizationReport preview(Actor actor, ReorganizationRequest request) {
        ReorganizationReport report = new ReorganizationReport();
        rollbackOnly.executeWithoutResult(status -> {
            status.setRollbackOnly();
            LocalDate date = request.effectiveDate();
            long id = execute(
                    actor, request, report, date != null && date.isAfter(today(clock)) ? date : today(clock), null);
            report.done(id, true);
        });
        return report;
    }

    private ReorganizationReport schedule(Actor actor, ReorganizationRequest request) {
        ReorganizationReport report = preview(actor, request);
        Long id = inTransaction.execute(status -> {
            long key = insertReorganization(actor, request, "SCHEDULED", json.writeValueAsString(request));
            audit.record(actor.username(), AUDIT_SUBJECT, key, "REORG_SCHEDULE", null, "SCHEDULED", summary(request));
            return key;
        });
        report.scheduled(id);
        return report;
    }

    /** Cancels a scheduled reorganization before its effective date. */
    public void cancel(Actor actor, long id) {
        UnitPolicy.require(actor, UnitPolicy.Act.REORGANIZE);
        if (scheduled(actor).stream().noneMatch(s -> s.id() == id)) {
            throw new Problems.NotFound("unit.reorg.notFound");
        }
        inTransaction.executeWithoutResult(status -> {
            int n = jdbc.update(
                    "update unit_reorganization set status = 'CANCELLED', decided_by = :by,"
                            + " decided_at = :at where id = :id and status = 'SCHEDULED' and effective_date > :today",
                    new MapSqlParameterSource("id", id)
                            .addValue("by", actor.username())
                            .addValue("at", Timestamp.from(clock.instant()))
                            .addValue("today", Date.valueOf(today(clock))));
            if (n == 0) {
                throw new Problems.Invalid("id", "unit.reorg.notCancellable");
            }
            audit.record(actor.username(), AUDIT_SUBJECT, id, "REORG_CANCEL", "SCHEDULED", "CANCELLED", "#" + id);
        });
    }

    /** Reorganizations waiting for their date whose units all lie in the actor's subtree, soonest first. */
    public List<Scheduled> scheduled(Actor actor) {
        UnitPolicy.require(actor, UnitPolicy.Act.REORGANIZE);
        return scheduled().stream()
                .filter(s -> s.from().stream()
                        .map(directory::byCode)
                        .allMatch(u -> u.isPresent() && actor.covers(u.get().path())))
                .toList();
    }

    private List<Scheduled> scheduled() {
        return jdbc.query(
                "select id, type, effective_date, note, created_by, request from unit_reorganization"
                        + " where status = 'SCHEDULED' order by effective_date, id",
                new MapSqlParameterSource(),
                (rs, n) -> {
                    ReorganizationRequest r = json.readValue(rs.getString("request"), ReorganizationRequest.class);
                    return new Scheduled(
                            rs.getLong("id"),
                            ReorganizationType.valueOf(rs.getString("type")),
                            rs.getDate("effective_date").toLocalDate(),
                            rs.getString("note"),
                            rs.getString("created_by"),
                            r.from(),
                            r.to().stream()
                                    .map(ReorganizationRequest.Target::code)
                                    .toList());
                });
    }

    /** A reorganization stored to be applied on {@code effectiveDate}. */
    public record Scheduled(
            long id,
            ReorganizationType type,
            LocalDate effectiveDate,
            String note,
            String createdBy,
            List<String> from,
            List<String> to) {}

    /** The scheduled reorganizations whose date has come on {@code today}, soonest first. */
    List<Long> due(LocalDate today) {
        return jdbc.queryForList(
                "select id from unit_reorganization where status = 'SCHEDULED'"
                        + " and effective_date <= :today order by effective_date, id",
                new MapSqlParameterSource("today", Date.valueOf(today)),
                Long.class);
    }

    /**
     * Applies the scheduled reorganization {@code id} as {@code actor} if it is still scheduled and due on
     * {@code today}; claims its row first, so that a second node, or a second run, finds nothing to do.
     * Returns false when there was nothing to apply.
     */
    boolean applyScheduled(Actor actor, long id, LocalDate today) {
        Boolean done = inTransaction.execute(status -> {
            MapSqlParameterSource p = new MapSqlParameterSource("id", id)
                    .addValue("today", Date.valueOf(today))
                    .addValue("by", actor.username())
                    .addValue("at", Timestamp.from(clock.instant()));
            if (jdbc.update(
                            "update unit_reorganization set status = 'APPLIED', decided_by = :by, decided_at = :at"
                                    + " where id = :id and status = 'SCHEDULED' and effective_date <= :today",
                            p)
                    == 0) {
                return false;
            }
            String body =
                    jdbc.queryForObject("select request from unit_reorganization where id = :id", p, String.class);
            ReorganizationRequest request = json.readValue(body, ReorganizationRequest.class);
            execute(actor, request, new ReorganizationReport(), today, id);
            audit.record(
                    actor.username(),
                    AUDIT_SUBJECT,
                    id,
                    "REORG_APPLY_SCHEDULED",
                    "SCHEDULED",
                    "APPLIED",
                    summary(request));
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Marks a scheduled reorganization that could not be applied on its date, with the reason, for an admin. */
    void failed(Actor actor, long id, String reason) {
        inTransaction.executeWithoutResult(status -> {
            if (jdbc.update(
                            "update unit_reorganization set status = 'FAILED', decided_by = :by, decided_at = :at"
                                    + " where id = :id and status = 'SCHEDULED'",
                            new MapSqlParameterSource("id", id)
                                    .addValue("by", actor.username())
                                    .addValue("at", Timestamp.from(clock.instant())))
                    > 0) {
                audit.record(actor.username(), AUDIT_SUBJECT, id, "REORG_FAIL", "SCHEDULED", "FAILED", reason);
            }
        });
    }

    private static String summary(ReorganizationRequest r) {
        return r.type() + " " + r.effectiveDate() + ": " + String.join(", ", r.from()) + " → "
                + String.join(
                        ", ",
                        r.to().stream().map(ReorganizationRequest.Target::code).toList())
                + (r.note() == null ? "" : " — " + r.note());
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(Fmt.ZONE));
    }

    private long execute(
            Actor actor, ReorganizationRequest r, ReorganizationReport report, LocalDate today, Long scheduledId) {
        UnitPolicy.require(actor, UnitPolicy.Act.REORGANIZE);
        LocalDate date = r.effectiveDate();
        if (date.isAfter(today)) {
            throw new Problems.Invalid("effectiveDate", "unit.reorg.future");
        }
        List<UnitRef> from = fromUnits(actor, r.from());
        checkShape(r, from);
        checkOrder(from, date);
        entityManager.flush();

        report.effectiveDate(date);
        long id = scheduledId != null ? scheduledId : insertReorganization(actor, r, "APPLIED", null);
        List<UnitRef> to = targets(actor, r, date, report);
        List<UnitsReorganized.Ended> ended = new ArrayList<>();
        List<UnitsReorganized.Moved> moving = new ArrayList<>();
        switch (r.type()) {
            case MERGE, DISSOLVE -> {
                UnitRef into = to.get(0);
                for (UnitRef x : from) {
                    ended.add(endInto(x, into, List.of(into), id, date, report));
                }
            }
            case SPLIT -> ended.add(endInto(from.get(0), to.get(0), to, id, date, report));
            case RENAME -> {
                UnitRef x = from.get(0);
                String name = r.to().get(0).name().trim();
                history.rename(x.id(), x.path(), name, date);
                report.add("unitsRenamed", 1, x.name() + " → " + name);
            }
            case MOVE -> {
                UnitRef parent = to.get(0);
                for (UnitRef x : from) {
                    if (x.level().rank() < parent.level().rank()) {
                        throw new Problems.Invalid("to", "unit.level.aboveParent");
                    }
                    report.moves(x.code(), x.name(), parent.name());
                    moving.add(new UnitsReorganized.Moved(
                            x.code(), new UnitScope(current(x.id()).path(), date.minusDays(1))));
                    int moved = history.moveSubtree(
                            x.id(),
                            current(x.id()).path(),
                            parent.id(),
                            current(parent.id()).path(),
                            date);
                    report.add("unitsMoved", moved, x.name() + " → " + parent.name());
                }
            }
        }
        for (UnitRef x : from) {
            audit.record(
                    actor.username(),
                    "UNIT",
                    x.id(),
                    "REORG_" + r.type().name(),
                    x.active() ? "ACTIVE" : "ENDED",
                    ended.stream().anyMatch(e -> e.unitId() == x.id()) ? "ENDED" : "ACTIVE",
                    "#" + id + " " + date + (r.note() == null ? "" : " — " + r.note()));
        }
        for (UnitsReorganized.Ended e : ended) {
            moving.add(new UnitsReorganized.Moved(e.code(), e.formerSubtree()));
        }
        events.publishEvent(
                new UnitsReorganized(id, r.type(), date, actor, List.copyOf(ended), report, List.copyOf(moving)));
        entityManager.flush();
        entityManager.clear();
        return id;
    }

    /** Children of {@code x} move under {@code into}; {@code x} ends and hangs under {@code into}. */
    private UnitsReorganized.Ended endInto(
            UnitRef x,
            UnitRef into,
            List<UnitRef> successors,
            long reorgId,
            LocalDate date,
            ReorganizationReport report) {
        UnitScope formerSubtree = new UnitScope(current(x.id()).path(), date.minusDays(1));
        report.moves(
                x.code(),
                x.name(),
                String.join(", ", successors.stream().map(UnitRef::name).toList()));
        List<Long> children = jdbc.queryForList(
                "select id from unit_unit where parent_id = :id order by id",
                new MapSqlParameterSource("id", x.id()),
                Long.class);
        for (Long child : children) {
            int moved = history.moveSubtree(
                    child, current(child).path(), into.id(), current(into.id()).path(), date);
            report.add("unitsMoved", moved, null);
        }
        if (!children.isEmpty()) {
            report.add(
                    "childrenMoved",
                    children.size(),
                    children.size() + " đơn vị trực thuộc " + x.name() + " → " + into.name());
        }
        history.moveSubtree(
                x.id(), current(x.id()).path(), into.id(), current(into.id()).path(), date);
        history.end(x.id(), date);
        for (UnitRef s : successors) {
            jdbc.update(
                    "insert into unit_succession (predecessor_id, successor_id, reorganization_id, effective_date)"
                            + " values (:p, :s, :r, :d)",
                    new MapSqlParameterSource("p", x.id())
                            .addValue("s", s.id())
                            .addValue("r", reorgId)
                            .addValue("d", Date.valueOf(date)));
        }
        report.add(
                "unitsEnded",
                1,
                x.name() + " (" + x.code() + ") kết thúc từ " + FMT.date(date) + ", kế thừa: " + into.name());
        return new UnitsReorganized.Ended(
                x.id(), x.code(), x.level(), into.id(), into.code(), into.level(), formerSubtree);
    }

    private List<UnitRef> fromUnits(Actor actor, List<String> codes) {
        List<UnitRef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            UnitRef u = directory.inScope(actor, code, "from");
            if (!u.active()) {
                throw new Problems.Invalid("from", "unit.reorg.ended");
            }
            if (u.parentId() == null) {
                throw new Problems.Invalid("from", "unit.reorg.root");
            }
            if (!seen.add(u.code())) {
                throw new Problems.Invalid("from", "unit.reorg.duplicate");
            }
            out.add(u);
        }
        return out;
    }

    private void checkShape(ReorganizationRequest r, List<UnitRef> from) {
        int f = from.size();
        int t = r.to().size();
        boolean ok = switch (r.type()) {
            case MERGE -> f >= 1 && t == 1;
            case SPLIT -> f == 1 && t >= 2 && r.to().stream().allMatch(ReorganizationRequest.Target::describesNewUnit);
            case RENAME ->
                f == 1
                        && t == 1
                        && r.to().get(0).name() != null
                        && !r.to().get(0).name().isBlank()
                        && r.to().get(0).code().equals(from.get(0).code());
            case MOVE, DISSOLVE ->
                (r.type() == ReorganizationType.MOVE || f == 1)
                        && t == 1
                        && !r.to().get(0).describesNewUnit();
        };
        if (!ok) {
            throw new Problems.Invalid("to", "unit.reorg.shape." + r.type().name());
        }
    }

    private void checkOrder(List<UnitRef> from, LocalDate date) {
        for (UnitRef x : from) {
            Date latest = jdbc.queryForObject(
                    "select max(valid_from) from unit_path_history where valid_to is null"
                            + " and unit_id in (select id from unit_unit where path like :prefix)",
                    new MapSqlParameterSource("prefix", x.path() + "%"),
                    Date.class);
            if (latest != null && latest.toLocalDate().isAfter(date)) {
                throw new Problems.Invalid("effectiveDate", "unit.reorg.outOfOrder", latest.toLocalDate());
            }
        }
    }

    private List<UnitRef> targets(Actor actor, ReorganizationRequest r, LocalDate date, ReorganizationReport report) {
        List<UnitRef> out = new ArrayList<>();
        if (r.type() == ReorganizationType.RENAME) {
            out.add(directory.byCode(r.to().get(0).code()).orElseThrow());
            return out;
        }
        for (ReorganizationRequest.Target t : r.to()) {
            if (!t.describesNewUnit()) {
                UnitRef existing = directory.inScope(actor, t.code(), "to");
                if (!existing.active()) {
                    throw new Problems.Invalid("to", "unit.reorg.ended");
                }
                if (r.from().contains(existing.code())) {
                    throw new Problems.Invalid("to", "unit.reorg.selfTarget");
                }
                for (String f : r.from()) {
                    UnitRef fu = directory.byCode(f).orElseThrow();
                    if (fu.contains(existing)) {
                        throw new Problems.Invalid("to", "unit.reorg.intoOwnSubtree");
                    }
                }
                out.add(existing);
            } else {
                if (t.name() == null
                        || t.name().isBlank()
                        || t.level() == null
                        || t.kind() == null
                        || t.parentCode() == null) {
                    throw new Problems.Invalid("to", "unit.reorg.newUnitIncomplete");
                }
                UnitRef created = directory.createOn(
                        actor, new NewUnit(t.code(), t.name(), t.level(), t.kind(), t.parentCode()), date);
                report.add("unitsCreated", 1, "Đơn vị mới: " + created.name() + " (" + created.code() + ")");
                out.add(created);
            }
        }
        return out;
    }

    private long insertReorganization(Actor actor, ReorganizationRequest r, String status, String body) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into unit_reorganization (type, effective_date, note, created_by, created_at, status,"
                        + " request) values (:type, :date, :note, :by, :at, :status, :request)",
                new MapSqlParameterSource("type", r.type().name())
                        .addValue("date", Date.valueOf(r.effectiveDate()))
                        .addValue("note", r.note())
                        .addValue("by", actor.username())
                        .addValue("status", status)
                        .addValue("request", body)
                        .addValue("at", Timestamp.from(clock.instant())),
                key,
                new String[] {"id"});
        return key.getKey().longValue();
    }

    private record Row(long id, String path, Level level) {}

    private Row current(long id) {
        return jdbc.queryForObject(
                "select id, path, level from unit_unit where id = :id",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), Level.valueOf(rs.getString(3))));
    }
}
