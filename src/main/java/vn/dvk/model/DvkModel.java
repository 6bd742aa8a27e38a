package vn.dvk.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.TextFolding;

/**
 * A model of skillful mass mobilization work (mô hình "Dân vận khéo"), the aggregate of this module.
 * Every state change is a method that refuses what the life cycle forbids and says what it did.
 */
@Entity
@Table(name = "model_model")
public class DvkModel {

    /** A state change that happened, for the audit trail. */
    public record Transition(String action, ModelStatus from, ModelStatus to) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 500)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Field field;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;

    @Column(name = "reg_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "holder_type", nullable = false)
    private HolderType holderType;

    @Column(name = "holder_name", nullable = false)
    private String holderName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Origin origin;

    @Column(name = "replicated_from_id")
    private Long replicatedFromId;

    @Column(columnDefinition = "text")
    private String summary;

    /** The registration dossier's sections ({@link Dossier}), one column each; null where not written. */
    @Column(name = "dossier_situation", length = Dossier.MAX_LENGTH)
    private String situation;

    @Column(name = "dossier_goals", length = Dossier.MAX_LENGTH)
    private String goals;

    @Column(name = "dossier_approach", length = Dossier.MAX_LENGTH)
    private String approach;

    @Column(name = "dossier_area", length = Dossier.MAX_LENGTH)
    private String area;

    @Column(name = "dossier_forces", length = Dossier.MAX_LENGTH)
    private String forces;

    @Column(name = "dossier_resources", length = Dossier.MAX_LENGTH)
    private String resources;

    @Column(name = "dossier_outputs", length = Dossier.MAX_LENGTH)
    private String outputs;

    @Column(name = "dossier_sustainability", length = Dossier.MAX_LENGTH)
    private String sustainability;

    /** The words of the title and the holder, folded (see {@link TextFolding#words}): what a search ranks first. */
    @Column(name = "search_text", nullable = false)
    private String searchText;

    /** The words of the summary, folded: what a search also finds, after the title's matches. */
    @Column(name = "search_body", columnDefinition = "text")
    private String searchBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModelStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "appraisal_outcome")
    private AppraisalDecision appraisalOutcome;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "recognized_level")
    private Level recognizedLevel;

    @Column(name = "retired_year")
    private Integer retiredYear;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The model's number in its unit's own files (hồ sơ số), unique per unit; set by an import. */
    @Column(name = "external_id", length = 64, updatable = false)
    private String externalId;

    /** The import that created the model, if one did. */
    @Column(name = "import_id", updatable = false)
    private Long importId;

    @Version
    private long version;

    protected DvkModel() {}

    /** What an imported row says happened to the model before it came into DVK. */
    record History(
            ModelStatus status, Instant submittedAt, Instant appraisedAt, List<Level> recognitions, Instant now) {}

    /**
     * A model brought in from a unit's files: registered, then moved through its past with the same transitions a
     * model registered in DVK makes (submitted, appraised, proposed and recognized at each level in turn), each at
     * its business date; whatever the life cycle forbids is refused as it would be through the API.
     */
    static DvkModel imported(ModelRegistration r, Long unitId, String externalId, Long importId, String by, History h) {
        DvkModel m = new DvkModel(r, unitId, by, h.now());
        m.externalId = externalId;
        m.importId = importId;
        if (h.status() == ModelStatus.DRAFT) {
            return m;
        }
        if (!EnumSet.of(
                        ModelStatus.SUBMITTED,
                        ModelStatus.CHANGES_REQUESTED,
                        ModelStatus.ACCEPTED,
                        ModelStatus.REJECTED,
                        ModelStatus.RECOGNIZED)
                .contains(h.status())) {
            throw new Problems.Invalid(
                    "status", "imports.model.status.notImportable", h.status().name());
        }
        m.submit(h.submittedAt());
        switch (h.status()) {
            case CHANGES_REQUESTED -> m.appraise(AppraisalDecision.REQUEST_CHANGES, h.appraisedAt());
            case REJECTED -> m.appraise(AppraisalDecision.REJECT, h.appraisedAt());
            case ACCEPTED, RECOGNIZED -> m.appraise(AppraisalDecision.ACCEPT, h.appraisedAt());
            default -> {}
        }
        for (Level at : h.recognitions()) {
            m.propose(at, h.now());
            m.decide(true, at, h.now());
        }
        if (m.status != h.status()) {
            throw new Problems.Invalid(
                    "status", "imports.model.status.history", h.status().name());
        }
        m.updatedAt = h.now();
        return m;
    }

    /** An import corrects the registration of a model it brought in earlier (the importer asked to update). */
    Transition correct(ModelRegistration r, Instant now) {
        apply(r, unitId, now);
        return new Transition("IMPORT_CORRECT", status, status);
    }

    DvkModel(ModelRegistration r, Long unitId, String by, Instant now) {
        this.status = ModelStatus.DRAFT;
        this.createdBy = by;
        this.createdAt = now;
        apply(r, unitId, now);
    }

    /** Rewrites the registration; only a draft or a registration sent back for changes may be edited. */
    Transition edit(ModelRegistration r, Long unitId, Instant now) {
        require(EnumSet.of(ModelStatus.DRAFT, ModelStatus.CHANGES_REQUESTED), "EDIT");
        apply(r, unitId, now);
        return new Transition("EDIT", status, status);
    }

    /** Sends the registration to the appraising level (first time, or again after changes). */
    Transition submit(Instant now) {
        ModelStatus from = require(EnumSet.of(ModelStatus.DRAFT, ModelStatus.CHANGES_REQUESTED), "SUBMIT");
        status = ModelStatus.SUBMITTED;
        if (submittedAt == null) {
            submittedAt = now;
        }
        updatedAt = now;
        return new Transition(from == ModelStatus.DRAFT ? "SUBMIT" : "RESUBMIT", from, status);
    }

    /** The appraiser's decision on a submitted registration. */
    Transition appraise(AppraisalDecision decision, Instant now) {
        ModelStatus from = require(EnumSet.of(ModelStatus.SUBMITTED), "APPRAISE");
        switch (decision) {
            case ACCEPT -> {
                status = ModelStatus.ACCEPTED;
                appraisalOutcome = AppraisalDecision.ACCEPT;
            }
            case REJECT -> {
                status = ModelStatus.REJECTED;
                appraisalOutcome = AppraisalDecision.REJECT;
            }
            case REQUEST_CHANGES -> status = ModelStatus.CHANGES_REQUESTED;
        }
        updatedAt = now;
        return new Transition("APPRAISE_" + decision.name(), from, status);
    }

    /**
     * Puts the model forward for recognition at a level: it must be accepted or already recognized, and the
     * level must be at or above the level it registered for and above any level it is already recognized at.
     */
    Transition propose(Level at, Instant now) {
        ModelStatus from = require(EnumSet.of(ModelStatus.ACCEPTED, ModelStatus.RECOGNIZED), "PROPOSE");
        if (!at.atOrAbove(level)) {
            throw new Problems.Invalid("level", "proposal.level.belowRegistration");
        }
        if (recognizedLevel != null && at.rank() >= recognizedLevel.rank()) {
            throw new Problems.Invalid("level", "proposal.level.notAboveRecognized");
        }
        status = ModelStatus.PROPOSED;
        updatedAt = now;
        return new Transition("PROPOSE", from, status);
    }

    /** The decision on a pending proposal: recognized at that level, or back to where it was. */
    Transition decide(boolean recognize, Level at, Instant now) {
        ModelStatus from = require(EnumSet.of(ModelStatus.PROPOSED), recognize ? "RECOGNIZE" : "DECLINE");
        if (recognize) {
            recognizedLevel = recognizedLevel == null || at.atOrAbove(recognizedLevel) ? at : recognizedLevel;
            status = ModelStatus.RECOGNIZED;
        } else {
            status = recognizedLevel == null ? ModelStatus.ACCEPTED : ModelStatus.RECOGNIZED;
        }
        updatedAt = now;
        return new Transition(recognize ? "RECOGNIZE" : "DECLINE", from, status);
    }

    /** The annual review of an accepted or recognized model; RETIRE ends its life. */
    Transition review(ReviewOutcome outcome, int reviewYear, Instant now) {
        ModelStatus from = require(EnumSet.of(ModelStatus.ACCEPTED, ModelStatus.RECOGNIZED), "REVIEW");
        if (reviewYear < year) {
            throw new Problems.Invalid("year", "review.year.beforeRegistration");
        }
        if (outcome == ReviewOutcome.RETIRE) {
            status = ModelStatus.RETIRED;
            retiredYear = reviewYear;
        }
        updatedAt = now;
        return new Transition("REVIEW_" + outcome.name(), from, status);
    }

    /**
     * The level this open registration targets no longer exists where the model is (its unit's area was merged or
     * dissolved): the registration is routed to the successor's level.
     */
    Transition reroute(Level to, Instant now) {
        ModelStatus from =
                require(EnumSet.of(ModelStatus.DRAFT, ModelStatus.SUBMITTED, ModelStatus.CHANGES_REQUESTED), "REROUTE");
        this.level = to;
        this.updatedAt = now;
        return new Transition("REROUTE", from, from);
    }

    private ModelStatus require(Set<ModelStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new Problems.Conflict("model.transition.illegal", action, status.name());
        }
        return status;
    }

    private void apply(ModelRegistration r, Long unitId, Instant now) {
        this.title = r.title().trim();
        this.field = r.field();
        this.unitId = unitId;
        this.level = r.level();
        this.year = r.year();
        this.holderType = r.holderType();
        this.holderName = r.holderName().trim();
        this.origin = r.origin();
        this.replicatedFromId = r.origin() == Origin.REPLICATED ? r.replicatedFromId() : null;
        this.summary = r.summary();
        Dossier d = r.dossier().over(dossier());
        this.situation = d.situation();
        this.goals = d.goals();
        this.approach = d.approach();
        this.area = d.area();
        this.forces = d.forces();
        this.resources = d.resources();
        this.outputs = d.outputs();
        this.sustainability = d.sustainability();
        this.searchText = searchText(title, holderName);
        this.searchBody = searchBody(summary);
        this.updatedAt = now;
    }

    /** The search column of the title and the holder (also written by the generator and the migration). */
    public static String searchText(String title, String holderName) {
        return TextFolding.words(title + " " + holderName, 1200);
    }

    /** The search column of the summary. */
    public static String searchBody(String summary) {
        String w = TextFolding.words(summary);
        return w.isEmpty() ? null : w;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Field getField() {
        return field;
    }

    public Long getUnitId() {
        return unitId;
    }

    public Level getLevel() {
        return level;
    }

    public int getYear() {
        return year;
    }

    public HolderType getHolderType() {
        return holderType;
    }

    public String getHolderName() {
        return holderName;
    }

    public Origin getOrigin() {
        return origin;
    }

    public Long getReplicatedFromId() {
        return replicatedFromId;
    }

    public String getSummary() {
        return summary;
    }

    /** The registration dossier as it stands. */
    public Dossier dossier() {
        return new Dossier(situation, goals, approach, area, forces, resources, outputs, sustainability);
    }

    String getSearchText() {
        return searchText;
    }

    public ModelStatus getStatus() {
        return status;
    }

    public AppraisalDecision getAppraisalOutcome() {
        return appraisalOutcome;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Level getRecognizedLevel() {
        return recognizedLevel;
    }

    public Integer getRetiredYear() {
        return retiredYear;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public String getExternalId() {
        return externalId;
    }

    public Long getImportId() {
        return importId;
    }
}
