package vn.dvk.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import vn.dvk.shared.Limits;
import vn.dvk.shared.Problems;

/** A request of the inspectors (yêu cầu khắc phục) with a deadline, and the inspected unit's answer. */
@Entity
@Table(name = "inspection_follow_up")
class FollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "inspection_id", nullable = false, updatable = false)
    private Long inspectionId;

    @Column(name = "model_id", updatable = false)
    private Long modelId;

    @Column(nullable = false, length = Limits.TEXT, updatable = false)
    private String request;

    @Column(name = "due_on", nullable = false, updatable = false)
    private LocalDate dueOn;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(length = Limits.TEXT)
    private String answer;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Version
    private long version;

    protected FollowUp() {}

    FollowUp(Long inspectionId, Long modelId, String request, LocalDate dueOn, String by, Instant now) {
        this.inspectionId = inspectionId;
        this.modelId = modelId;
        this.request = request;
        this.dueOn = dueOn;
        this.requestedBy = by;
        this.requestedAt = now;
    }

    /** Records the inspected unit's answer; a follow-up is answered once. */
    void answer(String text, String by, Instant now) {
        if (answeredAt != null) {
            throw new Problems.Conflict("inspection.followUp.answered");
        }
        this.answer = text;
        this.answeredBy = by;
        this.answeredAt = now;
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

    String getRequest() {
        return request;
    }

    LocalDate getDueOn() {
        return dueOn;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    String getAnswer() {
        return answer;
    }

    String getAnsweredBy() {
        return answeredBy;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }
}
