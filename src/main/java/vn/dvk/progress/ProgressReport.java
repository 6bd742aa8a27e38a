package vn.dvk.progress;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.Immutable;

/** What a model achieved in a period, as of a date: indicator values and a narrative. */
@Entity
@Immutable
@Table(name = "progress_report")
class ProgressReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "model_id", nullable = false)
    private Long modelId;

    @Column(name = "as_of", nullable = false)
    private LocalDate asOf;

    @Column(name = "period_year", nullable = false)
    private int periodYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_part", nullable = false, length = 2)
    private ReportPeriod.Part periodPart;

    @Column(columnDefinition = "text")
    private String narrative;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "progress_value", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyColumn(name = "code")
    @Column(name = "amount", nullable = false)
    private Map<String, BigDecimal> values = new LinkedHashMap<>();

    protected ProgressReport() {}

    ProgressReport(
            Long modelId,
            ReportPeriod period,
            LocalDate asOf,
            Map<String, BigDecimal> values,
            String narrative,
            String by,
            Instant now) {
        this.modelId = modelId;
        this.periodYear = period.year();
        this.periodPart = period.part();
        this.asOf = asOf;
        this.values = new LinkedHashMap<>(values);
        this.narrative = narrative;
        this.createdBy = by;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    Long getModelId() {
        return modelId;
    }

    LocalDate getAsOf() {
        return asOf;
    }

    ReportPeriod getPeriod() {
        return new ReportPeriod(periodYear, periodPart);
    }

    String getNarrative() {
        return narrative;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Map<String, BigDecimal> getValues() {
        return new LinkedHashMap<>(values);
    }
}
