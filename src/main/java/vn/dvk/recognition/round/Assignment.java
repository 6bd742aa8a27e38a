package vn.dvk.recognition.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A council member's task on one proposal of a round: to score it, or recused (automatically or declared). */
@Entity
@Table(name = "recognition_assignment")
class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false, updatable = false)
    private Long roundId;

    @Column(name = "proposal_id", nullable = false, updatable = false)
    private Long proposalId;

    @Column(nullable = false, updatable = false)
    private String scorer;

    @Column(nullable = false)
    private boolean recused;

    @Column(name = "auto_recused", nullable = false)
    private boolean autoRecused;

    @Column(name = "recusal_reason")
    private String recusalReason;

    protected Assignment() {}

    Assignment(Long roundId, Long proposalId, String scorer, boolean autoRecused, String reason) {
        this.roundId = roundId;
        this.proposalId = proposalId;
        this.scorer = scorer;
        this.recused = autoRecused;
        this.autoRecused = autoRecused;
        this.recusalReason = reason;
    }

    /** The member declares a conflict of interest; from now on the member's sheet does not count. */
    void declareConflict(String reason) {
        this.recused = true;
        this.recusalReason = reason;
    }

    Long getId() {
        return id;
    }

    Long getRoundId() {
        return roundId;
    }

    Long getProposalId() {
        return proposalId;
    }

    String getScorer() {
        return scorer;
    }

    boolean isRecused() {
        return recused;
    }

    boolean isAutoRecused() {
        return autoRecused;
    }

    String getRecusalReason() {
        return recusalReason;
    }
}
