package vn.dvk.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Form sign-in through {@link Accounts#authenticate}, so that pages and API share one throttle. */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final Accounts accounts;

    AccountAuthenticationProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Object credentials = authentication.getCredentials();
        CurrentUser user = accounts.authenticate(
                authentication.getName(),
                credentials == null ? null : credentials.toString(),
                address,
                Accounts.Channel.PAGE);
        return authenticated(user);
    }

    /** The authentication of a signed-in user, whichever way they signed in: the principal and its roles. */
    static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(
                user,
                null,
                user.roles().stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
