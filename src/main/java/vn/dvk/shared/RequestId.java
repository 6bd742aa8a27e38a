package vn.dvk.shared;

import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

/**
 * One id per HTTP request, to find a request's log lines and to quote in a support call: the client's
 * {@code X-Request-Id} when it is a plain token (1 to 64 of {@code A-Z a-z 0-9 . _ -}), a new random one otherwise. While
 * the request runs it is in the logging context (MDC) as {@code requestId}, so every log line of the request carries it;
 * the answer echoes it in the {@code X-Request-Id} header and, for a problem detail, in its {@code requestId} member.
 */
public final class RequestId {

    /** The header that brings and returns the id. */
    public static final String HEADER = "X-Request-Id";
    /** The key of the id in the MDC, a field of its own in JSON logs, and the member of problem details. */
    public static final String KEY = "requestId";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestId() {}

    /** The id of the request this thread serves; null outside a request. */
    public static String current() {
        return MDC.get(KEY);
    }

    /** The problem detail with the current request's id as its {@code requestId} member (unchanged outside a request). */
    public static ProblemDetail addTo(ProblemDetail problem) {
        String id = current();
        if (id != null) {
            problem.setProperty(KEY, id);
        }
        return problem;
    }

    /** The client's id when it is a plain token, else a new one: never a value that could forge a log line. */
    public static String accept(String incoming) {
        return incoming != null && PLAIN.matcher(incoming).matches() ? incoming : RandomIds.uuid();
    }
}
