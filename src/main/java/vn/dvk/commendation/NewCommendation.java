package vn.dvk.commendation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import vn.dvk.model.HolderType;
import vn.dvk.shared.Limits;

/** The body of {@code POST /api/v1/commendations}. */
public record NewCommendation(
        @NotNull(message = "{validation.required}") CommendationForm form,
        @NotNull(message = "{validation.required}") HolderType recipientType,

        @NotBlank(message = "{validation.required}") @Size(max = 255, message = "{validation.maxLength}")
        String recipientName,

        @NotBlank(message = "{validation.required}") @Size(max = 32, message = "{validation.maxLength}")
        String unitCode,

        @NotBlank(message = "{validation.required}") @Size(max = 32, message = "{validation.maxLength}")
        String issuerUnitCode,

        @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.maxLength}")
        String decisionNumber,

        @NotNull(message = "{validation.required}") LocalDate decisionDate,

        @Size(max = Limits.TEXT, message = "{validation.maxLength}")
        String reason,

        @Size(max = 200, message = "{validation.maxItems}") Set<Long> modelIds) {}
