package vn.dvk.support;

import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dvk.account.Accounts;
import vn.dvk.account.CurrentUser;
import vn.dvk.shared.Level;
import vn.dvk.shared.Role;

/**
 * The signed-in user of a {@link PageSlice}: a {@link CurrentUser}, the principal the application's sign-in makes, of
 * the province {@code BTR} (id 7, path {@code /1/7/}), with the given roles and their {@code ROLE_} authorities.
 */
public final class SliceUser {

    public static final String TOKEN = "slice-token";

    private SliceUser() {}

    /** A user of the province with these roles. */
    public static CurrentUser of(Role... roles) {
        return new CurrentUser(
                42L, "slice", "Nguyễn Thị Lát", 7L, "BTR", "Tỉnh Bến Tre", "/1/7/", Level.PROVINCE, Set.of(roles));
    }

    /** A page request signed in as {@code user}, as the sign-in form leaves it in the session. */
    public static RequestPostProcessor signedIn(CurrentUser user) {
        return SecurityMockMvcRequestPostProcessors.authentication(UsernamePasswordAuthenticationToken.authenticated(
                user,
                null,
                user.roles().stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList()));
    }

    /**
     * Makes the mocked {@code accounts} know {@link #TOKEN} as {@code user}'s API token, so that an API request with
     * {@code Authorization: Bearer slice-token} is signed in by the application's own bearer filter.
     */
    public static String bearer(Accounts accounts, CurrentUser user) {
        when(accounts.byToken(TOKEN)).thenReturn(Optional.of(user));
        return "Bearer " + TOKEN;
    }
}
