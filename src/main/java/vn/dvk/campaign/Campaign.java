package vn.dvk.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.dvk.shared.Level;

/**
 * A campaign (phát động) of a unit: the registration of models for one year and some target levels is open from
 * {@code registrationOpens} to {@code registrationCloses}, both days included, for the units under it.
 */
@Entity
@Table(name = "campaign_campaign")
class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private Long unitId;

    @Column(name = "reg_year", nullable = false)
    private int year;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(name = "document_number", length = 64)
    private String documentNumber;

    @Column(name = "document_date")
    private LocalDate documentDate;

    @Column(name = "registration_opens", nullable = false)
    private LocalDate registrationOpens;

    @Column(name = "registration_closes", nullable = false)
    private LocalDate registrationCloses;

    /** The target levels, highest first, separated by commas (e.g. {@code DISTRICT,COMMUNE}). */
    @Column(nullable = false, length = 64)
    private String levels;

    @Column(name = "require_dossier", nullable = false)
    private boolean requireDossier;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Campaign() {}

    Campaign(Long unitId, CampaignRequest r, String by, Instant now) {
        this.unitId = unitId;
        this.createdBy = by;
        this.createdAt = now;
        apply(r, now);
    }

    /** Rewrites the campaign (its unit stays). */
    void apply(CampaignRequest r, Instant now) {
        this.year = r.year();
        this.title = r.title().trim();
        this.documentNumber =
                blank(r.documentNumber()) ? null : r.documentNumber().trim();
        this.documentDate = r.documentDate();
        this.registrationOpens = r.registrationOpens();
        this.registrationCloses = r.registrationCloses();
        this.levels = join(r.levels());
        this.requireDossier = Boolean.TRUE.equals(r.requireDossier());
        this.updatedAt = now;
    }

    static String join(Set<Level> levels) {
        return levels.stream()
                .sorted(Comparator.comparingInt(Level::rank))
                .map(Enum::name)
                .collect(Collectors.joining(","));
    }

    List<Level> levelList() {
        return Arrays.stream(levels.split(",")).map(Level::valueOf).toList();
    }

    boolean covers(Level level) {
        return levelList().contains(level);
    }

    /** True when the two sets of levels share one. */
    boolean sharesLevel(Set<Level> others) {
        EnumSet<Level> mine = EnumSet.noneOf(Level.class);
        mine.addAll(levelList());
        mine.retainAll(others);
        return !mine.isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    Long getId() {
        return id;
    }

    Long getUnitId() {
        return unitId;
    }

    int getYear() {
        return year;
    }

    String getTitle() {
        return title;
    }

    String getDocumentNumber() {
        return documentNumber;
    }

    LocalDate getDocumentDate() {
        return documentDate;
    }

    LocalDate getRegistrationOpens() {
        return registrationOpens;
    }

    LocalDate getRegistrationCloses() {
        return registrationCloses;
    }

    boolean isRequireDossier() {
        return requireDossier;
    }

    long getVersion() {
        return version;
    }
}
