package vn.dvk.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit trail: who did what to which subject, when, from which state to which, and why.
 * Written by {@link AuditChain} (plain JDBC, at commit), never by Hibernate; read through {@link AuditEntries}.
 */
@Entity
@Immutable
@Table(name = "shared_audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "from_state", updatable = false)
    private String fromState;

    @Column(name = "to_state", updatable = false)
    private String toState;

    @Column(updatable = false)
    private String comment;

    @Column(name = "prev_hash", insertable = false, updatable = false)
    private String prevHash;

    @Column(insertable = false, updatable = false)
    private String hash;

    protected AuditEntry() {}

    AuditEntry(
            Instant at,
            String actor,
            String subjectType,
            Long subjectId,
            String action,
            String fromState,
            String toState,
            String comment) {
        this.at = at;
        this.actor = actor;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.comment = comment;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getAction() {
        return action;
    }

    public String getFromState() {
        return fromState;
    }

    public String getToState() {
        return toState;
    }

    public String getComment() {
        return comment;
    }
    /** The hash of the entry before this one in the chain (64 zeros for the first entry). */
    public String getPrevHash() {
        return prevHash;
    }
    /** SHA-256 over {@link #getPrevHash()} and this entry's fields, see {@link AuditHash}. */
    public String getHash() {
        return hash;
    }

    /** Called once the entry has been written into the chain. */
    void chained(Long id, String prevHash, String hash) {
        this.id = id;
        this.prevHash = prevHash;
        this.hash = hash;
    }
}
