package vn.dvk.account;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import vn.dvk.shared.Role;

/** A person who signs in: belongs to one unit and acts in its subtree with the roles given. */
@Entity
@Table(name = "account_user")
class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(nullable = false)
    private boolean enabled;

    /** Where notices are e-mailed; none when null. */
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Set<Role> roles = new HashSet<>();

    protected User() {}

    User(String username, String passwordHash, String fullName, Long unitId, Set<Role> roles, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.unitId = unitId;
        this.roles = new HashSet<>(roles);
        this.enabled = true;
        this.createdAt = now;
    }

    /** The user's unit ended in a reorganization: the user now works in its successor. */
    void moveTo(Long successorUnitId) {
        this.unitId = successorUnitId;
    }

    /** A new e-mail address (checked by the caller), or none. */
    void changeEmail(String email) {
        this.email = email;
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getFullName() {
        return fullName;
    }

    Long getUnitId() {
        return unitId;
    }

    boolean isEnabled() {
        return enabled;
    }

    String getEmail() {
        return email;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
