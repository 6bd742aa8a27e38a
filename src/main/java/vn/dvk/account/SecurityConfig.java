package vn.dvk.account;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.shared.RequestId;
import vn.dvk.shared.Role;

/**
 * Three filter chains: the stateless API with bearer tokens, the actuator (health, metrics) the same way, and the pages
 * with form sign-in and sessions (and single sign-on when a provider is configured: {@link SingleSignOn}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    LoginLimits.class,
    SessionProperties.class,
    ScrapeProperties.class,
    PasswordHashing.class
})
class SecurityConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Argon2id at the cost of {@link PasswordHashing} ({@code dvk.security.password-hash.*}). */
    @Bean
    PasswordEncoder passwordEncoder(PasswordHashing hashing) {
        if (hashing.belowDefaults()) {
            LOG.warn(
                    "Passwords are hashed below the default cost (dvk.security.password-hash: {} KiB, {} passes,"
                            + " {} lanes; default {} KiB, {} passes): fit for tests, not for production",
                    hashing.memoryKib(),
                    hashing.iterations(),
                    hashing.parallelism(),
                    PasswordHashing.DEFAULTS.memoryKib(),
                    PasswordHashing.DEFAULTS.iterations());
        }
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("argon2", hashing.encoder());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    /**
     * No observations of the security filters, authentications and authorizations: each filter of a chain was timed
     * as a Micrometer observation of its own, 6% of the application's CPU under load (docs/PERFORMANCE.md, fifteenth
     * round) for metrics nobody reads. A request stays timed as a whole ({@code http_server_requests_seconds}), refused
     * access and sign-ins are counted by DVK's own metrics.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /** Where the pages' chain keeps the signed-in person: the session (and the request, for the rest of it). */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            Accounts accounts,
            JsonMapper json,
            MessageSource messages,
            MeterRegistry meters,
            @Lazy LocaleResolver locales)
            throws Exception {
        bearerOnly(http.securityMatcher("/api/**"), "api", accounts, json, messages, meters, locales)
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                        .permitAll()
                        .requestMatchers("/api/v1/public/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /**
     * The actuator, with bearer tokens like the API: health and its probes answer anyone (with the status only, unless
     * the caller is an administrator or the scraper: {@code management.endpoint.health.roles}); the rest (the
     * Prometheus scrape) answers administrators and the scraper ({@link ScrapeTokenFilter}) only: 401 without a valid
     * token, 403 for other roles.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(
            HttpSecurity http,
            Accounts accounts,
            JsonMapper json,
            MessageSource messages,
            MeterRegistry meters,
            ScrapeProperties scrape,
            @Lazy LocaleResolver locales)
            throws Exception {
        bearerOnly(http.securityMatcher("/actuator/**"), "actuator", accounts, json, messages, meters, locales)
                .addFilterBefore(new ScrapeTokenFilter(scrape), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyAuthority("ROLE_" + Role.ADMIN.name(), ScrapeTokenFilter.ROLE)
                        .anyRequest()
                        .hasRole(Role.ADMIN.name()));
        return http.build();
    }

    /** Stateless, no CSRF (no cookie is read), a bearer token or anonymous, refusals as problem details. */
    private static HttpSecurity bearerOnly(
            HttpSecurity http,
            String chain,
            Accounts accounts,
            JsonMapper json,
            MessageSource messages,
            MeterRegistry meters,
            LocaleResolver locales)
            throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterAfter(new RefusedAccessLog(meters, chain), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> writeProblem(
                                req, res, json, messages, locales, HttpStatus.UNAUTHORIZED, "problem.unauthorized"))
                        .accessDeniedHandler((req, res, ex) ->
                                writeProblem(req, res, json, messages, locales, HttpStatus.FORBIDDEN, "access.denied")))
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .httpStrictTransportSecurity(SecurityConfig::hsts));
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(
            HttpSecurity http,
            AuthenticationManager manager,
            SignInHandlers handlers,
            Clock clock,
            SessionProperties session,
            SecurityContextRepository contexts,
            ObjectProvider<SingleSignOn> singleSignOn,
            JsonMapper json,
            MessageSource messages,
            MeterRegistry meters,
            @Lazy LocaleResolver locales)
            throws Exception {
        SingleSignOn sso = singleSignOn.getIfAvailable();
        http.authenticationManager(manager)
                .securityContext(c -> c.securityContextRepository(contexts))
                // the public forms act for no one (nothing of a signed-in user), and a token would need a session
                .csrf(c -> c.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/cong-khai/mo-hinh/*/danh-gia"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/cong-khai/lay-y-kien/*")))
                .addFilterAfter(new RefusedAccessLog(meters, "pages"), SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new SessionLifetimeFilter(
                                clock,
                                session.absoluteTimeout(),
                                (req, res) -> writeProblem(
                                        req, res, json, messages, locales, HttpStatus.UNAUTHORIZED, "session.expired")),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        // single sign-on's own pages (refused, provider down), only when it is on
                        .requestMatchers(sso == null ? "/login" : SingleSignOn.PAGES)
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/login/locked",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        // the public library (vn.dvk.showcase): read and rated without sign-in
                        .requestMatchers(HttpMethod.GET, "/cong-khai", "/cong-khai/**", "/sitemap.xml")
                        .permitAll()
                        // and asked about without their body (link checkers, monitors): HEAD answers as GET would
                        .requestMatchers(HttpMethod.HEAD, "/cong-khai", "/cong-khai/**", "/sitemap.xml")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/cong-khai/mo-hinh/*/danh-gia", "/cong-khai/lay-y-kien/*")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .successHandler(handlers)
                        .failureHandler(handlers)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("SESSION", "JSESSIONID")
                        .addLogoutHandler(handlers))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .httpStrictTransportSecurity(SecurityConfig::hsts)
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (sso != null) {
            sso.configure(http);
        }
        return http.build();
    }

    /**
     * HSTS for a year, subdomains included. Spring Security writes it only on requests it sees as secure: behind the
     * reverse proxy, those the proxy marks {@code X-Forwarded-Proto: https} (server.forward-headers-strategy=native).
     */
    private static void hsts(HeadersConfigurer<HttpSecurity>.HstsConfig h) {
        h.includeSubDomains(true).maxAgeInSeconds(31_536_000);
    }

    /**
     * A refusal of the security chain as problem details, in the language the pages and the API's other answers use
     * (the application's {@code LocaleResolver}: Vietnamese unless the user chose English), not the request's
     * {@code Accept-Language}: the dispatcher has not resolved the language yet when a filter refuses.
     */
    static void writeProblem(
            HttpServletRequest req,
            HttpServletResponse res,
            JsonMapper json,
            MessageSource messages,
            LocaleResolver locales,
            HttpStatus status,
            String key)
            throws IOException {
        Locale locale = locales.resolveLocale(req);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, key, locale));
        pd.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        RequestId.addTo(pd);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(json.writeValueAsString(pd));
    }
}
