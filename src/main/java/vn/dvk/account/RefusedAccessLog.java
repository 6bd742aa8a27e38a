package vn.dvk.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs every request answered 401 or 403, on the API and on the pages, in one line:
 * {@code Access refused: status=403 method=POST path=/api/v1/… user=#17 from=…} ({@code user=anonymous} without a
 * signed-in user; never a username: a refused sign-in's own line says whether the name was known, and the request id
 * joins the two lines). Every value that comes from the client is passed through {@link Accounts#safe} (control
 * characters, CR and LF among them, become {@code _}; at most 64 characters), so it cannot forge log lines.
 * Sits right after the security context is set up in every filter chain, so it sees who the caller was. Each
 * refusal also counts in {@code dvk.access.refused}, by status and by chain ({@code api}, {@code pages},
 * {@code actuator}).
 */
class RefusedAccessLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusedAccessLog.class);

    private final Counter unauthorized;
    private final Counter forbidden;

    RefusedAccessLog(MeterRegistry meters, String chain) {
        this.unauthorized = refused(meters, chain, 401);
        this.forbidden = refused(meters, chain, 403);
    }

    private static Counter refused(MeterRegistry meters, String chain, int status) {
        return Counter.builder("dvk.access.refused")
                .description("Requests answered 401 or 403")
                .tag("chain", chain)
                .tag("status", String.valueOf(status))
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status == 401 || status == 403) {
                (status == 401 ? unauthorized : forbidden).increment();
                log.warn(
                        "Access refused: status={} method={} path={} user={} from={}",
                        status,
                        Accounts.safe(request.getMethod()),
                        safePath(request.getRequestURI()),
                        Accounts.logName(SecurityContextHolder.getContext().getAuthentication()),
                        Accounts.safe(request.getRemoteAddr()));
            }
        }
    }

    private static String safePath(String path) {
        if (path == null) {
            return "";
        }
        String cleaned = path.replaceAll("[\\p{Cntrl}]", "_");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }
}
