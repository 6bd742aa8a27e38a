package vn.dvk.account;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused: bad credentials, or too many recent failures (then {@code retryAfterSeconds} &gt; 0). */
class SignInRefused extends AuthenticationException {

    private final long retryAfterSeconds;

    SignInRefused(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    boolean throttled() {
        return retryAfterSeconds > 0;
    }
}
