package vn.dvk.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An indicator a model chose to be judged by, with where it started (baseline) and where it aims (target). */
@Entity
@Table(name = "progress_model_indicator")
class ModelIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "model_id", nullable = false, updatable = false)
    private Long modelId;

    @Column(name = "indicator_id", nullable = false, updatable = false)
    private Long indicatorId;

    @Column(precision = 20, scale = 4)
    private BigDecimal baseline;

    @Column(nullable = false, precision = 20, scale = 4)
    private BigDecimal target;

    @Column(name = "chosen_by", nullable = false)
    private String chosenBy;

    @Column(name = "chosen_at", nullable = false)
    private Instant chosenAt;

    protected ModelIndicator() {}

    ModelIndicator(Long modelId, Long indicatorId, BigDecimal baseline, BigDecimal target, String by, Instant now) {
        this.modelId = modelId;
        this.indicatorId = indicatorId;
        set(baseline, target, by, now);
    }

    void set(BigDecimal baseline, BigDecimal target, String by, Instant now) {
        this.baseline = baseline;
        this.target = target;
        this.chosenBy = by;
        this.chosenAt = now;
    }

    Long getId() {
        return id;
    }

    Long getModelId() {
        return modelId;
    }

    Long getIndicatorId() {
        return indicatorId;
    }

    BigDecimal getBaseline() {
        return baseline;
    }

    BigDecimal getTarget() {
        return target;
    }
}
