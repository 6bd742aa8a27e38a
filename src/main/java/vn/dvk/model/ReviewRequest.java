package vn.dvk.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.dvk.shared.Limits;

/** The API's and the page's request: an annual review. */
record ReviewRequest(
        @NotNull(message = "{validation.required}")
        @Min(value = 2009, message = "{model.year.range}")
        @Max(value = 2100, message = "{model.year.range}")
        Integer year,

        @NotNull(message = "{validation.required}") ReviewOutcome outcome,

        @Size(max = Limits.TEXT, message = "{validation.maxLength}")
        String comment) {}
