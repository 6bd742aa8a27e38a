package vn.dvk.recognition.round;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
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
import java.util.List;
import java.util.Optional;
import vn.dvk.recognition.proposal.RoundMethod;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/**
 * A round of recognition (đợt xét công nhận) of a unit at a level in a year: its dates, the criteria set in
 * force, its council members and, once taken, the bulk decision.
 */
@Entity
@Table(name = "recognition_round")
class Round {

    /** A council member (thành viên hội đồng) and the unit the member belongs to. */
    @Embeddable
    static class Member {
        @Column(nullable = false)
        private String username;

        @Column(name = "full_name", nullable = false)
        private String fullName;

        @Column(name = "unit_id", nullable = false)
        private Long unitId;

        @Column(name = "unit_path", nullable = false)
        private String unitPath;

        protected Member() {}

        Member(String username, String fullName, Long unitId, String unitPath) {
            this.username = username;
            this.fullName = fullName;
            this.unitId = unitId;
            this.unitPath = unitPath;
        }

        String getUsername() {
            return username;
        }

        String getFullName() {
            return fullName;
        }

        Long getUnitId() {
            return unitId;
        }

        String getUnitPath() {
            return unitPath;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private Long unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Level level;

    @Column(name = "round_year", nullable = false, updatable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    @Column(name = "opens_on", nullable = false)
    private LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    private LocalDate closesOn;

    @Column(name = "criteria_set_id", nullable = false)
    private Long criteriaSetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CouncilScoring.Basis basis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RoundMethod method = RoundMethod.SCORE;

    @Column(name = "pass_share_num", updatable = false)
    private Integer passShareNumerator;

    @Column(name = "pass_share_den", updatable = false)
    private Integer passShareDenominator;

    @Column(updatable = false)
    private Integer quorum;

    @Column(name = "issuer_body")
    private String issuerBody;

    @Column(name = "parent_body")
    private String parentBody;

    @Column(name = "decision_number")
    private String decisionNumber;

    @Column(name = "decision_date")
    private LocalDate decisionDate;

    @Column(name = "decision_signer")
    private String decisionSigner;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recognition_round_member", joinColumns = @JoinColumn(name = "round_id"))
    private List<Member> members = new ArrayList<>();

    @Version
    private long version;

    protected Round() {}

    Round(
            Long unitId,
            Level level,
            int year,
            String title,
            LocalDate opensOn,
            LocalDate closesOn,
            Long criteriaSetId,
            CouncilScoring.Basis basis,
            String issuerBody,
            String parentBody,
            String by,
            Instant now) {
        this.unitId = unitId;
        this.level = level;
        this.year = year;
        this.title = title;
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        this.criteriaSetId = criteriaSetId;
        this.basis = basis;
        this.issuerBody = issuerBody;
        this.parentBody = parentBody;
        this.createdBy = by;
        this.createdAt = now;
    }

    /** The council votes by secret ballot: a nominee passes with {@code share} of the votes, {@code quorum} voting. */
    void voteByBallot(BallotCount.Share share, int quorum) {
        this.method = RoundMethod.BALLOT;
        this.passShareNumerator = share.numerator();
        this.passShareDenominator = share.denominator();
        this.quorum = quorum;
    }

    boolean isBallot() {
        return method == RoundMethod.BALLOT;
    }

    /** The share of the votes that passes a nominee; null in a scoring round. */
    BallotCount.Share passShare() {
        return isBallot() ? new BallotCount.Share(passShareNumerator, passShareDenominator) : null;
    }

    /** Refuses a ballot in a scoring round, and a score sheet in a ballot round. */
    void requireMethod(RoundMethod expected) {
        if (method != expected) {
            throw new Problems.Conflict(expected == RoundMethod.BALLOT ? "round.notBallot" : "round.ballotOnly");
        }
    }

    /** Adds a member; a decided round is closed. */
    boolean addMember(Member m) {
        requireUndecided();
        if (member(m.getUsername()).isPresent()) {
            return false;
        }
        members.add(m);
        return true;
    }

    Optional<Member> member(String username) {
        return members.stream().filter(m -> m.getUsername().equals(username)).findFirst();
    }

    /** Scores are taken from the opening to the closing day, until the decision. */
    void requireOpenForScoring(LocalDate today) {
        requireUndecided();
        if (!isOpen(today)) {
            throw new Problems.Conflict("round.notOpen");
        }
    }

    /** True from the opening to the closing day, until the decision. */
    boolean isOpen(LocalDate today) {
        return !isDecided() && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    void requireUndecided() {
        if (decisionNumber != null) {
            throw new Problems.Conflict("round.decided", decisionNumber);
        }
    }

    /** Records the round's bulk decision. */
    void decide(String number, LocalDate date, String signer, String by, Instant now) {
        requireUndecided();
        this.decisionNumber = number;
        this.decisionDate = date;
        this.decisionSigner = signer;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    boolean isDecided() {
        return decisionNumber != null;
    }

    Long getId() {
        return id;
    }

    Long getUnitId() {
        return unitId;
    }

    Level getLevel() {
        return level;
    }

    int getYear() {
        return year;
    }

    String getTitle() {
        return title;
    }

    LocalDate getOpensOn() {
        return opensOn;
    }

    LocalDate getClosesOn() {
        return closesOn;
    }

    Long getCriteriaSetId() {
        return criteriaSetId;
    }

    CouncilScoring.Basis getBasis() {
        return basis;
    }

    RoundMethod getMethod() {
        return method;
    }

    Integer getQuorum() {
        return quorum;
    }

    String getIssuerBody() {
        return issuerBody;
    }

    String getParentBody() {
        return parentBody;
    }

    String getDecisionNumber() {
        return decisionNumber;
    }

    LocalDate getDecisionDate() {
        return decisionDate;
    }

    String getDecisionSigner() {
        return decisionSigner;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    List<Member> getMembers() {
        return List.copyOf(members);
    }

    long getVersion() {
        return version;
    }
}
