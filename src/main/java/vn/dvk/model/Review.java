package vn.dvk.model;

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

/** One annual review of a model (đánh giá hằng năm); at most one per model and year. */
@Entity
@Immutable
@Table(name = "model_review")
public class Review {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "model_id", nullable = false)
    private Long modelId;

    @Column(name = "review_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReviewOutcome outcome;

    @Column
    private String comment;

    @Column(name = "reviewed_by", nullable = false)
    private String reviewedBy;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    protected Review() {}

    Review(Long modelId, int year, ReviewOutcome outcome, String comment, String reviewedBy, Instant reviewedAt) {
        this.modelId = modelId;
        this.year = year;
        this.outcome = outcome;
        this.comment = comment;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getModelId() {
        return modelId;
    }

    public int getYear() {
        return year;
    }

    public ReviewOutcome getOutcome() {
        return outcome;
    }

    public String getComment() {
        return comment;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }
}
