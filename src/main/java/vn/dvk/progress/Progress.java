package vn.dvk.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/** Files and reads progress reports of models the actor may see. */
@Service
@Transactional(readOnly = true)
public class Progress {

    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
    private static final BigDecimal LIMIT = new BigDecimal("1e15");
    private static final EnumSet<ModelStatus> REPORTABLE =
            EnumSet.of(ModelStatus.ACCEPTED, ModelStatus.PROPOSED, ModelStatus.RECOGNIZED);

    /** One indicator value. */
    public record IndicatorValue(String code, BigDecimal value) {
    }

    /** A report as the API shows it. */
    public record ReportView(Long id, Long modelId, LocalDate asOf, List<IndicatorValue> indicators,
                             String narrative, String createdBy, Instant createdAt) {
    }

    private final ProgressReports reports;
    private final ModelRegistry models;
    private final AuditTrail audit;
    private final Clock clock;

    Progress(ProgressReports reports, ModelRegistry models, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ReportView file(Actor actor, Long modelId, LocalDate asOf, List<IndicatorValue> values, String narrative) {
        ModelView model = models.get(actor, modelId);
        if (!actor.hasRole(Role.REPORTER)) {
            throw new Problems.Forbidden("access.denied");
        }
        if (!REPORTABLE.contains(model.status())) {
            throw new Problems.Conflict("progress.notReportable", model.status().name());
        }
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw new Problems.Invalid("asOf", "progress.asOf.future");
        }
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            IndicatorValue v = values.get(i);
            String field = "indicators[" + i + "]";
            if (v == null || v.code() == null || !CODE.matcher(v.code()).matches()) {
                throw new Problems.Invalid(field + ".code", "progress.code.pattern");
            }
            if (v.value() == null || v.value().abs().compareTo(LIMIT) >= 0 || v.value().scale() > 4) {
                throw new Problems.Invalid(field + ".value", "progress.value.range");
            }
            if (map.put(v.code(), v.value()) != null) {
                throw new Problems.Invalid(field + ".code", "progress.code.duplicate");
            }
        }
        ProgressReport saved = reports.saveAndFlush(new ProgressReport(modelId, asOf, map,
                narrative == null || narrative.isBlank() ? null : narrative, actor.username(), clock.instant()));
        audit.record(actor.username(), ModelRegistry.AUDIT_SUBJECT, modelId, "PROGRESS_REPORT",
                null, null, "asOf " + asOf);
        return view(saved);
    }

    public List<ReportView> of(Actor actor, Long modelId) {
        models.get(actor, modelId);
        return reports.findByModelIdOrderByAsOfAscIdAsc(modelId).stream().map(Progress::view).toList();
    }

    private static ReportView view(ProgressReport r) {
        return new ReportView(r.getId(), r.getModelId(), r.getAsOf(), r.getValues().entrySet().stream()
                .map(e -> new IndicatorValue(e.getKey(), e.getValue())).toList(), r.getNarrative(),
                r.getCreatedBy(), r.getCreatedAt());
    }
}
