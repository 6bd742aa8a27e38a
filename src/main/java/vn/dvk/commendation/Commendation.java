package vn.dvk.commendation;

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
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.Immutable;
import vn.dvk.model.HolderType;

/** A commendation (khen thưởng) as decided by its issuing unit. */
@Entity
@Immutable
@Table(name = "commendation_commendation")
class Commendation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommendationForm form;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_type", nullable = false)
    private HolderType recipientType;

    @Column(name = "recipient_name", nullable = false)
    private String recipientName;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "issuer_unit_id", nullable = false)
    private Long issuerUnitId;

    @Column(name = "decision_number", nullable = false)
    private String decisionNumber;

    @Column(name = "decision_date", nullable = false)
    private LocalDate decisionDate;

    @Column
    private String reason;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "commendation_model", joinColumns = @JoinColumn(name = "commendation_id"))
    @Column(name = "model_id", nullable = false)
    private Set<Long> modelIds = new LinkedHashSet<>();

    protected Commendation() {}

    Commendation(
            CommendationForm form,
            HolderType recipientType,
            String recipientName,
            Long unitId,
            Long issuerUnitId,
            String decisionNumber,
            LocalDate decisionDate,
            String reason,
            Set<Long> modelIds,
            String by,
            Instant now) {
        this.form = form;
        this.recipientType = recipientType;
        this.recipientName = recipientName;
        this.unitId = unitId;
        this.issuerUnitId = issuerUnitId;
        this.decisionNumber = decisionNumber;
        this.decisionDate = decisionDate;
        this.reason = reason;
        this.modelIds = new LinkedHashSet<>(modelIds);
        this.createdBy = by;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    CommendationForm getForm() {
        return form;
    }

    HolderType getRecipientType() {
        return recipientType;
    }

    String getRecipientName() {
        return recipientName;
    }

    Long getUnitId() {
        return unitId;
    }

    Long getIssuerUnitId() {
        return issuerUnitId;
    }

    String getDecisionNumber() {
        return decisionNumber;
    }

    LocalDate getDecisionDate() {
        return decisionDate;
    }

    String getReason() {
        return reason;
    }

    Set<Long> getModelIds() {
        return new LinkedHashSet<>(modelIds);
    }
}
