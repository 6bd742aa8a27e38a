package vn.dvk.support;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID provider inside the test JVM (Spring Authorization Server with its own sign-in form), on a random port
 * of {@code localhost} (so that its cookies never mix with DVK's on 127.0.0.1). It knows one client, DVK's
 * {@link #CLIENT_ID}, that may come back to {@code http://127.0.0.1:<any port>/login/oauth2/code/<registration>};
 * its ID tokens carry {@code preferred_username} (the name signed in) and {@code email}.
 */
public final class OpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "dvk";
    public static final String CLIENT_SECRET = "dvk-client-Secret-2026";

    private final ConfigurableApplicationContext context;
    private final int port;

    private OpenIdProvider(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts a provider whose client DVK signs in through the registrations named. */
    public static OpenIdProvider start(String... registrations) {
        return new OpenIdProvider(new SpringApplicationBuilder(Config.class)
                .web(WebApplicationType.SERVLET)
                .properties(Map.of(
                        "server.port",
                        "0",
                        // none of DVK's own settings (database, sessions…)
                        "spring.config.name",
                        "dvk-test-openid-provider",
                        "spring.main.banner-mode",
                        "off",
                        "dvk.test.registrations",
                        String.join(",", registrations)))
                .run());
    }

    /** The issuer, as DVK's {@code spring.security.oauth2.client.provider.*.issuer-uri}. */
    public String issuer() {
        return "http://localhost:" + port;
    }

    /** A person who can sign in at the provider. */
    public void addPerson(String username, String password) {
        context.getBean(InMemoryUserDetailsManager.class)
                .createUser(User.withUsername(username)
                        .password("{noop}" + password)
                        .roles("USER")
                        .build());
    }

    /** The properties that register this provider in DVK under {@code registration}. */
    public Map<String, String> registration(String registration) {
        String prefix = "spring.security.oauth2.client.";
        return Map.of(
                prefix + "registration." + registration + ".client-id",
                CLIENT_ID,
                prefix + "registration." + registration + ".client-secret",
                CLIENT_SECRET,
                prefix + "registration." + registration + ".scope",
                "openid,profile",
                prefix + "provider." + registration + ".issuer-uri",
                issuer());
    }

    @Override
    public void close() {
        context.close();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
    static class Config {

        @Bean
        InMemoryUserDetailsManager people() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        InMemoryRegisteredClientRepository clients(@Value("${dvk.test.registrations}") List<String> ids) {
            RegisteredClient.Builder dvk = RegisteredClient.withId(CLIENT_ID)
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder()
                            .requireAuthorizationConsent(false)
                            .build());
            // a loopback address: any port is accepted (RFC 8252, 7.3)
            ids.forEach(id -> dvk.redirectUri("http://127.0.0.1/login/oauth2/code/" + id));
            return new InMemoryRegisteredClientRepository(dvk.build());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    String name = context.getPrincipal().getName();
                    context.getClaims().claim("preferred_username", name).claim("email", name + "@congvu.test");
                }
            };
        }
    }
}
