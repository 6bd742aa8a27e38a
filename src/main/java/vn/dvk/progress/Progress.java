package vn.dvk.progress;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Problems;

/** Files and reads progress reports (indicator values, narrative, evidence files) of models the actor may see. */
@Service
@Transactional(readOnly = true)
public class Progress {

    private static final BigDecimal LIMIT = new BigDecimal("1e15");
    static final EnumSet<ModelStatus> REPORTABLE =
            EnumSet.of(ModelStatus.ACCEPTED, ModelStatus.PROPOSED, ModelStatus.RECOGNIZED);

    /** One indicator value. */
    public record IndicatorValue(String code, BigDecimal value) {}

    /** An evidence file as the API shows it; {@code url} serves its bytes. */
    public record EvidenceView(
            Long id,
            String fileName,
            String contentType,
            long size,
            boolean image,
            String url,

            @JsonProperty("public") boolean publicPhoto) {}

    /** A photo its unit shows on the public page of the model: its id and its file name (the text of its alt). */
    public record PublicPhoto(Long id, String fileName) {}

    /** A report as the API shows it. */
    public record ReportView(
            Long id,
            Long modelId,
            LocalDate asOf,
            List<IndicatorValue> indicators,
            String narrative,
            String createdBy,
            Instant createdAt,
            String period,
            List<EvidenceView> evidence) {}

    /** What a reporter files: the date of the figures, the period (optional: the half-year of asOf), values, text. */
    public record ReportInput(LocalDate asOf, String period, List<IndicatorValue> indicators, String narrative) {}

    /** One point of an indicator's chart. */
    public record Point(LocalDate asOf, String period, BigDecimal value) {}

    /** An indicator over time, with its baseline and target when the model chose it. */
    public record Series(
            String code,
            String name,
            String measure,
            IndicatorKind kind,
            BigDecimal baseline,
            BigDecimal target,
            List<Point> points) {}

    private final ProgressReports reports;
    private final Evidences evidences;
    private final Indicators indicators;
    private final ModelIndicators modelIndicators;
    private final EvidenceStore store;
    private final ModelRegistry models;
    private final AuditTrail audit;
    private final Clock clock;

    Progress(
            ProgressReports reports,
            Evidences evidences,
            Indicators indicators,
            ModelIndicators modelIndicators,
            EvidenceStore store,
            ModelRegistry models,
            AuditTrail audit,
            Clock clock) {
        this.reports = reports;
        this.evidences = evidences;
        this.indicators = indicators;
        this.modelIndicators = modelIndicators;
        this.store = store;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    /** Files a report without evidence, for the half-year that holds {@code asOf}. */
    @Transactional
    public ReportView file(Actor actor, Long modelId, LocalDate asOf, List<IndicatorValue> values, String narrative) {
        return file(actor, modelId, new ReportInput(asOf, null, values, narrative), List.of());
    }

    /**
     * Files a report with its evidence files. Every field and every file is checked first; when anything is
     * wrong nothing is saved and each problem names its field ({@code files[i]} for the i-th file).
     */
    @Transactional
    public ReportView file(Actor actor, Long modelId, ReportInput in, List<EvidenceStore.Upload> uploads) {
        return file(actor, modelId, in, uploads, false);
    }

    /** As {@link #file(Actor, Long, ReportInput, List)}; with {@code publicPhotos}, its photos are shown in public. */
    @Transactional
    public ReportView file(
            Actor actor, Long modelId, ReportInput in, List<EvidenceStore.Upload> uploads, boolean publicPhotos) {
        return file(actor, modelId, in, uploads, publicPhotos, ProgressPolicy.Act.REPORT);
    }

    /**
     * Records a report that the unit kept in its own files before DVK (an Excel import): as {@link #file}, without
     * evidence, and an appraiser whose scope covers the model may record it as well as a reporter.
     */
    @Transactional
    public ReportView record(Actor actor, Long modelId, ReportInput in) {
        return file(actor, modelId, in, List.of(), false, ProgressPolicy.Act.RECORD_PAST);
    }

    private ReportView file(
            Actor actor,
            Long modelId,
            ReportInput in,
            List<EvidenceStore.Upload> uploads,
            boolean publicPhotos,
            ProgressPolicy.Act act) {
        ModelView model = models.get(actor, modelId);
        ProgressPolicy.requireRoles(actor, act);
        if (!REPORTABLE.contains(model.status())) {
            throw new Problems.Conflict("progress.notReportable", model.status().name());
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        LocalDate asOf = in.asOf();
        ReportPeriod period = null;
        if (asOf == null) {
            errors.add(new Problems.FieldError("asOf", "validation.required"));
        } else if (asOf.isAfter(LocalDate.now(clock))) {
            errors.add(new Problems.FieldError("asOf", "progress.asOf.future"));
        }
        if (in.period() != null && !in.period().isBlank()) {
            period = ReportPeriod.parse(in.period());
            if (period == null) {
                errors.add(new Problems.FieldError("period", "progress.period.pattern"));
            } else if (asOf != null && !period.contains(asOf)) {
                errors.add(new Problems.FieldError("asOf", "progress.asOf.outsidePeriod", period.inWords()));
            }
        } else if (asOf != null) {
            period = ReportPeriod.halfOf(asOf);
        }
        Map<String, BigDecimal> values = checkValues(in.indicators() == null ? List.of() : in.indicators(), errors);
        if (in.narrative() != null && in.narrative().length() > 20000) {
            errors.add(new Problems.FieldError("narrative", "validation.maxLengthN", 20000));
        }
        List<EvidenceStore.Checked> files = List.of();
        try {
            files = store.check("files", uploads);
        } catch (Problems.Invalid e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        ProgressReport saved = reports.saveAndFlush(new ProgressReport(
                modelId,
                period,
                asOf,
                values,
                in.narrative() == null || in.narrative().isBlank() ? null : in.narrative(),
                actor.username(),
                clock.instant()));
        List<String> names = names(attach(actor, modelId, saved.getId(), files, publicPhotos));
        audit.record(
                actor.username(),
                ModelRegistry.AUDIT_SUBJECT,
                modelId,
                "PROGRESS_REPORT",
                null,
                null,
                period.label() + " — số liệu đến ngày " + format(asOf)
                        + (names.isEmpty() ? "" : "; minh chứng: " + String.join(", ", names)));
        return view(saved, evidences.findByReportIdInOrderByIdAsc(List.of(saved.getId())));
    }

    /** Adds evidence files to a report that was filed already. */
    @Transactional
    public List<EvidenceView> addEvidence(
            Actor actor, Long modelId, Long reportId, List<EvidenceStore.Upload> uploads) {
        return addEvidence(actor, modelId, reportId, uploads, false);
    }

    /** Adds evidence files; with {@code publicPhoto}, the photos among them are shown on the model's public page. */
    @Transactional
    public List<EvidenceView> addEvidence(
            Actor actor, Long modelId, Long reportId, List<EvidenceStore.Upload> uploads, boolean publicPhoto) {
        ModelView model = models.get(actor, modelId);
        ProgressPolicy.requireRoles(actor, ProgressPolicy.Act.ADD_EVIDENCE);
        ProgressReport report = reports.findById(reportId)
                .filter(r -> r.getModelId().equals(modelId))
                .orElseThrow(() -> new Problems.NotFound("progress.notFound"));
        if (!REPORTABLE.contains(model.status())) {
            throw new Problems.Conflict("progress.notReportable", model.status().name());
        }
        if (uploads.isEmpty()) {
            throw new Problems.Invalid("file", "validation.required");
        }
        List<EvidenceStore.Checked> files = store.check("file", uploads);
        List<Evidence> saved = attach(actor, modelId, report.getId(), files, publicPhoto);
        audit.record(
                actor.username(),
                ModelRegistry.AUDIT_SUBJECT,
                modelId,
                "PROGRESS_EVIDENCE",
                null,
                null,
                report.getPeriod().label() + ": " + String.join(", ", names(saved)),
                model.unitPath());
        return saved.stream().map(e -> evidenceView(modelId, e)).toList();
    }

    /** An evidence file of a model the actor may see, or 404. */
    public EvidenceStore.StoredFile evidence(Actor actor, Long modelId, Long evidenceId) {
        models.get(actor, modelId);
        return evidences
                .findById(evidenceId)
                .filter(e -> e.getModelId().equals(modelId))
                .map(Evidence::file)
                .orElseThrow(() -> new Problems.NotFound("upload.notFound"));
    }

    /**
     * Shows a photo of a model's evidence on the model's public page, or hides it again: a reporter whose subtree holds
     * the model (who may add evidence to it). Audited; the public pages of the area change at once.
     */
    @Transactional
    public EvidenceView showInPublic(Actor actor, Long modelId, Long evidenceId, boolean shown) {
        ModelView model = models.get(actor, modelId);
        ProgressPolicy.requireRoles(actor, ProgressPolicy.Act.ADD_EVIDENCE);
        Evidence e = evidences
                .findById(evidenceId)
                .filter(x -> x.getModelId().equals(modelId))
                .orElseThrow(() -> new Problems.NotFound("upload.notFound"));
        e.requireShowable(shown);
        evidences.showInPublic(evidenceId, shown);
        audit.record(
                actor.username(),
                ModelRegistry.AUDIT_SUBJECT,
                modelId,
                shown ? "PHOTO_PUBLIC" : "PHOTO_PRIVATE",
                null,
                null,
                e.file().fileName(),
                model.unitPath());
        return evidenceView(modelId, evidences.findById(evidenceId).orElseThrow());
    }

    /** The photos shown on the public page of a public model (none for any other model). */
    public List<PublicPhoto> publicPhotos(Long modelId) {
        if (models.publicModel(modelId).isEmpty()) {
            return List.of();
        }
        return evidences.findByModelIdAndPublicPhotoTrueOrderByIdAsc(modelId).stream()
                .filter(e -> e.file().image())
                .map(e -> new PublicPhoto(e.getId(), e.file().fileName()))
                .toList();
    }

    /** A photo shown on the public page of a public model, or 404 alike for anything else. */
    public EvidenceStore.StoredFile publicPhoto(Long modelId, Long evidenceId) {
        return publicPhotos(modelId).stream()
                .filter(p -> p.id().equals(evidenceId))
                .findFirst()
                .flatMap(p -> evidences.findById(evidenceId))
                .map(Evidence::file)
                .orElseThrow(() -> new Problems.NotFound("upload.notFound"));
    }

    /** The indicator chart of a public model (as {@link #chart}), or nothing for any other model. */
    public List<Series> publicChart(Long modelId) {
        return models.publicModel(modelId).isEmpty() ? List.of() : chartOf(modelId);
    }

    public List<ReportView> of(Actor actor, Long modelId) {
        models.get(actor, modelId);
        List<ProgressReport> list = reports.findByModelIdOrderByAsOfAscIdAsc(modelId);
        Map<Long, List<Evidence>> files =
                evidences
                        .findByReportIdInOrderByIdAsc(
                                list.stream().map(ProgressReport::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(Evidence::getReportId, LinkedHashMap::new, Collectors.toList()));
        return list.stream()
                .map(r -> view(r, files.getOrDefault(r.getId(), List.of())))
                .toList();
    }

    /** Each indicator of a model over time: the chosen ones first (with baseline and target), then any other reported. */
    public List<Series> chart(Actor actor, Long modelId) {
        models.get(actor, modelId);
        return chartOf(modelId);
    }

    private List<Series> chartOf(Long modelId) {
        List<ProgressReport> list = reports.findByModelIdOrderByAsOfAscIdAsc(modelId);
        List<ModelIndicator> chosen = modelIndicators.findByModelIdOrderByIdAsc(modelId);
        Map<Long, Indicator> byId =
                indicators
                        .findAllById(chosen.stream()
                                .map(ModelIndicator::getIndicatorId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Indicator::getId, Function.identity()));
        Map<String, Series> out = new LinkedHashMap<>();
        for (ModelIndicator mi : chosen) {
            Indicator i = byId.get(mi.getIndicatorId());
            out.put(
                    i.getCode(),
                    new Series(
                            i.getCode(),
                            i.getName(),
                            i.getMeasure(),
                            i.getKind(),
                            mi.getBaseline(),
                            mi.getTarget(),
                            new ArrayList<>()));
        }
        Set<String> others = list.stream()
                .flatMap(r -> r.getValues().keySet().stream())
                .filter(c -> !out.containsKey(c))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Indicator> byCode = indicators.findByCodeIn(others).stream()
                .collect(Collectors.toMap(Indicator::getCode, Function.identity()));
        for (String c : others) {
            Indicator i = byCode.get(c);
            out.put(
                    c,
                    new Series(
                            c,
                            i == null ? c : i.getName(),
                            i == null ? "" : i.getMeasure(),
                            i == null ? IndicatorKind.OTHER : i.getKind(),
                            null,
                            null,
                            new ArrayList<>()));
        }
        for (ProgressReport r : list) {
            r.getValues()
                    .forEach((code, value) -> out.get(code)
                            .points()
                            .add(new Point(r.getAsOf(), r.getPeriod().code(), value)));
        }
        return List.copyOf(out.values());
    }

    private List<Evidence> attach(
            Actor actor, Long modelId, Long reportId, List<EvidenceStore.Checked> files, boolean publicPhoto) {
        List<Evidence> saved = new ArrayList<>();
        for (EvidenceStore.Checked c : files) {
            EvidenceStore.StoredFile f = store.store(c);
            saved.add(
                    evidences.save(new Evidence(modelId, reportId, f, actor.username(), clock.instant(), publicPhoto)));
        }
        evidences.flush();
        return saved;
    }

    private static List<String> names(List<Evidence> files) {
        return files.stream().map(e -> e.file().fileName()).toList();
    }

    private Map<String, BigDecimal> checkValues(List<IndicatorValue> values, List<Problems.FieldError> errors) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        Map<String, Indicator> known = indicators
                .findByCodeIn(values.stream()
                        .filter(v -> v != null && v.code() != null)
                        .map(IndicatorValue::code)
                        .toList())
                .stream()
                .collect(Collectors.toMap(Indicator::getCode, Function.identity()));
        for (int i = 0; i < values.size(); i++) {
            IndicatorValue v = values.get(i);
            String field = "indicators[" + i + "]";
            if (v == null
                    || v.code() == null
                    || !IndicatorCatalogue.CODE.matcher(v.code()).matches()) {
                errors.add(new Problems.FieldError(field + ".code", "progress.code.pattern"));
                continue;
            }
            Indicator indicator = known.get(v.code());
            if (indicator == null) {
                errors.add(new Problems.FieldError(field + ".code", "progress.code.unknown", v.code()));
                continue;
            }
            if (!indicator.isActive()) {
                errors.add(new Problems.FieldError(field + ".code", "progress.code.inactive", v.code()));
                continue;
            }
            if (!amountOk(v.value())) {
                errors.add(new Problems.FieldError(field + ".value", "progress.value.range"));
                continue;
            }
            if (map.put(v.code(), v.value()) != null) {
                errors.add(new Problems.FieldError(field + ".code", "progress.code.duplicate"));
            }
        }
        return map;
    }

    /** True for a number below 10^15 in size with at most 4 decimals. */
    static boolean amountOk(BigDecimal v) {
        return v != null && v.abs().compareTo(LIMIT) < 0 && v.scale() <= 4;
    }

    private static String format(LocalDate d) {
        return new vn.dvk.shared.Fmt().date(d);
    }

    private static ReportView view(ProgressReport r, Collection<Evidence> files) {
        return new ReportView(
                r.getId(),
                r.getModelId(),
                r.getAsOf(),
                r.getValues().entrySet().stream()
                        .map(e -> new IndicatorValue(e.getKey(), e.getValue()))
                        .toList(),
                r.getNarrative(),
                r.getCreatedBy(),
                r.getCreatedAt(),
                r.getPeriod().code(),
                files.stream().map(e -> evidenceView(r.getModelId(), e)).toList());
    }

    private static EvidenceView evidenceView(Long modelId, Evidence e) {
        EvidenceStore.StoredFile f = e.file();
        return new EvidenceView(
                e.getId(),
                f.fileName(),
                f.contentType(),
                f.size(),
                f.image(),
                "/api/v1/models/" + modelId + "/evidence/" + e.getId(),
                e.isPublicPhoto());
    }
}
