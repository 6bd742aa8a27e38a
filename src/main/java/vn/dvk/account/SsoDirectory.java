package vn.dvk.account;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the DVK user a provider's claim names ({@code dvk.sso.match-claim}); never creates one. Called inside the
 * transaction of {@link Accounts#signInVia}.
 */
@FunctionalInterface
interface SsoDirectory {

    /** The user the claim's value names, if any (enabled or not: the caller refuses a disabled one). */
    Optional<User> find(String claimValue);

    /** The lookup for a claim: by username, or by e-mail address. */
    static SsoDirectory of(SsoSettings.MatchClaim claim, Users users) {
        return switch (claim) {
            case PREFERRED_USERNAME -> value -> users.findByUsername(value.strip());
            case EMAIL -> new ByEmail();
        };
    }

    /**
     * By e-mail address: users have no e-mail address yet (the {@code users.email} column comes with the notices
     * work), so no one is found; to be completed with a case-insensitive lookup on that column.
     */
    final class ByEmail implements SsoDirectory {

        private static final Logger log = LoggerFactory.getLogger(ByEmail.class);

        ByEmail() {
            log.warn("dvk.sso.match-claim=email: DVK users have no e-mail address yet; every single sign-on is refused");
        }

        @Override
        public Optional<User> find(String claimValue) {
            return Optional.empty();
        }
    }
}
