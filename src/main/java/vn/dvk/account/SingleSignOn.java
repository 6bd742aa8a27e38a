package vn.dvk.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.client.ResourceAccessException;

/**
 * Single sign-on with OpenID Connect, beside the local passwords, when {@code spring.security.oauth2.client.*} names
 * at least one provider. The provider vouches for an account; DVK finds the user that account names
 * ({@link SsoDirectory}), never creates one, refuses a disabled one, and signs in that user exactly as the sign-in
 * form does: the same principal ({@link CurrentUser}) with DVK's own roles and unit, in the same session. DVK keeps
 * no token of the provider.
 */
class SingleSignOn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Where the pages that explain a refused or failed single sign-on are forwarded. */
    static final String PAGES = "/login/sso/*";

    static final String REFUSED = "/login/sso/refused";
    static final String UNAVAILABLE = "/login/sso/unavailable";
    static final String FAILED = "/login/sso/failed";
    /** Request attributes of those pages: the account named, and whether the user is disabled. */
    static final String ACCOUNT = "ssoAccount";

    static final String DISABLED = "ssoDisabled";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);
    private static final Set<String> UNREACHABLE =
            Set.of(ProviderRegistrations.UNREACHABLE, "invalid_token_response", "invalid_user_info_response");

    private final ProviderRegistrations registrations;
    private final Accounts accounts;
    private final SsoDirectory directory;
    private final SsoSettings settings;
    private final SignInHandlers signIn;
    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SingleSignOn(
            ProviderRegistrations registrations,
            Accounts accounts,
            SsoDirectory directory,
            SsoSettings settings,
            SignInHandlers signIn,
            SecurityContextRepository contexts) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.directory = directory;
        this.settings = settings;
        this.signIn = signIn;
        this.contexts = contexts;
    }

    /** The providers the sign-in page offers. */
    List<ProviderRegistrations.Provider> providers() {
        return registrations.providers();
    }

    /**
     * Adds the OpenID sign-in to the pages' chain: {@code /oauth2/authorization/{id}} sends the person to the provider,
     * {@code /login/oauth2/code/{id}} takes the answer. Only the ID token is checked there (with its own
     * authentication manager, apart from the password one); who signs in is decided here.
     */
    void configure(HttpSecurity http) {
        OidcAuthorizationCodeAuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());
        http.oauth2Login(o -> o.loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(NOTHING_KEPT)
                .successHandler(this)
                .failureHandler(this)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                    @Override
                    public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(new ProviderManager(oidc));
                        return filter;
                    }
                })
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // by default a provider whose discovery fails answers 500
                        filter.setAuthenticationFailureHandler(SingleSignOn.this);
                        return filter;
                    }
                }));
    }

    /** The provider vouched for an account: sign in the DVK user it names, or explain why not. */
    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        OAuth2AuthenticationToken vouched = (OAuth2AuthenticationToken) authentication;
        String provider = vouched.getAuthorizedClientRegistrationId();
        Object claim = vouched.getPrincipal().getAttribute(settings.matchClaim().claim());
        String account = claim == null ? null : claim.toString();
        CurrentUser user;
        try {
            user = accounts.signInVia(provider, directory, account, request.getRemoteAddr());
        } catch (SsoRefused refused) {
            holder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            request.setAttribute(ACCOUNT, refused.account() == null ? "" : refused.account());
            request.setAttribute(DISABLED, refused.disabled());
            request.getRequestDispatcher(REFUSED).forward(request, response);
            return;
        }
        UsernamePasswordAuthenticationToken signedIn = AccountAuthenticationProvider.authenticated(user);
        signedIn.setDetails(vouched.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        signIn.onAuthenticationSuccess(request, response, signedIn);
    }

    /**
     * The provider could not be asked (its discovery document, token or user-info endpoint did not answer): 503; any
     * other failure (the person cancelled at the provider, a stale or forged answer): 401. Both pages offer the
     * sign-in form again.
     */
    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        boolean unreachable = unreachable(exception);
        log.warn(
                "Single sign-on failed{}: {}",
                unreachable ? " (provider unreachable)" : "",
                Accounts.safe(exception.getMessage()));
        request.getRequestDispatcher(unreachable ? UNAVAILABLE : FAILED).forward(request, response);
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException
                    || t instanceof ResourceAccessException
                    || t instanceof OAuth2AuthenticationException o
                            && UNREACHABLE.contains(o.getError().getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /** DVK does not use the provider's tokens after the sign-in, so it keeps none. */
    private static final OAuth2AuthorizedClientRepository NOTHING_KEPT = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String id, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient client,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {
            // nothing kept
        }

        @Override
        public void removeAuthorizedClient(
                String id, Authentication principal, HttpServletRequest request, HttpServletResponse response) {
            // nothing kept
        }
    };
}
