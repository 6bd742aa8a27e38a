package vn.dvk.progress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The catalogue of indicators (chỉ tiêu). Everyone signed in reads it; administrators add entries for their
 * unit and change those of their subtree; the national entries (no owner) belong to central administrators.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorCatalogue {

    /** Subject type of catalogue entries in the audit trail. */
    public static final String AUDIT_SUBJECT = "INDICATOR";

    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");

    /** An indicator as pages and the API show it. */
    public record IndicatorView(
            Long id,
            String code,
            String name,
            String measure,
            IndicatorKind kind,
            String description,
            String ownerUnitCode,
            boolean active,
            long version) {}

    /** What an administrator types to add or change an indicator. */
    public record IndicatorData(
            String code, String name, String measure, IndicatorKind kind, String description, Boolean active) {}

    private final Indicators indicators;
    private final UnitDirectory units;
    private final AuditTrail audit;
    private final Clock clock;

    IndicatorCatalogue(Indicators indicators, UnitDirectory units, AuditTrail audit, Clock clock) {
        this.indicators = indicators;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    public List<IndicatorView> all() {
        return indicators.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    public IndicatorView get(String code) {
        return indicators
                .findByCode(code == null ? "" : code)
                .map(this::view)
                .orElseThrow(() -> new Problems.NotFound("indicator.notFound"));
    }

    @Transactional
    public IndicatorView create(Actor actor, IndicatorData d) {
        ProgressPolicy.requireRoles(actor, ProgressPolicy.Act.MANAGE_CATALOGUE);
        check(d, true);
        if (indicators.findByCode(d.code().trim()).isPresent()) {
            throw new Problems.Invalid("code", "indicator.code.taken", d.code().trim());
        }
        Long owner = actor.unitLevel() == Level.CENTRAL ? null : actor.unitId();
        Indicator saved = indicators.saveAndFlush(new Indicator(
                d.code().trim(),
                d.name().trim(),
                d.measure().trim(),
                d.kind(),
                blankToNull(d.description()),
                owner,
                actor.username(),
                clock.instant()));
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                saved.getId(),
                "INDICATOR_CREATE",
                null,
                null,
                saved.getCode() + " — " + saved.getName() + " (" + saved.getMeasure() + ")");
        return view(saved);
    }

    @Transactional
    public IndicatorView update(Actor actor, String code, IndicatorData d, Long expectedVersion) {
        ProgressPolicy.requireRoles(actor, ProgressPolicy.Act.MANAGE_CATALOGUE);
        Indicator indicator =
                indicators.findByCode(code).orElseThrow(() -> new Problems.NotFound("indicator.notFound"));
        if (!mayChange(actor, indicator)) {
            throw new Problems.Forbidden("indicator.notYours");
        }
        check(d, false);
        if (expectedVersion != null && expectedVersion != indicator.getVersion()) {
            throw new Problems.Conflict("indicator.version.stale", indicator.getVersion());
        }
        indicator.change(
                d.name().trim(),
                d.measure().trim(),
                d.kind(),
                blankToNull(d.description()),
                d.active() == null || d.active());
        indicators.flush();
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                indicator.getId(),
                "INDICATOR_EDIT",
                null,
                null,
                indicator.getCode() + " — " + indicator.getName() + " (" + indicator.getMeasure() + ")"
                        + (indicator.isActive() ? "" : " [ngừng dùng]"));
        return view(indicator);
    }

    /** True when the actor may change that entry of the catalogue. */
    public boolean mayChange(Actor actor, IndicatorView v) {
        return indicators.findByCode(v.code()).map(i -> mayChange(actor, i)).orElse(false);
    }

    private boolean mayChange(Actor actor, Indicator i) {
        if (i.getOwnerUnitId() == null) {
            return ProgressPolicy.mayChangeIndicator(actor, null);
        }
        return units.byId(i.getOwnerUnitId())
                .map(u -> ProgressPolicy.mayChangeIndicator(actor, u.path()))
                .orElse(false);
    }

    private static void check(IndicatorData d, boolean withCode) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (withCode && (d.code() == null || !CODE.matcher(d.code().trim()).matches())) {
            errors.add(new Problems.FieldError("code", "progress.code.pattern"));
        }
        if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 300) {
            errors.add(new Problems.FieldError("name", "indicator.name.size"));
        }
        if (d.measure() == null || d.measure().isBlank() || d.measure().trim().length() > 64) {
            errors.add(new Problems.FieldError("measure", "indicator.measure.size"));
        }
        if (d.kind() == null) {
            errors.add(new Problems.FieldError("kind", "validation.required"));
        }
        if (d.description() != null && d.description().length() > 2000) {
            errors.add(new Problems.FieldError("description", "validation.maxLengthN", 2000));
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private IndicatorView view(Indicator i) {
        String owner = i.getOwnerUnitId() == null
                ? null
                : units.byId(i.getOwnerUnitId()).map(UnitRef::code).orElse(null);
        return new IndicatorView(
                i.getId(),
                i.getCode(),
                i.getName(),
                i.getMeasure(),
                i.getKind(),
                i.getDescription(),
                owner,
                i.isActive(),
                i.getVersion());
    }
}
