package vn.dvk.campaign;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import vn.dvk.shared.Level;

/** What the campaign page's form binds; the rules are those of {@link CampaignRequest}, checked on the request. */
public class CampaignForm {

    private String unitCode;
    private Integer year;
    private String title;
    private String documentNumber;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate documentDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate registrationOpens;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate registrationCloses;

    private Set<Level> levels = EnumSet.noneOf(Level.class);
    private boolean requireDossier;
    private Long version;

    static CampaignForm of(CampaignView c) {
        CampaignForm f = new CampaignForm();
        f.unitCode = c.unitCode();
        f.year = c.year();
        f.title = c.title();
        f.documentNumber = c.documentNumber();
        f.documentDate = c.documentDate();
        f.registrationOpens = c.registrationOpens();
        f.registrationCloses = c.registrationCloses();
        f.levels = EnumSet.copyOf(c.levels());
        f.requireDossier = c.requireDossier();
        f.version = c.version();
        return f;
    }

    CampaignRequest toRequest() {
        return new CampaignRequest(
                unitCode,
                year,
                title,
                documentNumber,
                documentDate,
                registrationOpens,
                registrationCloses,
                levels == null ? Set.of() : levels,
                requireDossier,
                version);
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public LocalDate getDocumentDate() {
        return documentDate;
    }

    public void setDocumentDate(LocalDate documentDate) {
        this.documentDate = documentDate;
    }

    public LocalDate getRegistrationOpens() {
        return registrationOpens;
    }

    public void setRegistrationOpens(LocalDate registrationOpens) {
        this.registrationOpens = registrationOpens;
    }

    public LocalDate getRegistrationCloses() {
        return registrationCloses;
    }

    public void setRegistrationCloses(LocalDate registrationCloses) {
        this.registrationCloses = registrationCloses;
    }

    public Set<Level> getLevels() {
        return levels;
    }

    public void setLevels(Set<Level> levels) {
        this.levels = levels;
    }

    public boolean isRequireDossier() {
        return requireDossier;
    }

    public void setRequireDossier(boolean requireDossier) {
        this.requireDossier = requireDossier;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
