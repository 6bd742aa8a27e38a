package vn.dvk.account;

import org.springframework.security.core.AuthenticationException;

/**
 * A single sign-on the provider accepted but DVK refuses: the account names no DVK user, or a disabled one.
 * {@code account} is the value of the matching claim, for the page that explains it.
 */
class SsoRefused extends AuthenticationException {

    private final String account;
    private final boolean disabled;

    SsoRefused(String account, boolean disabled) {
        super(disabled ? "disabled user" : "no such user");
        this.account = account;
        this.disabled = disabled;
    }

    String account() {
        return account;
    }

    boolean disabled() {
        return disabled;
    }
}
