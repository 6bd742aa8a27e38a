package vn.dvk.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Problems;

/** The indicators each model chose to be judged by, with baseline and target. */
@Service
@Transactional(readOnly = true)
public class ModelTargets {

    static final EnumSet<ModelStatus> CLOSED = EnumSet.of(ModelStatus.REJECTED, ModelStatus.RETIRED);

    /** A chosen indicator as pages and the API show it. */
    public record TargetView(
            String code, String name, String measure, IndicatorKind kind, BigDecimal baseline, BigDecimal target) {}

    /** What a reporter sets for one indicator: its code, the baseline (optional) and the target. */
    public record Choice(String code, BigDecimal baseline, BigDecimal target) {}

    private final ModelIndicators chosen;
    private final Indicators indicators;
    private final ModelRegistry models;
    private final AuditTrail audit;
    private final Clock clock;

    ModelTargets(ModelIndicators chosen, Indicators indicators, ModelRegistry models, AuditTrail audit, Clock clock) {
        this.chosen = chosen;
        this.indicators = indicators;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    public List<TargetView> of(Actor actor, Long modelId) {
        models.get(actor, modelId);
        List<ModelIndicator> list = chosen.findByModelIdOrderByIdAsc(modelId);
        Map<Long, Indicator> byId =
                indicators
                        .findAllById(list.stream()
                                .map(ModelIndicator::getIndicatorId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Indicator::getId, Function.identity()));
        return list.stream()
                .map(mi -> {
                    Indicator i = byId.get(mi.getIndicatorId());
                    return new TargetView(
                            i.getCode(), i.getName(), i.getMeasure(), i.getKind(), mi.getBaseline(), mi.getTarget());
                })
                .toList();
    }

    /**
     * True when the actor may choose the indicators of that model: a reporter, unless the model is closed or its
     * registration waits for appraisal (the appraiser judges what was submitted).
     */
    public boolean mayChoose(Actor actor, ModelView m) {
        return ProgressPolicy.offers(actor, ProgressPolicy.Act.CHOOSE_INDICATORS, m.status());
    }

    /** Replaces the model's indicators with these choices; values reported earlier stay. */
    @Transactional
    public List<TargetView> replace(Actor actor, Long modelId, List<Choice> choices) {
        ModelView m = checkAccess(actor, modelId);
        Map<String, Indicator> known = check(choices);
        Set<Long> keep = new HashSet<>();
        List<String> summary = new ArrayList<>();
        for (Choice c : choices) {
            Indicator i = known.get(c.code());
            keep.add(i.getId());
            upsert(actor, modelId, i, c);
            summary.add(describe(i, c));
        }
        for (ModelIndicator mi : chosen.findByModelIdOrderByIdAsc(modelId)) {
            if (!keep.contains(mi.getIndicatorId())) {
                chosen.delete(mi);
            }
        }
        chosen.flush();
        audit.record(
                actor.username(),
                ModelRegistry.AUDIT_SUBJECT,
                m.id(),
                "INDICATORS_SET",
                null,
                null,
                summary.isEmpty() ? "—" : String.join("; ", summary));
        return of(actor, modelId);
    }

    /** Adds one indicator to the model, or changes its baseline and target. */
    @Transactional
    public List<TargetView> set(Actor actor, Long modelId, Choice choice) {
        checkAccess(actor, modelId);
        Indicator i = check(List.of(choice)).get(choice.code());
        upsert(actor, modelId, i, choice);
        chosen.flush();
        audit.record(
                actor.username(),
                ModelRegistry.AUDIT_SUBJECT,
                modelId,
                "INDICATORS_SET",
                null,
                null,
                describe(i, choice));
        return of(actor, modelId);
    }

    /** Takes one indicator off the model. */
    @Transactional
    public List<TargetView> remove(Actor actor, Long modelId, String code) {
        checkAccess(actor, modelId);
        Indicator i = indicators
                .findByCode(code == null ? "" : code)
                .orElseThrow(() -> new Problems.NotFound("indicator.notFound"));
        ModelIndicator mi = chosen.findByModelIdAndIndicatorId(modelId, i.getId())
                .orElseThrow(() -> new Problems.NotFound("indicator.notFound"));
        chosen.delete(mi);
        chosen.flush();
        audit.record(
                actor.username(),
                ModelRegistry.AUDIT_SUBJECT,
                modelId,
                "INDICATOR_REMOVED",
                null,
                null,
                i.getCode() + " — " + i.getName());
        return of(actor, modelId);
    }

    private void upsert(Actor actor, Long modelId, Indicator i, Choice c) {
        chosen.findByModelIdAndIndicatorId(modelId, i.getId())
                .ifPresentOrElse(
                        mi -> mi.set(c.baseline(), c.target(), actor.username(), clock.instant()),
                        () -> chosen.save(new ModelIndicator(
                                modelId, i.getId(), c.baseline(), c.target(), actor.username(), clock.instant())));
    }

    private ModelView checkAccess(Actor actor, Long modelId) {
        ModelView m = models.get(actor, modelId);
        ProgressPolicy.requireRoles(actor, ProgressPolicy.Act.CHOOSE_INDICATORS);
        if (CLOSED.contains(m.status())) {
            throw Problems.Conflict.onField("indicators", "indicator.modelClosed", status(m));
        }
        if (m.status() == ModelStatus.SUBMITTED) {
            throw Problems.Conflict.onField("indicators", "indicator.awaitingAppraisal");
        }
        return m;
    }

    /** The model's status in the reader's words, as a message argument. */
    private static MessageSourceResolvable status(ModelView m) {
        return new DefaultMessageSourceResolvable(
                new String[] {"enum.ModelStatus." + m.status().name()},
                null,
                m.status().name());
    }

    private Map<String, Indicator> check(List<Choice> choices) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Map<String, Indicator> known = indicators
                .findByCodeIn(choices.stream()
                        .filter(c -> c != null && c.code() != null)
                        .map(Choice::code)
                        .toList())
                .stream()
                .collect(Collectors.toMap(Indicator::getCode, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < choices.size(); n++) {
            Choice c = choices.get(n);
            String f = "indicators[" + n + "]";
            if (c == null || c.code() == null || c.code().isBlank()) {
                errors.add(new Problems.FieldError(f + ".code", "validation.required"));
                continue;
            }
            Indicator i = known.get(c.code());
            if (i == null) {
                errors.add(new Problems.FieldError(f + ".code", "progress.code.unknown", c.code()));
            } else if (!i.isActive()) {
                errors.add(new Problems.FieldError(f + ".code", "progress.code.inactive", c.code()));
            } else if (!seen.add(c.code())) {
                errors.add(new Problems.FieldError(f + ".code", "progress.code.duplicate"));
            }
            if (c.target() == null) {
                errors.add(new Problems.FieldError(f + ".target", "validation.required"));
            } else if (!Progress.amountOk(c.target())) {
                errors.add(new Problems.FieldError(f + ".target", "progress.value.range"));
            }
            if (c.baseline() != null && !Progress.amountOk(c.baseline())) {
                errors.add(new Problems.FieldError(f + ".baseline", "progress.value.range"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        return known;
    }

    private static String describe(Indicator i, Choice c) {
        Fmt fmt = new Fmt();
        return i.getName() + ": " + (c.baseline() == null ? "" : fmt.number(c.baseline()) + " → ")
                + fmt.number(c.target()) + " " + i.getMeasure();
    }
}
