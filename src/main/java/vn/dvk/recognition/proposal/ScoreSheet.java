package vn.dvk.recognition.proposal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.Immutable;

/** One council member's scores for one proposal; locked once submitted. */
@Entity
@Immutable
@Table(name = "recognition_score_sheet")
public class ScoreSheet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;

    @Column(nullable = false)
    private String scorer;

    @Column
    private String comment;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "weighted_total")
    private BigDecimal weightedTotal;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recognition_score", joinColumns = @JoinColumn(name = "sheet_id"))
    @MapKeyColumn(name = "criterion")
    @Column(name = "points", nullable = false)
    private Map<String, BigDecimal> points = new LinkedHashMap<>();

    protected ScoreSheet() {}

    ScoreSheet(Long proposalId, String scorer, Map<String, BigDecimal> points, String comment, Instant now) {
        this.proposalId = proposalId;
        this.scorer = scorer;
        this.points = new LinkedHashMap<>(points);
        this.comment = comment;
        this.submittedAt = now;
    }

    /** A sheet scored against a criteria set, with its weighted total. */
    public ScoreSheet(
            Long proposalId,
            String scorer,
            Map<String, BigDecimal> points,
            BigDecimal weightedTotal,
            String comment,
            Instant now) {
        this(proposalId, scorer, points, comment, now);
        this.weightedTotal = weightedTotal;
    }

    /** The weighted total for a sheet scored against a criteria set, else the plain sum of the points. */
    public BigDecimal total() {
        if (weightedTotal != null) {
            return weightedTotal;
        }
        return points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Long getId() {
        return id;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public String getScorer() {
        return scorer;
    }

    public String getComment() {
        return comment;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Map<String, BigDecimal> getPoints() {
        return Map.copyOf(points);
    }
}
