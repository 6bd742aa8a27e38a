package vn.dvk.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Role;

/** The principal of a signed-in request, for pages (kept in the session) and for the API (per token). */
public record CurrentUser(
        Long userId,
        String username,
        String fullName,
        Long unitId,
        String unitCode,
        String unitName,
        String unitPath,
        Level unitLevel,
        Set<Role> roles)
        implements Actor, AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The principal name Spring Security and Spring Session index sessions by: the username. */
    @Override
    public String getName() {
        return username;
    }
}
