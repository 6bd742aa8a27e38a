package vn.dvk.recognition.proposal;

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
import java.time.LocalDate;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/** A proposal to recognize a model at a level in a year (đề nghị công nhận), and its decision. */
@Entity
@Table(name = "recognition_proposal")
public class Proposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "model_id", nullable = false, updatable = false)
    private Long modelId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Level level;

    @Column(name = "proposal_year", nullable = false, updatable = false)
    private int year;

    @Column
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProposalStatus status;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "decision_number")
    private String decisionNumber;

    @Column(name = "decision_date")
    private LocalDate decisionDate;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "round_id")
    private Long roundId;

    @Column(name = "criteria_set_id")
    private Long criteriaSetId;

    @Version
    private long version;

    protected Proposal() {}

    Proposal(Long modelId, Level level, int year, String note, String by, Instant now) {
        this.modelId = modelId;
        this.level = level;
        this.year = year;
        this.note = note;
        this.status = ProposalStatus.PENDING;
        this.proposedBy = by;
        this.proposedAt = now;
    }

    /** Records the decision; a proposal is decided once. */
    void decide(Decision decision, String number, LocalDate date, String comment, String by, Instant now) {
        if (status != ProposalStatus.PENDING) {
            throw new Problems.Conflict("proposal.alreadyDecided", status.name());
        }
        status = decision == Decision.RECOGNIZE ? ProposalStatus.RECOGNIZED : ProposalStatus.DECLINED;
        decisionNumber = number;
        decisionDate = date;
        decisionComment = comment;
        decidedBy = by;
        decidedAt = now;
    }

    public void requirePending() {
        if (status != ProposalStatus.PENDING) {
            throw new Problems.Conflict("proposal.alreadyDecided", status.name());
        }
    }

    /** Puts a pending proposal into a round; from then on it is scored against the round's criteria set. */
    public void joinRound(Long round, Long criteriaSet) {
        requirePending();
        if (roundId != null) {
            throw new Problems.Conflict("round.proposal.elsewhere");
        }
        this.roundId = round;
        this.criteriaSetId = criteriaSet;
    }

    public Long getId() {
        return id;
    }

    public Long getModelId() {
        return modelId;
    }

    public Level getLevel() {
        return level;
    }

    public int getYear() {
        return year;
    }

    public String getNote() {
        return note;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public long getVersion() {
        return version;
    }

    public Long getRoundId() {
        return roundId;
    }

    public Long getCriteriaSetId() {
        return criteriaSetId;
    }
}
