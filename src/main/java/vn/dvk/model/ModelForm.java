package vn.dvk.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.dvk.shared.Level;

/** The registration form of the pages; the same rules as the API's {@link ModelRegistration}. */
public class ModelForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 500, message = "{validation.maxLength}")
    private String title;
    @NotNull(message = "{validation.required}")
    private Field field;
    @NotBlank(message = "{validation.required}")
    @Size(max = 32, message = "{validation.maxLength}")
    private String unitCode;
    @NotNull(message = "{validation.required}")
    private Level level;
    @NotNull(message = "{validation.required}")
    @Min(value = 2009, message = "{model.year.range}")
    @Max(value = 2100, message = "{model.year.range}")
    private Integer year;
    @NotNull(message = "{validation.required}")
    private HolderType holderType = HolderType.COLLECTIVE;
    @NotBlank(message = "{validation.required}")
    @Size(max = 255, message = "{validation.maxLength}")
    private String holderName;
    @NotNull(message = "{validation.required}")
    private Origin origin = Origin.NEW;
    private Long replicatedFromId;
    @Size(max = 20000, message = "{validation.maxLength}")
    private String summary;
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
        f.version = m.version();
        return f;
    }

    ModelRegistration toRegistration() {
        return new ModelRegistration(title, field, unitCode, level, year, holderType, holderName, origin,
                replicatedFromId, summary, version);
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Field getField() { return field; }
    public void setField(Field field) { this.field = field; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
    public Level getLevel() { return level; }
    public void setLevel(Level level) { this.level = level; }
    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public HolderType getHolderType() { return holderType; }
    public void setHolderType(HolderType holderType) { this.holderType = holderType; }
    public String getHolderName() { return holderName; }
    public void setHolderName(String holderName) { this.holderName = holderName; }
    public Origin getOrigin() { return origin; }
    public void setOrigin(Origin origin) { this.origin = origin; }
    public Long getReplicatedFromId() { return replicatedFromId; }
    public void setReplicatedFromId(Long replicatedFromId) { this.replicatedFromId = replicatedFromId; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
