package vn.dvk.recognition.criteria;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Criteria sets: admins of a unit write the sets their guidance documents issue (or copy and adapt another
 * set, such as the preloaded example); everyone reads the sets of their own path and subtree.
 */
@NamedInterface("criteria")
@Service
@Transactional(readOnly = true)
public class CriteriaCatalogue {

    static final String AUDIT_SUBJECT = "CRITERIA_SET";
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
    private static final BigDecimal MAX_POINTS = new BigDecimal("1000");
    private static final BigDecimal MAX_WEIGHT = new BigDecimal("100");
    private static final BigDecimal DEFAULT_RATIO = new BigDecimal("0.50");

    /** One criterion as written by an admin. */
    public record CriterionDraft(String code, String description, BigDecimal maxPoints, BigDecimal weight) {}

    /** A criteria set as written by an admin (the API body and the page form). */
    public record Draft(
            String unitCode,
            Level level,
            String name,
            String documentNumber,
            LocalDate documentDate,
            String documentTitle,
            LocalDate effectiveFrom,
            BigDecimal passThreshold,
            BigDecimal commentBelowRatio,
            List<CriterionDraft> criteria) {}

    /** What a copy changes: the issuing unit and the date it is in force from; the rest defaults to the source. */
    public record CopyRequest(
            String unitCode,
            Level level,
            LocalDate effectiveFrom,
            String name,
            String documentNumber,
            LocalDate documentDate,
            String documentTitle) {}

    /** A criterion as the API shows it. */
    public record CriterionView(String code, String description, BigDecimal maxPoints, BigDecimal weight) {}

    /** A criteria set as the API shows it. */
    public record CriteriaSetView(
            Long id,
            String unitCode,
            String unitName,
            Level level,
            String name,
            String documentNumber,
            LocalDate documentDate,
            String documentTitle,
            LocalDate effectiveFrom,
            BigDecimal passThreshold,
            BigDecimal commentBelowRatio,
            BigDecimal maxTotal,
            boolean example,
            Long copiedFromId,
            boolean inUse,
            List<CriterionView> criteria,
            long version) {}

    private final CriteriaSets sets;
    private final CriteriaSetUse use;
    private final UnitDirectory units;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CriteriaCatalogue(
            CriteriaSets sets,
            CriteriaSetUse use,
            UnitDirectory units,
            AuditTrail audit,
            NamedParameterJdbcTemplate jdbc,
            Clock clock) {
        this.sets = sets;
        this.use = use;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public CriteriaSetView create(Actor actor, Draft d) {
        CriteriaPolicy.requireRoles(actor, CriteriaPolicy.Act.WRITE);
        UnitRef unit = issuer(actor, d.unitCode());
        CriteriaSet set = new CriteriaSet(unit.id(), null, actor.username(), clock.instant());
        write(set, unit, d);
        CriteriaSet saved = sets.saveAndFlush(set);
        audit.record(actor.username(), AUDIT_SUBJECT, saved.getId(), "CRITERIA_CREATE", null, null, saved.getName());
        return view(saved);
    }

    @Transactional
    public CriteriaSetView update(Actor actor, Long id, Draft d, Long expectedVersion) {
        CriteriaPolicy.requireRoles(actor, CriteriaPolicy.Act.WRITE);
        CriteriaSet set = visible(actor, id);
        if (set.isExample()) {
            throw new Problems.Conflict("criteria.example.readOnly");
        }
        UnitRef current = units.byId(set.getUnitId()).orElseThrow();
        CriteriaPolicy.require(actor, CriteriaPolicy.Act.WRITE, current.path());
        if (expectedVersion == null) {
            throw new Problems.Invalid("version", "validation.required");
        }
        if (expectedVersion != set.getVersion()) {
            throw new Problems.Conflict("model.version.stale", set.getVersion());
        }
        if (use.inUse(id)) {
            throw new Problems.Conflict("criteria.inUse");
        }
        UnitRef unit = issuer(actor, d.unitCode());
        if (!unit.id().equals(set.getUnitId())) {
            throw new Problems.Invalid("unitCode", "criteria.unit.fixed");
        }
        write(set, unit, d);
        sets.flush();
        audit.record(actor.username(), AUDIT_SUBJECT, id, "CRITERIA_EDIT", null, null, set.getName());
        return view(set);
    }

    /**
     * Copies a set (the example or one the user can read) into a unit of the user's subtree. Admins and leaders
     * (APPROVER, who organise the rounds) may copy: a leader whose level has no set in force takes the one of
     * the guidance document above it without waiting for an administrator.
     */
    @Transactional
    public CriteriaSetView copy(Actor actor, Long sourceId, CopyRequest c) {
        CriteriaPolicy.requireRoles(actor, CriteriaPolicy.Act.COPY);
        CriteriaSet source = visible(actor, sourceId);
        UnitRef unit = issuer(actor, c.unitCode());
        CriteriaSet set = new CriteriaSet(unit.id(), source.getId(), actor.username(), clock.instant());
        List<CriterionDraft> criteria = source.getCriteria().stream()
                .map(k -> new CriterionDraft(k.getCode(), k.getDescription(), k.getMaxPoints(), k.getWeight()))
                .toList();
        String name = blank(c.name())
                ? source.getName()
                        .replace(
                                "Bộ tiêu chí mẫu (ví dụ để sao chép và điều chỉnh)",
                                "Bộ tiêu chí xét công nhận mô hình \"Dân vận khéo\"")
                : c.name();
        write(
                set,
                unit,
                new Draft(
                        c.unitCode(),
                        c.level() == null ? source.getLevel() : c.level(),
                        name,
                        blank(c.documentNumber()) ? source.getDocNumber() : c.documentNumber(),
                        c.documentDate() == null ? source.getDocDate() : c.documentDate(),
                        blank(c.documentTitle()) ? source.getDocTitle() : c.documentTitle(),
                        c.effectiveFrom(),
                        source.getPassThreshold(),
                        source.getCommentBelowRatio(),
                        criteria));
        CriteriaSet saved = sets.saveAndFlush(set);
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                saved.getId(),
                "CRITERIA_COPY",
                null,
                null,
                "#" + source.getId() + " " + source.getName());
        return view(saved);
    }

    /** The example set and the sets issued on the actor's path (ancestors) and in its subtree. */
    public List<CriteriaSetView> list(Actor actor) {
        List<Long> ids = new ArrayList<>(ancestorIds(actor.unitPath()));
        ids.addAll(jdbc.queryForList(
                "select id from unit_scope where path like :prefix",
                new MapSqlParameterSource("prefix", actor.unitPath() + "%"),
                Long.class));
        return sets.findExampleOrIssuedBy(ids).stream().map(this::view).toList();
    }

    public CriteriaSetView get(Actor actor, Long id) {
        return view(visible(actor, id));
    }

    /**
     * The set in force for a round of a unit at a level on a date: among the sets for that level issued by the
     * unit or one of its ancestors and in force on that date, the one of the closest issuing unit, then the
     * latest. The example set never applies by itself.
     */
    public Optional<CriteriaSet> inForce(UnitRef unit, Level level, LocalDate on) {
        List<Long> path = ancestorIds(unit.path());
        return sets.findByUnitIdInAndLevelOrderByEffectiveFromDesc(path, level).stream()
                .filter(s -> !s.getEffectiveFrom().isAfter(on))
                .max(Comparator.comparingInt((CriteriaSet s) -> path.indexOf(s.getUnitId()))
                        .thenComparing(CriteriaSet::getEffectiveFrom));
    }

    /** The set in force today for the actor's unit at a level, as {@link #inForce} chooses it; empty when none. */
    @Transactional(readOnly = true)
    public Optional<CriteriaSetView> inForceFor(Actor actor, Level level) {
        return units.byCode(actor.unitCode())
                .flatMap(u -> inForce(u, level, LocalDate.now(clock)))
                .map(this::view);
    }

    /**
     * What to copy when a unit has no set in force for a level: the set of the closest unit on its path (the
     * guidance document of the level above) in force on that date, whatever its level; else the example set.
     */
    public Optional<CriteriaSet> copySource(UnitRef unit, LocalDate on) {
        List<Long> path = ancestorIds(unit.path());
        List<CriteriaSet> all = sets.findExampleOrIssuedBy(path);
        return all.stream()
                .filter(s -> !s.isExample() && !s.getEffectiveFrom().isAfter(on))
                .max(Comparator.comparingInt((CriteriaSet s) -> path.indexOf(s.getUnitId()))
                        .thenComparing(CriteriaSet::getEffectiveFrom))
                .or(() -> all.stream().filter(CriteriaSet::isExample).findFirst());
    }

    /** True when a set may be used by a round of that unit and level: issued on the unit's path, same level. */
    public boolean applies(CriteriaSet set, UnitRef unit, Level level) {
        return !set.isExample()
                && set.getLevel() == level
                && ancestorIds(unit.path()).contains(set.getUnitId());
    }

    public CriteriaSet entity(Long id) {
        return sets.findById(id).orElseThrow(() -> new Problems.NotFound("criteria.notFound"));
    }

    public CriteriaSet visible(Actor actor, Long id) {
        CriteriaSet set = sets.findById(id).orElseThrow(() -> new Problems.NotFound("criteria.notFound"));
        if (set.isExample()) {
            return set;
        }
        UnitRef unit = units.byId(set.getUnitId()).orElseThrow();
        if (!CriteriaPolicy.maySee(actor, false, unit.path())) {
            throw new Problems.NotFound("criteria.notFound");
        }
        return set;
    }

    public CriteriaSetView view(CriteriaSet s) {
        UnitRef unit = s.getUnitId() == null ? null : units.byId(s.getUnitId()).orElse(null);
        return new CriteriaSetView(
                s.getId(),
                unit == null ? null : unit.code(),
                unit == null ? null : unit.name(),
                s.getLevel(),
                s.getName(),
                s.getDocNumber(),
                s.getDocDate(),
                s.getDocTitle(),
                s.getEffectiveFrom(),
                s.getPassThreshold(),
                s.getCommentBelowRatio(),
                CriteriaPoints.maxTotal(s.scoringCriteria()),
                s.isExample(),
                s.getCopiedFromId(),
                s.getId() != null && use.inUse(s.getId()),
                s.getCriteria().stream()
                        .map(k -> new CriterionView(k.getCode(), k.getDescription(), k.getMaxPoints(), k.getWeight()))
                        .toList(),
                s.getVersion());
    }

    private void write(CriteriaSet set, UnitRef unit, Draft d) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (d.level() == null) {
            errors.add(new Problems.FieldError("level", "validation.required"));
        } else if (!unit.level().atOrAbove(d.level())) {
            errors.add(new Problems.FieldError("level", "criteria.level.aboveUnit"));
        }
        text(errors, "name", d.name(), 500);
        text(errors, "documentNumber", d.documentNumber(), 64);
        text(errors, "documentTitle", d.documentTitle(), 500);
        if (d.documentDate() == null) {
            errors.add(new Problems.FieldError("documentDate", "validation.required"));
        }
        if (d.effectiveFrom() == null) {
            errors.add(new Problems.FieldError("effectiveFrom", "validation.required"));
        }
        BigDecimal ratio = d.commentBelowRatio() == null ? DEFAULT_RATIO : d.commentBelowRatio();
        if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0 || ratio.scale() > 2) {
            errors.add(new Problems.FieldError("commentBelowRatio", "criteria.ratio.range"));
        }
        List<CriteriaSet.Criterion> criteria = new ArrayList<>();
        List<CriterionDraft> drafts = d.criteria() == null ? List.of() : d.criteria();
        if (drafts.isEmpty()) {
            errors.add(new Problems.FieldError("criteria", "criteria.criteria.required"));
        } else if (drafts.size() > 50) {
            errors.add(new Problems.FieldError("criteria", "criteria.criteria.tooMany", 50));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < drafts.size() && i < 50; i++) {
            CriterionDraft c = drafts.get(i);
            String f = "criteria[" + i + "]";
            if (c == null) {
                errors.add(new Problems.FieldError(f, "validation.required"));
                continue;
            }
            String code = c.code() == null ? null : c.code().trim();
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(new Problems.FieldError(f + ".code", "score.criterion.pattern"));
            } else if (!codes.add(code)) {
                errors.add(new Problems.FieldError(f + ".code", "criteria.code.duplicate"));
            }
            text(errors, f + ".description", c.description(), 1000);
            if (c.maxPoints() == null
                    || c.maxPoints().signum() <= 0
                    || c.maxPoints().compareTo(MAX_POINTS) > 0
                    || c.maxPoints().scale() > 2) {
                errors.add(new Problems.FieldError(f + ".maxPoints", "criteria.max.range"));
            }
            if (c.weight() != null
                    && (c.weight().signum() <= 0
                            || c.weight().compareTo(MAX_WEIGHT) > 0
                            || c.weight().scale() > 3)) {
                errors.add(new Problems.FieldError(f + ".weight", "criteria.weight.range"));
            }
            criteria.add(new CriteriaSet.Criterion(
                    code, c.description() == null ? null : c.description().trim(), c.maxPoints(), c.weight()));
        }
        if (d.passThreshold() == null) {
            errors.add(new Problems.FieldError("passThreshold", "validation.required"));
        } else if (d.passThreshold().signum() < 0 || d.passThreshold().scale() > 2) {
            errors.add(new Problems.FieldError("passThreshold", "criteria.threshold.range"));
        } else if (errors.isEmpty()
                && d.passThreshold()
                                .compareTo(CriteriaPoints.maxTotal(criteria.stream()
                                        .map(CriteriaSet.Criterion::scoring)
                                        .toList()))
                        > 0) {
            errors.add(new Problems.FieldError("passThreshold", "criteria.threshold.aboveMax"));
        }
        if (errors.isEmpty()
                && !(d.effectiveFrom().equals(set.getEffectiveFrom()) && d.level() == set.getLevel())
                && sets.existsByUnitIdAndLevelAndEffectiveFrom(unit.id(), d.level(), d.effectiveFrom())) {
            errors.add(new Problems.FieldError("effectiveFrom", "criteria.effectiveFrom.taken"));
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        set.write(
                d.level(),
                d.name().trim(),
                d.documentNumber().trim(),
                d.documentDate(),
                d.documentTitle().trim(),
                d.effectiveFrom(),
                d.passThreshold(),
                ratio,
                criteria);
    }

    private UnitRef issuer(Actor actor, String code) {
        if (blank(code)) {
            throw new Problems.Invalid("unitCode", "validation.required");
        }
        return units.inScope(actor, code, "unitCode");
    }

    private static void text(List<Problems.FieldError> errors, String field, String value, int max) {
        if (blank(value)) {
            errors.add(new Problems.FieldError(field, "validation.required"));
        } else if (value.trim().length() > max) {
            errors.add(new Problems.FieldError(field, "validation.maxLengthN", max));
        }
    }

    static List<Long> ancestorIds(String path) {
        return Arrays.stream(path.split("/"))
                .filter(p -> !p.isEmpty())
                .map(Long::valueOf)
                .toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
