package vn.dvk.unit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.dvk.shared.Level;
import vn.dvk.shared.Limits;

/**
 * The body of {@code POST /api/v1/reorganizations}: {@code to} names an existing unit by its code alone, or
 * describes a new one in full.
 */
public record ReorganizationRequest(
        @NotNull(message = "{validation.required}") ReorganizationType type,
        @NotNull(message = "{validation.required}") LocalDate effectiveDate,

        @NotEmpty(message = "{validation.required}") @Size(max = 200, message = "{validation.maxItems}")
        List<@NotNull @Size(max = 32) String> from,

        @NotEmpty(message = "{validation.required}") @Size(max = 50, message = "{validation.maxItems}")
        List<@Valid Target> to,

        @Size(max = Limits.TEXT, message = "{validation.maxLength}")
        String note) {

    /** A unit on the receiving side. */
    public record Target(
            @NotNull(message = "{validation.required}")
            @Size(min = 1, max = 32, message = "{validation.length}")
            @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]*$", message = "{unit.code.pattern}")
            String code,

            @Size(max = 255, message = "{validation.maxLength}")
            String name,

            Level level,
            UnitKind kind,

            @Size(max = 32, message = "{validation.maxLength}")
            String parentCode) {

        boolean describesNewUnit() {
            return name != null || level != null || kind != null || parentCode != null;
        }
    }
}
