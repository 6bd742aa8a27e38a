package vn.dvk.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vn.dvk.shared.Limits;

/**
 * The registration dossier of a model: the eight sections of {@link DossierSection}, each a text of at most
 * {@link #MAX_LENGTH} characters or null. Complete when every section holds more than white space.
 */
public record Dossier(
        String situation,
        String goals,
        String approach,
        String area,
        String forces,
        String resources,
        String outputs,
        String sustainability) {

    /** The longest text a section may hold. */
    public static final int MAX_LENGTH = Limits.TEXT;

    /** A dossier with no section written. */
    public static final Dossier EMPTY = new Dossier(null, null, null, null, null, null, null, null);

    /** True when every section is written: {@code dossierComplete} in a model's JSON. */
    @JsonProperty("dossierComplete")
    public boolean complete() {
        return missing().isEmpty();
    }

    /** The sections written, in the form's order (what the public page of a model shows). */
    @JsonIgnore
    public List<DossierSection> written() {
        return Arrays.stream(DossierSection.values())
                .filter(s -> !blank(s.of(this)))
                .toList();
    }

    /** The sections not written yet, in the form's order. */
    @JsonIgnore
    public List<DossierSection> missing() {
        return Arrays.stream(DossierSection.values())
                .filter(s -> blank(s.of(this)))
                .toList();
    }

    /**
     * This dossier sent in a {@code PUT}, over the one the model holds: a section left out (null) keeps its text,
     * a blank one is cleared, any other replaces it.
     */
    Dossier over(Dossier current) {
        return new Dossier(
                pick(situation, current.situation),
                pick(goals, current.goals),
                pick(approach, current.approach),
                pick(area, current.area),
                pick(forces, current.forces),
                pick(resources, current.resources),
                pick(outputs, current.outputs),
                pick(sustainability, current.sustainability));
    }

    /** The sections whose text differs from {@code other}'s. */
    List<DossierSection> changedFrom(Dossier other) {
        return Arrays.stream(DossierSection.values())
                .filter(s -> !Objects.equals(s.of(this), s.of(other)))
                .toList();
    }

    private static String pick(String sent, String kept) {
        if (sent == null) {
            return kept;
        }
        return blank(sent) ? null : sent;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
