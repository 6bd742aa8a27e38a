package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;

/**
 * Issue 17: an OpenID provider that does not answer. DVK starts and its sign-in page works; choosing the provider gives
 * a clear page (503) whether its discovery document or, on the way back, its token endpoint is unreachable; an answer
 * DVK did not ask for gives a clear 401 page. Never a 500.
 */
class SingleSignOnProviderDownTests extends IntegrationTest {

    private static final String CLIENT = "spring.security.oauth2.client.";
    private static final String UNREACHABLE = "Hiện không kết nối được với hệ thống đăng nhập công vụ";

    @DynamicPropertySource
    static void providersThatAreDown(DynamicPropertyRegistry registry) {
        String down = "http://localhost:" + freePort();
        // discovered through its issuer: nothing answers there
        registry.add(CLIENT + "registration.congvu.client-id", () -> "dvk");
        registry.add(CLIENT + "registration.congvu.client-secret", () -> "secret");
        registry.add(CLIENT + "registration.congvu.scope", () -> "openid,profile");
        registry.add(CLIENT + "provider.congvu.issuer-uri", () -> down);
        // given by its endpoints: the person is sent on, but the token endpoint does not answer
        registry.add(CLIENT + "registration.tinh.client-id", () -> "dvk");
        registry.add(CLIENT + "registration.tinh.client-secret", () -> "secret");
        registry.add(CLIENT + "registration.tinh.client-name", () -> "Tỉnh");
        registry.add(CLIENT + "registration.tinh.scope", () -> "openid,profile");
        registry.add(CLIENT + "registration.tinh.authorization-grant-type", () -> "authorization_code");
        registry.add(CLIENT + "registration.tinh.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(CLIENT + "provider.tinh.authorization-uri", () -> down + "/authorize");
        registry.add(CLIENT + "provider.tinh.token-uri", () -> down + "/token");
        registry.add(CLIENT + "provider.tinh.jwk-set-uri", () -> down + "/jwks");
        registry.add(CLIENT + "provider.tinh.user-name-attribute", () -> "sub");
    }

    @Test
    void aProviderWhoseDiscoveryDoesNotAnswerGivesAClearPage() {
        // given DVK started although the provider is down, and its sign-in page offers both providers
        WebSession s = new WebSession(api().base());
        WebSession.Page signIn = s.get("/login");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.text())
                .contains("Đăng nhập bằng tài khoản công vụ (congvu)")
                .contains("Đăng nhập bằng tài khoản công vụ (Tỉnh)");

        // when the person chooses the provider whose discovery document cannot be read
        WebSession.Page chosen = s.get("/oauth2/authorization/congvu");

        // then a page that says the sign-in service cannot be reached, and offers the form again
        assertThat(chosen.status()).isEqualTo(503);
        assertThat(chosen.text()).contains(UNREACHABLE).contains("href=\"/login\"");
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerGivesAClearPage() {
        // given a person sent to the provider
        WebSession s = new WebSession(api().base());
        WebSession.Page sent = s.get("/oauth2/authorization/tinh");
        assertThat(sent.status()).isEqualTo(302);
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(sent.location());
        assertThat(state.find()).as(sent.location()).isTrue();

        // when the provider sends them back with a code, which DVK cannot exchange
        WebSession.Page back = s.get("/login/oauth2/code/tinh?code=abc&state=" + state.group(1));

        // then the same clear page, and nobody is signed in
        assertThat(back.status()).isEqualTo(503);
        assertThat(back.text()).contains(UNREACHABLE);
        assertThat(s.get("/").location()).endsWith("/login");
    }

    @Test
    void anAnswerDvkDidNotAskForIsRefusedWithAClearPage() {
        // when someone arrives with a code and a state DVK never issued
        WebSession.Page back = new WebSession(api().base()).get("/login/oauth2/code/tinh?code=abc&state=forged");

        // then 401 and a page that says the single sign-on did not succeed
        assertThat(back.status()).isEqualTo(401);
        assertThat(back.text()).contains("Đăng nhập bằng tài khoản công vụ không thành công");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
