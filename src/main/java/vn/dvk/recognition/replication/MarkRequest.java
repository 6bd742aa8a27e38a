package vn.dvk.recognition.replication;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.dvk.shared.Level;
import vn.dvk.shared.Limits;

/** The API's and the page's request: a mark for replication at a level in a year. */
record MarkRequest(
        @NotNull(message = "{validation.required}") Level level,

        @NotNull(message = "{validation.required}")
        @Min(value = 2009, message = "{model.year.range}")
        @Max(value = 2100, message = "{model.year.range}")
        Integer year,

        @NotBlank(message = "{validation.required}") @Size(max = Limits.TEXT, message = "{validation.maxLength}")
        String reason) {}
