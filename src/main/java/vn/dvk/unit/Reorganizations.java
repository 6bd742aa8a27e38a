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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Reorganizations of the unit tree (MERGE, SPLIT, RENAME, MOVE, DISSOLVE) with an effective date.
 * <p>Units are never deleted. An ended unit keeps its rows (models, proposals, commendations) and is hung under
 * its successor, so today's subtree of the successor includes the predecessors' history ("current" boundary),
 * while {@code unit_path_history} remembers where every unit was on every date ("historical" boundary). Users,
 * open registrations and pending proposals of ended units are moved by the modules that own them, listening to
 * {@link UnitsReorganized} in the same transaction. A preview runs the same code and rolls back.
 */
@Service
public class Reorganizations {

    private final UnitDirectory directory;
    private final UnitHistory history;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final TransactionTemplate rollbackOnly;
    private final Clock clock;

    Reorganizations(UnitDirectory directory, UnitHistory history, NamedParameterJdbcTemplate jdbc,
                    AuditTrail audit, ApplicationEventPublisher events, EntityManager entityManager,
                    PlatformTransactionManager transactions, Clock clock) {
        this.directory = directory;
        this.history = history;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.entityManager = entityManager;
        this.rollbackOnly = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Applies a reorganization. */
    @Transactional
    public ReorganizationReport apply(Actor actor, ReorganizationRequest request) {
        ReorganizationReport report = new ReorganizationReport();
        long id = execute(actor, request, report);
        report.done(id, false);
        return report;
    }

    /** Says what a reorganization would change, changing nothing. */
    public ReorganizationReport preview(Actor actor, ReorganizationRequest request) {
        ReorganizationReport report = new ReorganizationReport();
        rollbackOnly.executeWithoutResult(status -> {
            status.setRollbackOnly();
            long id = execute(actor, request, report);
            report.done(id, true);
        });
        return report;
    }

    private long execute(Actor actor, ReorganizationRequest r, ReorganizationReport report) {
        if (!actor.hasRole(Role.ADMIN)) {
            throw new Problems.Forbidden("access.denied");
        }
        LocalDate date = r.effectiveDate();
        if (date.isAfter(LocalDate.now(clock))) {
            throw new Problems.Invalid("effectiveDate", "unit.reorg.future");
        }
        List<UnitRef> from = fromUnits(actor, r.from());
        checkShape(r, from);
        checkOrder(from, date);
        entityManager.flush();

        long id = insertReorganization(actor, r);
        List<UnitRef> to = targets(actor, r, date, report);
        List<UnitsReorganized.Ended> ended = new ArrayList<>();
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
                    int moved = history.moveSubtree(x.id(), current(x.id()).path(), parent.id(),
                            current(parent.id()).path(), date);
                    report.add("unitsMoved", moved, x.name() + " → " + parent.name());
                }
            }
        }
        for (UnitRef x : from) {
            audit.record(actor.username(), "UNIT", x.id(), "REORG_" + r.type().name(),
                    x.active() ? "ACTIVE" : "ENDED", ended.stream().anyMatch(e -> e.unitId() == x.id()) ? "ENDED" : "ACTIVE",
                    "#" + id + " " + date + (r.note() == null ? "" : " — " + r.note()));
        }
        events.publishEvent(new UnitsReorganized(id, r.type(), date, actor, List.copyOf(ended), report));
        entityManager.flush();
        entityManager.clear();
        return id;
    }

    /** Children of {@code x} move under {@code into}; {@code x} ends and hangs under {@code into}. */
    private UnitsReorganized.Ended endInto(UnitRef x, UnitRef into, List<UnitRef> successors, long reorgId,
                                           LocalDate date, ReorganizationReport report) {
        UnitScope formerSubtree = new UnitScope(current(x.id()).path(), date.minusDays(1));
        List<Long> children = jdbc.queryForList("select id from unit_unit where parent_id = :id order by id",
                new MapSqlParameterSource("id", x.id()), Long.class);
        for (Long child : children) {
            int moved = history.moveSubtree(child, current(child).path(), into.id(), current(into.id()).path(), date);
            report.add("unitsMoved", moved, null);
        }
        if (!children.isEmpty()) {
            report.add("childrenMoved", children.size(), children.size() + " đơn vị trực thuộc " + x.name()
                    + " → " + into.name());
        }
        history.moveSubtree(x.id(), current(x.id()).path(), into.id(), current(into.id()).path(), date);
        history.end(x.id(), date);
        for (UnitRef s : successors) {
            jdbc.update("insert into unit_succession (predecessor_id, successor_id, reorganization_id, effective_date)"
                    + " values (:p, :s, :r, :d)", new MapSqlParameterSource("p", x.id()).addValue("s", s.id())
                    .addValue("r", reorgId).addValue("d", Date.valueOf(date)));
        }
        report.add("unitsEnded", 1, x.name() + " (" + x.code() + ") kết thúc từ " + date + ", kế thừa: " + into.name());
        return new UnitsReorganized.Ended(x.id(), x.code(), x.level(), into.id(), into.code(), into.level(),
                formerSubtree);
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
            case RENAME -> f == 1 && t == 1 && r.to().get(0).name() != null && !r.to().get(0).name().isBlank()
                    && r.to().get(0).code().equals(from.get(0).code());
            case MOVE, DISSOLVE -> (r.type() == ReorganizationType.MOVE || f == 1) && t == 1
                    && !r.to().get(0).describesNewUnit();
        };
        if (!ok) {
            throw new Problems.Invalid("to", "unit.reorg.shape." + r.type().name());
        }
    }

    private void checkOrder(List<UnitRef> from, LocalDate date) {
        for (UnitRef x : from) {
            Date latest = jdbc.queryForObject("select max(valid_from) from unit_path_history where valid_to is null"
                    + " and unit_id in (select id from unit_unit where path like :prefix)",
                    new MapSqlParameterSource("prefix", x.path() + "%"), Date.class);
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
                if (t.name() == null || t.name().isBlank() || t.level() == null || t.kind() == null
                        || t.parentCode() == null) {
                    throw new Problems.Invalid("to", "unit.reorg.newUnitIncomplete");
                }
                UnitRef created = directory.createOn(actor, new NewUnit(t.code(), t.name(), t.level(), t.kind(),
                        t.parentCode()), date);
                report.add("unitsCreated", 1, "Đơn vị mới: " + created.name() + " (" + created.code() + ")");
                out.add(created);
            }
        }
        return out;
    }

    private long insertReorganization(Actor actor, ReorganizationRequest r) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into unit_reorganization (type, effective_date, note, created_by, created_at)"
                        + " values (:type, :date, :note, :by, :at)",
                new MapSqlParameterSource("type", r.type().name()).addValue("date", Date.valueOf(r.effectiveDate()))
                        .addValue("note", r.note()).addValue("by", actor.username())
                        .addValue("at", Timestamp.from(clock.instant())),
                key, new String[] {"id"});
        return key.getKey().longValue();
    }

    private record Row(long id, String path, Level level) {
    }

    private Row current(long id) {
        return jdbc.queryForObject("select id, path, level from unit_unit where id = :id",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), Level.valueOf(rs.getString(3))));
    }
}
