package vn.dvk.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.dvk.shared.Level;

/** A unit to create under an existing parent. */
public record NewUnit(
        @NotBlank(message = "{validation.required}")
        @Size(max = 32, message = "{validation.maxLength}")
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]*$", message = "{unit.code.pattern}")
        String code,

        @NotBlank(message = "{validation.required}") @Size(max = 255, message = "{validation.maxLength}")
        String name,

        @NotNull(message = "{validation.required}") Level level,
        @NotNull(message = "{validation.required}") UnitKind kind,
        @Size(max = 32, message = "{validation.maxLength}") String parentCode) {}
