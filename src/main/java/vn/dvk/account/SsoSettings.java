package vn.dvk.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on ({@code dvk.sso.*}); the providers themselves are Spring's {@code spring.security.oauth2.client.*}.
 *
 * @param matchClaim the claim of the provider's ID token that names the DVK user: {@code preferred_username} (the
 *                   default: the DVK username) or {@code email}
 */
@ConfigurationProperties("dvk.sso")
record SsoSettings(@DefaultValue("preferred_username") MatchClaim matchClaim) {

    /** Which claim of the provider names the DVK user. */
    enum MatchClaim {
        /** {@code preferred_username}: the DVK username. */
        PREFERRED_USERNAME("preferred_username"),
        /** {@code email}: the user's e-mail address. */
        EMAIL("email");

        private final String claim;

        MatchClaim(String claim) {
            this.claim = claim;
        }

        String claim() {
            return claim;
        }
    }
}
