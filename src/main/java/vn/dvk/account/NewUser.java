package vn.dvk.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import vn.dvk.shared.Role;

/**
 * A user to create in a unit of the admin's subtree; {@code email} is optional (where notices are e-mailed), one address
 * without spaces or line breaks.
 */
public record NewUser(
        @NotBlank(message = "{validation.required}")
        @Size(min = 3, max = 64, message = "{validation.length}")
        @Pattern(regexp = "^[A-Za-z0-9._-]*$", message = "{user.username.pattern}")
        String username,

        @NotBlank(message = "{validation.required}") @Size(min = 12, max = 128, message = "{user.password.length}")
        String password,

        @NotBlank(message = "{validation.required}") @Size(max = 255, message = "{validation.maxLength}")
        String fullName,

        @NotBlank(message = "{validation.required}") @Size(max = 32, message = "{validation.maxLength}")
        String unitCode,

        @NotEmpty(message = "{user.roles.required}") Set<Role> roles,

        @Size(max = EMAIL_MAX, message = "{validation.maxLength}")
        @Pattern(regexp = EMAIL_PATTERN, message = "{user.email.invalid}")
        String email) {

    /** The longest address SMTP carries (RFC 5321: a 254-character path). */
    public static final int EMAIL_MAX = 254;
    /**
     * One address: a local part and a domain with a dot, no spaces, no control characters (so no CR or LF that could
     * add a header to a message), no second {@code @}; blank means none.
     */
    public static final String EMAIL_PATTERN =
            "^$|^[^\\s@\\p{Cntrl}\\u2028\\u2029<>,;\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$";

    /** A user without an e-mail address. */
    public NewUser(String username, String password, String fullName, String unitCode, Set<Role> roles) {
        this(username, password, fullName, unitCode, roles, null);
    }
}
