package vn.dvk.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import vn.dvk.shared.Level;

/** A node of the unit tree. Its {@code path} lists the ids from the root, as {@code /1/5/23/}. */
@Entity
@Table(name = "unit_unit")
class Unit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitKind kind;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false)
    private String path;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Unit() {}

    Unit(String code, String name, Level level, UnitKind kind, Unit parent, Instant now) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.kind = kind;
        this.parentId = parent == null ? null : parent.id;
        this.path = "";
        this.createdAt = now;
    }

    /** Called once the id is known: the path is the parent's path plus this id. */
    void placeUnder(Unit parent) {
        this.path = (parent == null ? "/" : parent.path) + id + "/";
    }

    UnitRef toRef(String parentCode) {
        return new UnitRef(id, code, name, level, kind, path, parentId, parentCode, validFrom, validTo);
    }

    /** A unit that a reorganization creates exists from its effective date on. */
    void startOn(LocalDate date) {
        this.validFrom = date;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    Level getLevel() {
        return level;
    }

    UnitKind getKind() {
        return kind;
    }

    Long getParentId() {
        return parentId;
    }

    String getPath() {
        return path;
    }

    LocalDate getValidFrom() {
        return validFrom;
    }

    LocalDate getValidTo() {
        return validTo;
    }
}
