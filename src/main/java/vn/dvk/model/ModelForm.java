package vn.dvk.model;

import vn.dvk.shared.Level;

/**
 * The registration form of the pages: what the page binds; its rules are those of the API's {@link ModelRegistration}
 * ({@link #toRegistration()}, checked by the page controller), written once, on the record.
 */
public class ModelForm {

    private String title;

    private Field field;

    private String unitCode;

    private Level level;

    private Integer year;

    private HolderType holderType = HolderType.COLLECTIVE;

    private String holderName;

    private Origin origin = Origin.NEW;

    private Long replicatedFromId;

    private String summary;

    private String situation;

    private String goals;

    private String approach;

    private String area;

    private String forces;

    private String resources;

    private String outputs;

    private String sustainability;

    private Long version;

    static ModelForm of(ModelView m) {
        ModelForm f = new ModelForm();
        f.title = m.title();
        f.field = m.field();
        f.unitCode = m.unitCode();
        f.level = m.level();
        f.year = m.year();
        f.holderType = m.holderType();
        f.holderName = m.holderName();
        f.origin = m.origin();
        f.replicatedFromId = m.replicatedFromId();
        f.summary = m.summary();
        Dossier d = m.dossier();
        f.situation = d.situation();
        f.goals = d.goals();
        f.approach = d.approach();
        f.area = d.area();
        f.forces = d.forces();
        f.resources = d.resources();
        f.outputs = d.outputs();
        f.sustainability = d.sustainability();
        f.version = m.version();
        return f;
    }

    ModelRegistration toRegistration() {
        // the page always sends every section: an empty one is cleared, not kept
        return new ModelRegistration(
                title,
                field,
                unitCode,
                level,
                year,
                holderType,
                holderName,
                origin,
                replicatedFromId,
                summary,
                sent(situation),
                sent(goals),
                sent(approach),
                sent(area),
                sent(forces),
                sent(resources),
                sent(outputs),
                sent(sustainability),
                version);
    }

    private static String sent(String section) {
        return section == null ? "" : section;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Field getField() {
        return field;
    }

    public void setField(Field field) {
        this.field = field;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public Level getLevel() {
        return level;
    }

    public void setLevel(Level level) {
        this.level = level;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public HolderType getHolderType() {
        return holderType;
    }

    public void setHolderType(HolderType holderType) {
        this.holderType = holderType;
    }

    public String getHolderName() {
        return holderName;
    }

    public void setHolderName(String holderName) {
        this.holderName = holderName;
    }

    public Origin getOrigin() {
        return origin;
    }

    public void setOrigin(Origin origin) {
        this.origin = origin;
    }

    public Long getReplicatedFromId() {
        return replicatedFromId;
    }

    public void setReplicatedFromId(Long replicatedFromId) {
        this.replicatedFromId = replicatedFromId;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getSituation() {
        return situation;
    }

    public void setSituation(String situation) {
        this.situation = situation;
    }

    public String getGoals() {
        return goals;
    }

    public void setGoals(String goals) {
        this.goals = goals;
    }

    public String getApproach() {
        return approach;
    }

    public void setApproach(String approach) {
        this.approach = approach;
    }

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area;
    }

    public String getForces() {
        return forces;
    }

    public void setForces(String forces) {
        this.forces = forces;
    }

    public String getResources() {
        return resources;
    }

    public void setResources(String resources) {
        this.resources = resources;
    }

    public String getOutputs() {
        return outputs;
    }

    public void setOutputs(String outputs) {
        this.outputs = outputs;
    }

    public String getSustainability() {
        return sustainability;
    }

    public void setSustainability(String sustainability) {
        this.sustainability = sustainability;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
