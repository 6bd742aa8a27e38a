package vn.dvk.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.dvk.shared.Level;

/**
 * What a registration holds: the body of {@code POST /api/v1/models}, and of {@code PUT /api/v1/models/{id}}
 * where {@code version} (the version last read) is required; a {@code version} sent with a POST is ignored.
 * The eight dossier sections ({@link DossierSection}) are optional; on a {@code PUT}, a section left out keeps
 * its text and a blank one clears it ({@link Dossier}).
 */
public record ModelRegistration(
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.maxLength}")
        String title,

        @NotNull(message = "{validation.required}") Field field,

        @NotBlank(message = "{validation.required}") @Size(max = 32, message = "{validation.maxLength}")
        String unitCode,

        @NotNull(message = "{validation.required}") Level level,

        @NotNull(message = "{validation.required}")
        @Min(value = 2009, message = "{model.year.range}")
        @Max(value = 2100, message = "{model.year.range}")
        Integer year,

        @NotNull(message = "{validation.required}") HolderType holderType,

        @NotBlank(message = "{validation.required}") @Size(max = 255, message = "{validation.maxLength}")
        String holderName,

        @NotNull(message = "{validation.required}") Origin origin,
        Long replicatedFromId,

        @Size(max = 20000, message = "{validation.maxLength}")
        String summary,

        @Size(max = Dossier.MAX_LENGTH, message = "{validation.maxLength}")
        String situation,

        @Size(max = Dossier.MAX_LENGTH, message = "{validation.maxLength}")
        String goals,

        @Size(max = Dossier.MAX_LENGTH, message = "{validation.maxLength}")
        String approach,

        @Size(max = Dossier.MAX_LENGTH, message = "{validation.maxLength}")
        String area,

        @Size(max = Dossier.MAX_LENGTH, message = "{validation.maxLength}")
        String forces,

        @Size(max = Dossier.MAX_LENGTH, message = "{validation.maxLength}")
        String resources,

        @Size(max = Dossier.MAX_LENGTH, message = "{validation.maxLength}")
        String outputs,

        @Size(max = Dossier.MAX_LENGTH, message = "{validation.maxLength}")
        String sustainability,

        Long version) {

    /** A registration without dossier sections (on an edit: the sections stay as they are). */
    public ModelRegistration(
            String title,
            Field field,
            String unitCode,
            Level level,
            Integer year,
            HolderType holderType,
            String holderName,
            Origin origin,
            Long replicatedFromId,
            String summary,
            Long version) {
        this(
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
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                version);
    }

    /** The dossier sections sent, null where left out. */
    public Dossier dossier() {
        return new Dossier(situation, goals, approach, area, forces, resources, outputs, sustainability);
    }
}
