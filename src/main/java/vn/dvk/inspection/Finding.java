package vn.dvk.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import vn.dvk.shared.Limits;

/** What the inspectors found about one model against one criterion. */
@Entity
@Immutable
@Table(name = "inspection_finding")
class Finding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "inspection_id", nullable = false)
    private Long inspectionId;

    @Column(name = "model_id", nullable = false)
    private Long modelId;

    @Column(nullable = false, length = 300)
    private String criterion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Verdict verdict;

    @Column(length = Limits.TEXT)
    private String notes;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Finding() {}

    Finding(Long inspectionId, Long modelId, String criterion, Verdict verdict, String notes, String by, Instant now) {
        this.inspectionId = inspectionId;
        this.modelId = modelId;
        this.criterion = criterion;
        this.verdict = verdict;
        this.notes = notes;
        this.recordedBy = by;
        this.recordedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getInspectionId() {
        return inspectionId;
    }

    Long getModelId() {
        return modelId;
    }

    String getCriterion() {
        return criterion;
    }

    Verdict getVerdict() {
        return verdict;
    }

    String getNotes() {
        return notes;
    }

    String getRecordedBy() {
        return recordedBy;
    }

    Instant getRecordedAt() {
        return recordedAt;
    }
}
