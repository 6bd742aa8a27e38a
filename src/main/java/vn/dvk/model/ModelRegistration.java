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
 */
public record ModelRegistration(
        @NotBlank(message = "{validation.required}")
        @Size(max = 500, message = "{validation.maxLength}")
        String title,
        @NotNull(message = "{validation.required}")
        Field field,
        @NotBlank(message = "{validation.required}")
        @Size(max = 32, message = "{validation.maxLength}")
        String unitCode,
        @NotNull(message = "{validation.required}")
        Level level,
        @NotNull(message = "{validation.required}")
        @Min(value = 2009, message = "{model.year.range}")
        @Max(value = 2100, message = "{model.year.range}")
        Integer year,
        @NotNull(message = "{validation.required}")
        HolderType holderType,
        @NotBlank(message = "{validation.required}")
        @Size(max = 255, message = "{validation.maxLength}")
        String holderName,
        @NotNull(message = "{validation.required}")
        Origin origin,
        Long replicatedFromId,
        @Size(max = 20000, message = "{validation.maxLength}")
        String summary,
        Long version) {
}
