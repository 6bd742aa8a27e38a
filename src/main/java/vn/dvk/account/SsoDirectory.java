package vn.dvk.account;

import java.util.List;
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
            case EMAIL -> new ByEmail(users);
        };
    }

    /**
     * By e-mail address, ignoring case: the one user holding that address. No address, or an address that several
     * users share (e-mail addresses are not unique in DVK), names no one, so that a person is never signed in as
     * somebody else; the administrator then gives each person an address of their own.
     */
    final class ByEmail implements SsoDirectory {

        private static final Logger log = LoggerFactory.getLogger(ByEmail.class);

        private final Users users;

        ByEmail(Users users) {
            this.users = users;
        }

        @Override
        public Optional<User> find(String claimValue) {
            if (claimValue == null || claimValue.isBlank()) {
                return Optional.empty();
            }
            List<User> found = users.findByEmailIgnoreCase(claimValue.strip());
            if (found.size() > 1) {
                log.warn(
                        "single sign-on refused: {} DVK users share the e-mail address the provider named",
                        found.size());
                return Optional.empty();
            }
            return found.stream().findFirst();
        }
    }
}
