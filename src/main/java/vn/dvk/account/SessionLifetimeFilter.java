package vn.dvk.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute lifetime of a signed-in page session ({@code dvk.session.absolute-timeout}, 8 hours by default), on
 * top of the idle timeout: the time of sign-in is kept in the session, and past the limit the session is ended,
 * however active it was. A page request is then sent to the sign-in page with a message ({@code /login?expired});
 * a request that asks for JSON (or comes from htmx, with {@code HX-Redirect} to that page) gets a 401 problem.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    /** Session attribute: epoch milliseconds of the sign-in. */
    static final String SIGNED_IN_AT = "dvk.signedInAt";

    private static final Logger log = LoggerFactory.getLogger(SessionLifetimeFilter.class);

    private final Clock clock;
    private final Duration limit;
    private final ProblemWriter problems;

    interface ProblemWriter {
        void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    SessionLifetimeFilter(Clock clock, Duration limit, ProblemWriter problems) {
        this.clock = clock;
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null
                && auth != null
                && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken)) {
            long now = clock.millis();
            Object at = session.getAttribute(SIGNED_IN_AT);
            if (!(at instanceof Long started)) {
                session.setAttribute(SIGNED_IN_AT, now);
            } else if (now - started >= limit.toMillis()) {
                log.info(
                        "Session of user {} ended: signed in {} minutes ago, the limit is {} minutes",
                        Accounts.logName(auth),
                        (now - started) / 60_000,
                        limit.toMinutes());
                session.invalidate();
                SecurityContextHolder.clearContext();
                if (wantsJson(request)) {
                    if (request.getHeader("HX-Request") != null) {
                        // htmx follows this header even on an error status: the whole page goes to the sign-in
                        response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
                    }
                    problems.unauthorized(request, response);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("HX-Request") != null
                || (accept != null && accept.contains("json") && !accept.contains("text/html"));
    }
}
