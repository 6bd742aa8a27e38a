package vn.dvk.progress;

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

/** An entry of the indicator catalogue (chỉ tiêu): a named quantity with its unit of measure. */
@Entity
@Table(name = "progress_indicator")
class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(nullable = false, length = 64)
    private String measure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IndicatorKind kind;

    @Column(length = 2000)
    private String description;

    @Column(name = "owner_unit_id", updatable = false)
    private Long ownerUnitId;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Indicator() {}

    Indicator(
            String code,
            String name,
            String measure,
            IndicatorKind kind,
            String description,
            Long ownerUnitId,
            String by,
            Instant now) {
        this.code = code;
        this.ownerUnitId = ownerUnitId;
        this.createdBy = by;
        this.createdAt = now;
        this.active = true;
        change(name, measure, kind, description, true);
    }

    void change(String name, String measure, IndicatorKind kind, String description, boolean active) {
        this.name = name;
        this.measure = measure;
        this.kind = kind;
        this.description = description;
        this.active = active;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    String getMeasure() {
        return measure;
    }

    IndicatorKind getKind() {
        return kind;
    }

    String getDescription() {
        return description;
    }

    Long getOwnerUnitId() {
        return ownerUnitId;
    }

    boolean isActive() {
        return active;
    }

    long getVersion() {
        return version;
    }
}
