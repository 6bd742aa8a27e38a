package vn.dvk.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/**
 * The unit tree as the other modules use it: look units up, test containment, add units. The lookups are answered
 * from {@link UnitCache} without a transaction of their own (one that misses reads through the repository, in the
 * repository's transaction): a request looks units up many times, and a transaction per lookup cost more than it.
 */
@Service
@Transactional(readOnly = true)
public class UnitDirectory {

    /** Code of the root unit created on first start. */
    public static final String ROOT_CODE = "TW";

    private final Units units;
    private final UnitHistory history;
    private final UnitCache cache;
    private final AuditTrail audit;
    private final Clock clock;

    UnitDirectory(Units units, UnitHistory history, UnitCache cache, AuditTrail audit, Clock clock) {
        this.units = units;
        this.cache = cache;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Which units a count over {@code unit} covers: today's subtree (which includes the ended predecessors hung
     * under their successors) or, historically, the subtree the unit had on {@code spanEnd} — or on its last day,
     * for a unit that ended before; rows with a date of their own are placed in the tree of that date
     * ({@link UnitScope#conditionOn}).
     */
    public UnitScope scope(UnitRef unit, boolean historical, LocalDate spanEnd) {
        if (!historical) {
            return new UnitScope(unit.path(), null);
        }
        LocalDate asOf = unit.validTo() != null && !unit.validTo().isAfter(spanEnd)
                ? unit.validTo().minusDays(1)
                : spanEnd;
        return new UnitScope(history.pathOn(unit.id(), unit.path(), asOf), asOf, unit.id());
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<UnitRef> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String trimmed = code.trim();
        long version = cache.version();
        Optional<UnitRef> found = cache.get(
                version, "code:" + trimmed, () -> units.findByCode(trimmed).map(u -> ref(version, u)));
        found.ifPresent(u -> cache.put(version, u.id(), Optional.of(u)));
        return found;
    }

    /**
     * The version of the unit tree as this request sees it: it grows at every change of units, committed or not, on
     * any node (for a cache of answers that show units' names, such as the public library's).
     */
    public long treeVersion() {
        return cache.version();
    }

    /** By primary key, kept per version of the tree ({@link UnitCache}). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<UnitRef> byId(Long id) {
        return id == null ? Optional.empty() : byId(cache.version(), id);
    }

    private Optional<UnitRef> byId(long version, Long id) {
        return cache.get(version, id, () -> units.findById(id).map(u -> ref(version, u)));
    }

    /** Many units with their parents' codes, those not kept in one query (the lists of a page). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, UnitRef> byIds(Collection<Long> ids) {
        Map<Long, UnitRef> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        long version = cache.version();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            Optional<UnitRef> kept = cache.peek(version, id);
            if (kept != null) {
                kept.ifPresent(u -> out.put(id, u));
            } else if (id != null) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (Object[] row : units.findWithParentCode(missing)) {
                Unit u = (Unit) row[0];
                UnitRef ref = u.toRef((String) row[1]);
                out.put(u.getId(), ref);
                cache.put(version, u.getId(), Optional.of(ref));
            }
        }
        return out;
    }

    /** A unit the actor may read: one in its subtree or one of its ancestors; otherwise 404. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public UnitRef visibleTo(Actor actor, String code) {
        UnitRef unit = byCode(code).orElseThrow(() -> new Problems.NotFound("unit.notFound"));
        if (!actor.covers(unit.path()) && !actor.unitPath().startsWith(unit.path())) {
            throw new Problems.NotFound("unit.notFound");
        }
        return unit;
    }

    /** A unit in the actor's subtree, named by a request field; otherwise 400 on that field. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public UnitRef inScope(Actor actor, String code, String field) {
        return byCode(code)
                .filter(u -> actor.covers(u.path()))
                .orElseThrow(() -> new Problems.Invalid(field, "unit.notFound"));
    }

    public Page<UnitRef> subtree(UnitRef top, String query, Pageable pageable) {
        return subtree(top, query, null, pageable);
    }

    /** The subtree's units in tree order, optionally only those of one level (a search by text ignores the level). */
    public Page<UnitRef> subtree(UnitRef top, String query, Level level, Pageable pageable) {
        Page<Unit> page = query == null || query.isBlank()
                ? level == null
                        ? units.findSubtree(top.path(), pageable)
                        : units.findSubtreeAtLevel(top.path(), level, pageable)
                : units.searchSubtree(top.path(), "%" + query.trim().toLowerCase() + "%", pageable);
        Map<Long, UnitRef> refs = byIds(page.map(Unit::getId).getContent());
        return page.map(u -> refs.get(u.getId()));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<UnitRef> children(UnitRef parent) {
        return cache.get(
                cache.version(),
                "children:" + parent.id(),
                () -> units.findByParentIdOrderByName(parent.id()).stream()
                        .map(u -> u.toRef(parent.code()))
                        .toList());
    }

    /** Every unit of a subtree, in tree order; for pickers in forms (bounded by the caller's scope). */
    public List<UnitRef> allIn(UnitRef top) {
        List<Unit> all = units.findAllInSubtree(top.path());
        Map<Long, String> codes = all.stream().collect(Collectors.toMap(Unit::getId, Unit::getCode));
        return all.stream()
                .map(u -> u.toRef(codes.getOrDefault(u.getParentId(), top.parentCode())))
                .toList();
    }

    /** Adds a unit under a parent in the actor's subtree; the child's level may not be above the parent's. */
    @Transactional
    public UnitRef create(Actor actor, NewUnit request) {
        return createOn(actor, request, null);
    }

    /** Adds a unit that exists from {@code validFrom} on (null: it has always existed, as far as DVK knows). */
    @Transactional
    public UnitRef createOn(Actor actor, NewUnit request, LocalDate validFrom) {
        UnitPolicy.require(actor, UnitPolicy.Act.CREATE);
        if (request.parentCode() == null || request.parentCode().isBlank()) {
            throw new Problems.Invalid("parentCode", "validation.required");
        }
        Unit parent = units.findByCode(request.parentCode().trim())
                .filter(p -> actor.covers(p.getPath()))
                .orElseThrow(() -> new Problems.Invalid("parentCode", "unit.notFound"));
        if (parent.getValidTo() != null) {
            throw new Problems.Invalid("parentCode", "unit.ended");
        }
        if (request.level().rank() < parent.getLevel().rank()) {
            throw new Problems.Invalid("level", "unit.level.aboveParent");
        }
        String code = request.code().trim();
        cache.changed();
        if (units.existsByCode(code)) {
            throw new Problems.Invalid("code", "unit.code.taken");
        }
        Unit unit = new Unit(code, request.name().trim(), request.level(), request.kind(), parent, clock.instant());
        unit.startOn(validFrom);
        units.saveAndFlush(unit);
        unit.placeUnder(parent);
        units.flush();
        history.opened(unit.getId());
        audit.record(actor.username(), "UNIT", unit.getId(), "CREATE", null, null, unit.getName());
        return unit.toRef(parent.getCode());
    }

    /** Creates the root unit {@code TW} when the tree is empty; returns it either way. */
    @Transactional
    public UnitRef ensureRoot() {
        return units.findByCode(ROOT_CODE).map(this::ref).orElseGet(() -> {
            cache.changed();
            Unit root = units.saveAndFlush(
                    new Unit(ROOT_CODE, "Trung ương", Level.CENTRAL, UnitKind.AREA, null, clock.instant()));
            root.placeUnder(null);
            units.flush();
            history.opened(root.getId());
            audit.record("system", "UNIT", root.getId(), "CREATE", null, null, root.getName());
            return root.toRef(null);
        });
    }

    /** Codes of the units that took over from this one, in reorganizations. */
    public List<String> successorsOf(UnitRef unit) {
        return history.successors(unit.id());
    }

    /** Codes of the units this one took over from, in reorganizations. */
    public List<String> predecessorsOf(UnitRef unit) {
        return history.predecessors(unit.id());
    }

    private UnitRef ref(Unit u) {
        return ref(cache.version(), u);
    }

    private UnitRef ref(long version, Unit u) {
        String parentCode = u.getParentId() == null
                ? null
                : byId(version, u.getParentId()).map(UnitRef::code).orElse(null);
        return u.toRef(parentCode);
    }
}
