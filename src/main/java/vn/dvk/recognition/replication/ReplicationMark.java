package vn.dvk.recognition.replication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.dvk.shared.Level;

/** A model chosen for replication at a level in a year (chọn nhân rộng), with the reason. */
@Entity
@Table(name = "recognition_replication_mark")
class ReplicationMark {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "model_id", nullable = false, updatable = false)
    private Long modelId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Level level;

    @Column(name = "mark_year", nullable = false, updatable = false)
    private int year;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "marked_by", nullable = false, updatable = false)
    private String markedBy;

    @Column(name = "marked_at", nullable = false, updatable = false)
    private Instant markedAt;

    protected ReplicationMark() {}

    ReplicationMark(Long modelId, Level level, int year, String reason, String markedBy, Instant markedAt) {
        this.modelId = modelId;
        this.level = level;
        this.year = year;
        this.reason = reason;
        this.markedBy = markedBy;
        this.markedAt = markedAt;
    }

    Replication.Mark view() {
        return new Replication.Mark(id, modelId, level, year, reason, markedBy, markedAt);
    }

    Long getModelId() {
        return modelId;
    }
}
