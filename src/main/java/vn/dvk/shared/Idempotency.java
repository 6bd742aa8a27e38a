package vn.dvk.shared;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** What a module may tell the {@code Idempotency-Key} handling about the answer of the current request. */
public final class Idempotency {

    /** The request attribute the idempotency filter ({@code vn.dvk.web.IdempotencyFilter}) reads. */
    public static final String SECRETS = "dvk.idempotency.secrets";

    private Idempotency() {}

    /**
     * The current answer holds secrets shown once (the initial passwords of imported users): it is never stored, and a
     * retry with the same key and body gets a 409 saying so instead of the answer again — nothing is done twice.
     */
    public static void answerHoldsSecrets() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SECRETS, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
