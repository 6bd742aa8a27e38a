package vn.dvk.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import vn.dvk.shared.Level;

/**
 * A campaign as {@code POST /api/v1/campaigns} and {@code PUT /api/v1/campaigns/{id}} take it (the PUT also with the
 * {@code version} last read; its {@code unitCode} must stay the campaign's); the pages check their
 * {@link CampaignForm} as this record.
 */
record CampaignRequest(
        @NotBlank(message = "{validation.required}") @Size(max = 32, message = "{validation.maxLength}")
        String unitCode,

        @NotNull(message = "{validation.required}")
        @Min(value = 2009, message = "{model.year.range}")
        @Max(value = 2100, message = "{model.year.range}")
        Integer year,

        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.maxLength}")
        String title,

        @Size(max = 64, message = "{validation.maxLength}") String documentNumber,
        LocalDate documentDate,
        @NotNull(message = "{validation.required}") LocalDate registrationOpens,
        @NotNull(message = "{validation.required}") LocalDate registrationCloses,
        @NotEmpty(message = "{validation.required}") Set<Level> levels,
        Boolean requireDossier,
        Long version) {}
