package vn.dvk.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * After a form sign-in: go where the user was going; after a failure, back to the form with the username kept (a
 * flash attribute, never in the address); after too many failures, 429 with Retry-After. At sign-out, the audit
 * trail notes it.
 */
@Component
class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler
        implements AuthenticationFailureHandler, LogoutHandler {

    /** The username typed, kept for the form after a failure (at most as long as the form's field allows). */
    static final String USERNAME = "username";

    private final Clock clock;
    private final Accounts accounts;
    private final SessionFlashMapManager flash = new SessionFlashMapManager();

    SignInHandlers(Clock clock, Accounts accounts) {
        this.clock = clock;
        this.accounts = accounts;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        request.getSession().setAttribute(SessionLifetimeFilter.SIGNED_IN_AT, clock.millis());
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String username = typed(request);
        if (exception instanceof SignInRefused refused && refused.throttled()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
            request.setAttribute("retryAfter", refused.retryAfterSeconds());
            request.setAttribute(USERNAME, username);
            request.getRequestDispatcher("/login/locked").forward(request, response);
            return;
        }
        if (username != null) {
            FlashMap kept = new FlashMap();
            kept.put(USERNAME, username);
            kept.setTargetRequestPath(request.getContextPath() + "/login");
            flash.saveOutputFlashMap(kept, request, response);
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            accounts.signedOut(user, Accounts.Channel.PAGE, request.getRemoteAddr());
        }
    }

    private static String typed(HttpServletRequest request) {
        String username = request.getParameter(USERNAME);
        if (username == null || username.isBlank()) {
            return null;
        }
        username = username.strip();
        return username.length() > 64 ? username.substring(0, 64) : username;
    }
}
