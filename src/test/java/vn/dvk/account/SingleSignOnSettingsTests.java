package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Issue 17, without a server: the providers are read lazily from Spring's client properties (a provider that is down
 * is refused as unreachable, and asked again next time), and the claim that names the DVK user is set by
 * {@code dvk.sso.match-claim}.
 */
class SingleSignOnSettingsTests {

    @Test
    void theMatchClaimIsPreferredUsernameUnlessSetToEmail() {
        assertThat(bind(Map.of()).matchClaim()).isEqualTo(SsoSettings.MatchClaim.PREFERRED_USERNAME);
        assertThat(bind(Map.of("dvk.sso.match-claim", "preferred_username"))
                        .matchClaim()
                        .claim())
                .isEqualTo("preferred_username");
        assertThat(bind(Map.of("dvk.sso.match-claim", "email")).matchClaim().claim())
                .isEqualTo("email");
    }

    @Test
    void byUsernameTheClaimNamesTheUserAndByEmailTheOneUserHoldingTheAddress() {
        // given a user "cb.tinh" with the address cb.tinh@congvu.test, and an address two users share
        Users users = mock(Users.class);
        User user = new User("cb.tinh", "x", "Cán bộ", 1L, Set.of(), Instant.EPOCH);
        User other = new User("cb.khac", "x", "Cán bộ khác", 1L, Set.of(), Instant.EPOCH);
        when(users.findByUsername("cb.tinh")).thenReturn(Optional.of(user));
        when(users.findByEmailIgnoreCase("CB.Tinh@congvu.test")).thenReturn(List.of(user));
        when(users.findByEmailIgnoreCase("chung@congvu.test")).thenReturn(List.of(user, other));

        // then preferred_username finds it (spaces around the claim ignored)
        assertThat(SsoDirectory.of(SsoSettings.MatchClaim.PREFERRED_USERNAME, users)
                        .find(" cb.tinh "))
                .contains(user);
        assertThat(SsoDirectory.of(SsoSettings.MatchClaim.PREFERRED_USERNAME, users)
                        .find("khac"))
                .isEmpty();
        // and email finds the one user holding the address, and no one for a shared, unknown or blank address
        SsoDirectory byEmail = SsoDirectory.of(SsoSettings.MatchClaim.EMAIL, users);
        assertThat(byEmail.find(" CB.Tinh@congvu.test ")).contains(user);
        assertThat(byEmail.find("chung@congvu.test")).isEmpty();
        assertThat(byEmail.find("ai.do@congvu.test")).isEmpty();
        assertThat(byEmail.find(" ")).isEmpty();
    }

    @Test
    void providersAreListedWithoutBeingAskedAndReadWhenFirstUsed() {
        // given a provider given by its endpoints, and one by an issuer where nothing answers
        OAuth2ClientProperties properties = new OAuth2ClientProperties();
        OAuth2ClientProperties.Registration tinh = registration();
        tinh.setClientName("Tỉnh");
        tinh.setAuthorizationGrantType("authorization_code");
        tinh.setRedirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
        properties.getRegistration().put("tinh", tinh);
        OAuth2ClientProperties.Provider endpoints = new OAuth2ClientProperties.Provider();
        endpoints.setAuthorizationUri("https://sso.example/authorize");
        endpoints.setTokenUri("https://sso.example/token");
        endpoints.setJwkSetUri("https://sso.example/jwks");
        properties.getProvider().put("tinh", endpoints);
        properties.getRegistration().put("congvu", registration());
        OAuth2ClientProperties.Provider down = new OAuth2ClientProperties.Provider();
        down.setIssuerUri("http://127.0.0.1:" + freePort());
        properties.getProvider().put("congvu", down);

        // when DVK starts (nothing is asked), and the providers are used
        ProviderRegistrations registrations = new ProviderRegistrations(properties);

        // then the sign-in page lists both, each under its name
        assertThat(registrations.providers())
                .containsExactly(
                        new ProviderRegistrations.Provider("congvu", "congvu"),
                        new ProviderRegistrations.Provider("tinh", "Tỉnh"));
        // the one given by endpoints is read once; an unknown one is none
        ClientRegistration read = registrations.findByRegistrationId("tinh");
        assertThat(read.getProviderDetails().getTokenUri()).isEqualTo("https://sso.example/token");
        assertThat(registrations.findByRegistrationId("tinh")).isSameAs(read);
        assertThat(registrations.findByRegistrationId("khac")).isNull();
        // the one that is down is refused as unreachable, each time it is asked
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> registrations.findByRegistrationId("congvu"))
                    .isInstanceOfSatisfying(
                            OAuth2AuthenticationException.class,
                            e -> assertThat(e.getError().getErrorCode()).isEqualTo(ProviderRegistrations.UNREACHABLE));
        }
    }

    private static OAuth2ClientProperties.Registration registration() {
        OAuth2ClientProperties.Registration r = new OAuth2ClientProperties.Registration();
        r.setClientId("dvk");
        r.setClientSecret("secret");
        r.setScope(Set.of("openid", "profile"));
        return r;
    }

    private static SsoSettings bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("dvk.sso", Bindable.of(SsoSettings.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
