package vn.dvk.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.progress.EvidenceStore;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Limits;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Inspections of models on site. An appraiser plans one for a unit of the subtree and the models to see,
 * records findings per model against the criteria (with photos), asks for follow-ups with deadlines and
 * concludes; reporters of the inspected unit answer the follow-ups. Each step lands on the models' timelines.
 */
@Service
@Transactional(readOnly = true)
public class InspectionRegistry {

    /** Subject type of inspections in the audit trail. */
    public static final String AUDIT_SUBJECT = "INSPECTION";

    /**
     * Example criteria, from a provincial guidance for 2021–2025 (no national scale exists): boards adapt
     * them; a finding may name any criterion.
     */
    public static final List<String> EXAMPLE_CRITERIA = List.of(
            "Có tên gọi, địa chỉ cụ thể",
            "Gắn với sự lãnh đạo của cấp ủy, chính quyền; đã đăng ký với cơ quan phát động",
            "Huy động, phối hợp được nhiều lực lượng tham gia",
            "Lan tỏa, mang lại kết quả thiết thực, kiểm chứng được",
            "Được Nhân dân đồng tình, hưởng ứng",
            "Giải quyết được nhiệm vụ chính trị khó khăn, bức xúc",
            "Được cấp ủy, chính quyền ghi nhận; bền vững, được duy trì");

    /** What an appraiser plans. */
    public record NewInspection(
            String unitCode, LocalDate plannedOn, String purpose, List<String> members, List<Long> modelIds) {}

    /** A finding to record; photos come separately. */
    public record NewFinding(Long modelId, String criterion, Verdict verdict, String notes) {}

    /** A follow-up to ask for; without a model it concerns the whole inspection. */
    public record NewFollowUp(Long modelId, String request, LocalDate dueOn) {}

    /** A photo or document of a finding; {@code url} serves its bytes. */
    public record PhotoView(Long id, String fileName, String contentType, long size, boolean image, String url) {}

    /** A finding as pages and the API show it. */
    public record FindingView(
            Long id,
            Long modelId,
            String criterion,
            Verdict verdict,
            String notes,
            String recordedBy,
            Instant recordedAt,
            List<PhotoView> photos) {}

    /** A follow-up as pages and the API show it. */
    public record FollowUpView(
            Long id,
            Long modelId,
            String modelTitle,
            String request,
            LocalDate dueOn,
            String requestedBy,
            String answer,
            String answeredBy,
            Instant answeredAt,
            boolean overdue) {}

    /** One inspected model and what was found about it. */
    public record ModelEntry(Long modelId, String title, String unitName, List<FindingView> findings) {}

    /** An inspection in full. */
    public record InspectionView(
            Long id,
            String inspectedUnitCode,
            String inspectedUnitName,
            String inspectingUnitCode,
            String inspectingUnitName,
            LocalDate plannedOn,
            String purpose,
            List<String> members,
            InspectionStatus status,
            String conclusion,
            Instant concludedAt,
            String createdBy,
            long version,
            List<ModelEntry> models,
            List<FollowUpView> followUps) {}

    /** A line of the list of inspections. */
    public record Summary(
            Long id,
            String inspectedUnitName,
            LocalDate plannedOn,
            String purpose,
            InspectionStatus status,
            int models,
            long openFollowUps) {}

    /** An item of "Việc cần làm". */
    public record Work(String href, String title, String detail, LocalDate dueOn, boolean overdue) {}

    private final Inspections inspections;
    private final Findings findings;
    private final FindingPhotos photos;
    private final FollowUps followUps;
    private final ModelRegistry models;
    private final UnitDirectory units;
    private final EvidenceStore store;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    InspectionRegistry(
            Inspections inspections,
            Findings findings,
            FindingPhotos photos,
            FollowUps followUps,
            ModelRegistry models,
            UnitDirectory units,
            EvidenceStore store,
            AuditTrail audit,
            NamedParameterJdbcTemplate jdbc,
            Clock clock) {
        this.inspections = inspections;
        this.findings = findings;
        this.photos = photos;
        this.followUps = followUps;
        this.models = models;
        this.units = units;
        this.store = store;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public InspectionView plan(Actor actor, NewInspection in) {
        InspectionPolicy.requireRoles(actor, InspectionPolicy.Act.PLAN);
        List<Problems.FieldError> errors = new ArrayList<>();
        UnitRef unit = null;
        if (in.unitCode() == null || in.unitCode().isBlank()) {
            errors.add(new Problems.FieldError("unitCode", "validation.required"));
        } else {
            unit = units.inScope(actor, in.unitCode().trim(), "unitCode");
        }
        if (in.plannedOn() == null) {
            errors.add(new Problems.FieldError("plannedOn", "validation.required"));
        }
        String purpose = trim(in.purpose());
        if (purpose == null || purpose.length() > 1000) {
            errors.add(new Problems.FieldError("purpose", "inspection.purpose.size"));
        }
        List<String> members = in.members() == null
                ? List.of()
                : in.members().stream()
                        .map(m -> m == null ? null : trim(m.replaceAll("\\R", " ")))
                        .filter(m -> m != null)
                        .toList();
        if (members.isEmpty()
                || members.size() > 30
                || members.stream().anyMatch(m -> m.length() > 200)
                || String.join("\n", members).length() > 2000) {
            errors.add(new Problems.FieldError("members", "inspection.members.size"));
        }
        Set<Long> modelIds = new LinkedHashSet<>();
        List<Long> ids = in.modelIds() == null ? List.of() : in.modelIds();
        if (ids.isEmpty() || ids.size() > 50) {
            errors.add(new Problems.FieldError("modelIds", "inspection.models.size"));
        }
        for (int i = 0; i < ids.size() && i < 50; i++) {
            Long id = ids.get(i);
            String field = "modelIds[" + i + "]";
            Optional<ModelView> m = id == null ? Optional.empty() : visible(actor, id);
            if (m.isEmpty() || m.get().status() == ModelStatus.DRAFT) {
                errors.add(new Problems.FieldError(field, "inspection.model.notFound", id));
            } else if (unit != null && !unit.containsPath(m.get().unitPath())) {
                errors.add(new Problems.FieldError(
                        field, "inspection.model.outsideUnit", m.get().title(), unit.name()));
            } else if (!modelIds.add(id)) {
                errors.add(new Problems.FieldError(field, "inspection.model.duplicate"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        Inspection saved = inspections.saveAndFlush(new Inspection(
                unit.id(),
                actor.unitId(),
                in.plannedOn(),
                purpose,
                members,
                modelIds,
                actor.username(),
                clock.instant()));
        String comment = "Kiểm tra ngày " + date(in.plannedOn()) + " tại " + unit.name() + ": " + purpose
                + ". Đoàn kiểm tra: " + String.join(", ", members);
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                saved.getId(),
                "INSPECTION_PLAN",
                null,
                InspectionStatus.PLANNED.name(),
                comment);
        for (Long id : modelIds) {
            audit.record(actor.username(), ModelRegistry.AUDIT_SUBJECT, id, "INSPECTION_PLANNED", null, null, comment);
        }
        return view(saved);
    }

    /** An inspection the actor may see (its unit covers the inspected unit), or 404. */
    public InspectionView get(Actor actor, Long id) {
        return view(visibleInspection(actor, id));
    }

    /** The inspections of the actor's subtree, latest planned first; counted and paged in SQL. */
    public Page<Summary> list(Actor actor, Pageable pageable) {
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", actor.unitPath() + "%")
                .addValue("limit", pageable.getPageSize())
                .addValue("offset", pageable.getOffset());
        String from = " from inspection_inspection i join unit_scope u on u.id = i.inspected_unit_id"
                + " where u.path like :prefix";
        long total = Optional.ofNullable(jdbc.queryForObject("select count(*)" + from, p, Long.class))
                .orElse(0L);
        List<Summary> content = jdbc.query(
                "select i.id, u.name, i.planned_on, i.purpose, i.status,"
                        + " (select count(*) from inspection_model im where im.inspection_id = i.id),"
                        + " (select count(*) from inspection_follow_up f where f.inspection_id = i.id and f.answered_at is null)"
                        + from + " order by i.planned_on desc, i.id desc limit :limit offset :offset",
                p,
                (rs, n) -> new Summary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getString(4),
                        InspectionStatus.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        rs.getLong(7)));
        return new PageImpl<>(content, pageable, total);
    }

    /** Records a finding about one of the inspection's models, with its photos checked like any evidence. */
    @Transactional
    public FindingView recordFinding(Actor actor, Long id, NewFinding in, List<EvidenceStore.Upload> uploads) {
        Inspection inspection = inspectorOf(actor, id);
        inspection.requireOpen();
        List<Problems.FieldError> errors = new ArrayList<>();
        if (in.modelId() == null || !inspection.getModelIds().contains(in.modelId())) {
            errors.add(new Problems.FieldError("modelId", "inspection.model.notInInspection"));
        }
        String criterion = trim(in.criterion());
        if (criterion == null || criterion.length() > 300) {
            errors.add(new Problems.FieldError("criterion", "inspection.criterion.size"));
        }
        if (in.verdict() == null) {
            errors.add(new Problems.FieldError("verdict", "validation.required"));
        }
        String notes = trim(in.notes());
        if (notes != null && notes.length() > Limits.TEXT) {
            errors.add(new Problems.FieldError("notes", "validation.maxLengthN", Limits.TEXT));
        }
        List<EvidenceStore.Checked> files = List.of();
        try {
            files = store.check("photos", uploads);
        } catch (Problems.Invalid e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        Finding f = findings.saveAndFlush(
                new Finding(id, in.modelId(), criterion, in.verdict(), notes, actor.username(), clock.instant()));
        List<String> names = new ArrayList<>();
        for (EvidenceStore.Checked c : files) {
            EvidenceStore.StoredFile stored = store.store(c);
            photos.save(new FindingPhoto(f.getId(), stored));
            names.add(stored.fileName());
        }
        photos.flush();
        audit.record(
                actor.username(),
                ModelRegistry.AUDIT_SUBJECT,
                in.modelId(),
                "INSPECTION_FINDING",
                null,
                null,
                criterion + ": " + in.verdict().label() + (notes == null ? "" : " — " + notes)
                        + (names.isEmpty() ? "" : " (ảnh: " + String.join(", ", names) + ")"));
        return findingView(f, photos.findByFindingIdInOrderByIdAsc(List.of(f.getId())));
    }

    @Transactional
    public FollowUpView requestFollowUp(Actor actor, Long id, NewFollowUp in) {
        Inspection inspection = inspectorOf(actor, id);
        inspection.requireOpen();
        List<Problems.FieldError> errors = new ArrayList<>();
        if (in.modelId() != null && !inspection.getModelIds().contains(in.modelId())) {
            errors.add(new Problems.FieldError("modelId", "inspection.model.notInInspection"));
        }
        String request = trim(in.request());
        if (request == null || request.length() > Limits.TEXT) {
            errors.add(new Problems.FieldError("request", "inspection.request.size"));
        }
        if (in.dueOn() == null) {
            errors.add(new Problems.FieldError("dueOn", "validation.required"));
        } else if (in.dueOn().isBefore(inspection.getPlannedOn())) {
            errors.add(new Problems.FieldError(
                    "dueOn", "inspection.dueOn.beforeInspection", date(inspection.getPlannedOn())));
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        FollowUp saved = followUps.saveAndFlush(
                new FollowUp(id, in.modelId(), request, in.dueOn(), actor.username(), clock.instant()));
        String comment = request + " (hạn " + date(in.dueOn()) + ")";
        for (Long modelId : concerned(inspection, in.modelId())) {
            audit.record(
                    actor.username(),
                    ModelRegistry.AUDIT_SUBJECT,
                    modelId,
                    "INSPECTION_FOLLOW_UP",
                    null,
                    null,
                    comment);
        }
        return followUpView(saved, titles(List.of(saved)), LocalDate.now(clock));
    }

    /** The inspected unit's answer to a follow-up: a reporter whose subtree holds the inspected unit. */
    @Transactional
    public FollowUpView answer(Actor actor, Long followUpId, String text) {
        FollowUp f = followUps.findById(followUpId).orElseThrow(() -> new Problems.NotFound("inspection.notFound"));
        Inspection inspection = visibleInspection(actor, f.getInspectionId());
        InspectionPolicy.requireRoles(actor, InspectionPolicy.Act.ANSWER);
        String answer = trim(text);
        if (answer == null || answer.length() > Limits.TEXT) {
            throw new Problems.Invalid("answer", "inspection.answer.size");
        }
        f.answer(answer, actor.username(), clock.instant());
        followUps.flush();
        for (Long modelId : concerned(inspection, f.getModelId())) {
            audit.record(
                    actor.username(),
                    ModelRegistry.AUDIT_SUBJECT,
                    modelId,
                    "INSPECTION_ANSWER",
                    null,
                    null,
                    f.getRequest() + " → " + answer);
        }
        return followUpView(f, titles(List.of(f)), LocalDate.now(clock));
    }

    @Transactional
    public InspectionView conclude(Actor actor, Long id, String conclusion) {
        Inspection inspection = inspectorOf(actor, id);
        String text = trim(conclusion);
        if (text == null || text.length() > 20000) {
            throw new Problems.Invalid("conclusion", "inspection.conclusion.size");
        }
        inspection.requireOpen();
        if (findings.countByInspectionId(id) == 0) {
            throw new Problems.Conflict("inspection.noFindings");
        }
        inspection.conclude(text, actor.username(), clock.instant());
        inspections.flush();
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                id,
                "INSPECTION_CONCLUDE",
                InspectionStatus.PLANNED.name(),
                InspectionStatus.CONCLUDED.name(),
                text);
        for (Long modelId : inspection.getModelIds()) {
            audit.record(
                    actor.username(), ModelRegistry.AUDIT_SUBJECT, modelId, "INSPECTION_CONCLUDED", null, null, text);
        }
        return view(inspection);
    }

    /** A photo of an inspection the actor may see, or 404. */
    public EvidenceStore.StoredFile photo(Actor actor, Long id, Long photoId) {
        visibleInspection(actor, id);
        FindingPhoto p = photos.findById(photoId).orElseThrow(() -> new Problems.NotFound("upload.notFound"));
        findings.findById(p.getFindingId())
                .filter(f -> f.getInspectionId().equals(id))
                .orElseThrow(() -> new Problems.NotFound("upload.notFound"));
        return p.file();
    }

    /** True when the actor may record findings, follow-ups and the conclusion of this inspection. */
    public boolean mayInspect(Actor actor, InspectionView v) {
        return units.byCode(v.inspectingUnitCode())
                .map(u -> InspectionPolicy.allows(actor, InspectionPolicy.Act.INSPECT, u.path()))
                .orElse(false);
    }

    /** "Việc cần làm": reporters see follow-ups to answer, appraisers the inspections they have not concluded. */
    public Map<String, List<Work>> inbox(Actor actor, int limit) {
        Map<String, List<Work>> out = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", actor.unitPath() + "%").addValue("limit", limit);
        if (InspectionPolicy.mayAtAll(actor, InspectionPolicy.Act.ANSWER)) {
            out.put(
                    "followUpsToAnswer",
                    jdbc.query(
                            "select f.inspection_id, f.request, u.name, f.due_on"
                                    + " from inspection_follow_up f join inspection_inspection i on i.id = f.inspection_id"
                                    + " join unit_scope u on u.id = i.inspected_unit_id"
                                    + " where u.path like :prefix and f.answered_at is null order by f.due_on asc, f.id asc limit :limit",
                            p,
                            (rs, n) -> {
                                LocalDate due = rs.getDate(4).toLocalDate();
                                return new Work(
                                        "/inspections/" + rs.getLong(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        due,
                                        today.isAfter(due));
                            }));
        }
        if (InspectionPolicy.mayAtAll(actor, InspectionPolicy.Act.INSPECT)) {
            out.put(
                    "inspectionsOpen",
                    jdbc.query(
                            "select i.id, i.purpose, u.name, i.planned_on"
                                    + " from inspection_inspection i join unit_scope u on u.id = i.inspected_unit_id"
                                    + " join unit_scope b on b.id = i.inspecting_unit_id"
                                    + " where b.path like :prefix and i.status = 'PLANNED' order by i.planned_on asc, i.id asc limit :limit",
                            p,
                            (rs, n) -> new Work(
                                    "/inspections/" + rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getDate(4).toLocalDate(),
                                    false)));
        }
        return out;
    }

    Inspection inspectorOf(Actor actor, Long id) {
        Inspection inspection = visibleInspection(actor, id);
        UnitRef board = units.byId(inspection.getInspectingUnitId()).orElseThrow();
        InspectionPolicy.require(actor, InspectionPolicy.Act.INSPECT, board.path());
        return inspection;
    }

    private Inspection visibleInspection(Actor actor, Long id) {
        Inspection inspection =
                inspections.findById(id).orElseThrow(() -> new Problems.NotFound("inspection.notFound"));
        UnitRef unit = units.byId(inspection.getInspectedUnitId()).orElseThrow();
        if (!InspectionPolicy.maySee(actor, unit.path())) {
            throw new Problems.NotFound("inspection.notFound");
        }
        return inspection;
    }

    private Optional<ModelView> visible(Actor actor, Long id) {
        try {
            return Optional.of(models.get(actor, id));
        } catch (Problems.NotFound e) {
            return Optional.empty();
        }
    }

    private static Collection<Long> concerned(Inspection inspection, Long modelId) {
        return modelId != null ? List.of(modelId) : inspection.getModelIds();
    }

    private Map<Long, String> titles(List<FollowUp> list) {
        Set<Long> ids =
                list.stream().map(FollowUp::getModelId).filter(i -> i != null).collect(Collectors.toSet());
        Map<Long, String> out = new LinkedHashMap<>();
        models.viewsOf(ids).forEach((k, v) -> out.put(k, v.title()));
        return out;
    }

    private InspectionView view(Inspection i) {
        UnitRef inspected = units.byId(i.getInspectedUnitId()).orElseThrow();
        UnitRef board = units.byId(i.getInspectingUnitId()).orElseThrow();
        Map<Long, ModelView> views = models.viewsOf(i.getModelIds());
        List<Finding> all = findings.findByInspectionIdOrderByIdAsc(i.getId());
        Map<Long, List<FindingPhoto>> pics =
                photos
                        .findByFindingIdInOrderByIdAsc(
                                all.stream().map(Finding::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(FindingPhoto::getFindingId));
        List<ModelEntry> entries = new ArrayList<>();
        for (Long modelId : i.getModelIds()) {
            ModelView m = views.get(modelId);
            entries.add(new ModelEntry(
                    modelId,
                    m == null ? "#" + modelId : m.title(),
                    m == null ? "" : m.unitName(),
                    all.stream()
                            .filter(f -> f.getModelId().equals(modelId))
                            .map(f -> findingView(f, pics.getOrDefault(f.getId(), List.of())))
                            .toList()));
        }
        List<FollowUp> fus = followUps.findByInspectionIdOrderByIdAsc(i.getId());
        Map<Long, String> titles = titles(fus);
        LocalDate today = LocalDate.now(clock);
        return new InspectionView(
                i.getId(),
                inspected.code(),
                inspected.name(),
                board.code(),
                board.name(),
                i.getPlannedOn(),
                i.getPurpose(),
                i.getMembers(),
                i.getStatus(),
                i.getConclusion(),
                i.getConcludedAt(),
                i.getCreatedBy(),
                i.getVersion(),
                entries,
                fus.stream().map(f -> followUpView(f, titles, today)).toList());
    }

    private static FindingView findingView(Finding f, List<FindingPhoto> pics) {
        return new FindingView(
                f.getId(),
                f.getModelId(),
                f.getCriterion(),
                f.getVerdict(),
                f.getNotes(),
                f.getRecordedBy(),
                f.getRecordedAt(),
                pics.stream()
                        .map(p -> {
                            EvidenceStore.StoredFile s = p.file();
                            return new PhotoView(
                                    p.getId(),
                                    s.fileName(),
                                    s.contentType(),
                                    s.size(),
                                    s.image(),
                                    "/api/v1/inspections/" + f.getInspectionId() + "/photos/" + p.getId());
                        })
                        .toList());
    }

    private static FollowUpView followUpView(FollowUp f, Map<Long, String> titles, LocalDate today) {
        return new FollowUpView(
                f.getId(),
                f.getModelId(),
                f.getModelId() == null ? null : titles.get(f.getModelId()),
                f.getRequest(),
                f.getDueOn(),
                f.getRequestedBy(),
                f.getAnswer(),
                f.getAnsweredBy(),
                f.getAnsweredAt(),
                f.getAnsweredAt() == null && today.isAfter(f.getDueOn()));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String date(LocalDate d) {
        return new Fmt().date(d);
    }
}
