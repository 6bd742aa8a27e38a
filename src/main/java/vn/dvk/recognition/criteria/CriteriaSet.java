package vn.dvk.recognition.criteria;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/**
 * A criteria set (bộ tiêu chí) issued by a unit's guidance document for recognition at one level, in force
 * from a date until the next version of the same unit and level. A set that a round uses is frozen.
 */
@Entity
@Table(name = "recognition_criteria_set")
public class CriteriaSet {

    /** One criterion: a code, a Vietnamese description, maximum points and an optional weight. */
    @Embeddable
    public static class Criterion {
        @Column(nullable = false)
        private String code;

        @Column(nullable = false)
        private String description;

        @Column(name = "max_points", nullable = false)
        private BigDecimal maxPoints;

        @Column
        private BigDecimal weight;

        protected Criterion() {}

        Criterion(String code, String description, BigDecimal maxPoints, BigDecimal weight) {
            this.code = code;
            this.description = description;
            this.maxPoints = maxPoints;
            this.weight = weight;
        }

        public String getCode() {
            return code;
        }

        String getDescription() {
            return description;
        }

        public BigDecimal getMaxPoints() {
            return maxPoints;
        }

        BigDecimal getWeight() {
            return weight;
        }

        CriteriaPoints.Criterion scoring() {
            return new CriteriaPoints.Criterion(code, maxPoints, weight);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id")
    private Long unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;

    @Column(nullable = false)
    private String name;

    @Column(name = "doc_number", nullable = false)
    private String docNumber;

    @Column(name = "doc_date", nullable = false)
    private LocalDate docDate;

    @Column(name = "doc_title", nullable = false)
    private String docTitle;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "pass_threshold", nullable = false)
    private BigDecimal passThreshold;

    @Column(name = "comment_below_ratio", nullable = false)
    private BigDecimal commentBelowRatio;

    @Column(name = "is_example", nullable = false)
    private boolean example;

    @Column(name = "copied_from_id")
    private Long copiedFromId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recognition_criterion", joinColumns = @JoinColumn(name = "set_id"))
    @OrderColumn(name = "pos")
    private List<Criterion> criteria = new ArrayList<>();

    @Version
    private long version;

    protected CriteriaSet() {}

    CriteriaSet(Long unitId, Long copiedFromId, String by, Instant now) {
        this.unitId = unitId;
        this.copiedFromId = copiedFromId;
        this.createdBy = by;
        this.createdAt = now;
    }

    /** Writes the set's content; the example set is read-only. */
    void write(
            Level level,
            String name,
            String docNumber,
            LocalDate docDate,
            String docTitle,
            LocalDate from,
            BigDecimal threshold,
            BigDecimal commentBelowRatio,
            List<Criterion> criteria) {
        if (example) {
            throw new Problems.Conflict("criteria.example.readOnly");
        }
        this.level = level;
        this.name = name;
        this.docNumber = docNumber;
        this.docDate = docDate;
        this.docTitle = docTitle;
        this.effectiveFrom = from;
        this.passThreshold = threshold;
        this.commentBelowRatio = commentBelowRatio;
        this.criteria = new ArrayList<>(criteria);
    }

    public List<CriteriaPoints.Criterion> scoringCriteria() {
        return criteria.stream().map(Criterion::scoring).toList();
    }

    public Long getId() {
        return id;
    }

    public Long getUnitId() {
        return unitId;
    }

    Level getLevel() {
        return level;
    }

    public String getName() {
        return name;
    }

    public String getDocNumber() {
        return docNumber;
    }

    public LocalDate getDocDate() {
        return docDate;
    }

    public String getDocTitle() {
        return docTitle;
    }

    LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public BigDecimal getPassThreshold() {
        return passThreshold;
    }

    public BigDecimal getCommentBelowRatio() {
        return commentBelowRatio;
    }

    boolean isExample() {
        return example;
    }

    Long getCopiedFromId() {
        return copiedFromId;
    }

    public List<Criterion> getCriteria() {
        return List.copyOf(criteria);
    }

    long getVersion() {
        return version;
    }
}
