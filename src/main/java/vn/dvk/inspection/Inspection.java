package vn.dvk.inspection;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.dvk.shared.Problems;

/** An inspection: who inspects which unit when, which models, and, at the end, the conclusion. */
@Entity
@Table(name = "inspection_inspection")
class Inspection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "inspected_unit_id", nullable = false, updatable = false)
    private Long inspectedUnitId;

    @Column(name = "inspecting_unit_id", nullable = false, updatable = false)
    private Long inspectingUnitId;

    @Column(name = "planned_on", nullable = false)
    private LocalDate plannedOn;

    @Column(nullable = false, length = 1000)
    private String purpose;

    @Column(nullable = false, length = 2000)
    private String members;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InspectionStatus status;

    @Column(columnDefinition = "text")
    private String conclusion;

    @Column(name = "concluded_at")
    private Instant concludedAt;

    @Column(name = "concluded_by")
    private String concludedBy;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_model", joinColumns = @JoinColumn(name = "inspection_id"))
    @Column(name = "model_id", nullable = false)
    private Set<Long> modelIds = new LinkedHashSet<>();

    protected Inspection() {}

    Inspection(
            Long inspectedUnitId,
            Long inspectingUnitId,
            LocalDate plannedOn,
            String purpose,
            List<String> members,
            Set<Long> modelIds,
            String by,
            Instant now) {
        this.inspectedUnitId = inspectedUnitId;
        this.inspectingUnitId = inspectingUnitId;
        this.plannedOn = plannedOn;
        this.purpose = purpose;
        this.members = String.join("\n", members);
        this.modelIds = new LinkedHashSet<>(modelIds);
        this.status = InspectionStatus.PLANNED;
        this.createdBy = by;
        this.createdAt = now;
    }

    /** Refuses any change to the findings or follow-ups once the inspection is concluded. */
    void requireOpen() {
        if (status != InspectionStatus.PLANNED) {
            throw new Problems.Conflict("inspection.concluded");
        }
    }

    void conclude(String text, String by, Instant now) {
        requireOpen();
        this.status = InspectionStatus.CONCLUDED;
        this.conclusion = text;
        this.concludedBy = by;
        this.concludedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getInspectedUnitId() {
        return inspectedUnitId;
    }

    Long getInspectingUnitId() {
        return inspectingUnitId;
    }

    LocalDate getPlannedOn() {
        return plannedOn;
    }

    String getPurpose() {
        return purpose;
    }

    List<String> getMembers() {
        return new ArrayList<>(List.of(members.split("\n")));
    }

    InspectionStatus getStatus() {
        return status;
    }

    String getConclusion() {
        return conclusion;
    }

    Instant getConcludedAt() {
        return concludedAt;
    }

    String getConcludedBy() {
        return concludedBy;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }

    Set<Long> getModelIds() {
        return new LinkedHashSet<>(modelIds);
    }
}
