package vn.dvk.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import vn.dvk.shared.Role;

/** A user to create in a unit of the admin's subtree. */
public record NewUser(
        @NotBlank(message = "{validation.required}")
        @Size(min = 3, max = 64, message = "{validation.length}")
        @Pattern(regexp = "^[A-Za-z0-9._-]*$", message = "{user.username.pattern}")
        String username,
        @NotBlank(message = "{validation.required}")
        @Size(min = 12, max = 128, message = "{user.password.length}")
        String password,
        @NotBlank(message = "{validation.required}")
        @Size(max = 255, message = "{validation.maxLength}")
        String fullName,
        @NotBlank(message = "{validation.required}")
        @Size(max = 32, message = "{validation.maxLength}")
        String unitCode,
        @NotEmpty(message = "{user.roles.required}")
        Set<Role> roles) {
}
