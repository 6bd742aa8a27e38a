package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * The sign-in page as an officer who comes once a quarter meets it (issue 18, point 12): a wrong password keeps the
 * username typed (and the cursor goes to the password), and the page offers both languages before anyone signs in.
 */
class SignInPageTests extends IntegrationTest {

    @Test
    void aWrongPasswordKeepsTheUsernameAndPutsTheCursorOnThePassword() {
        World w = new World(api());
        String user = w.username("reporterA");
        WebSession s = new WebSession(api().base());
        WebSession.Page refused = s.signIn(user, "không-phải-mật-khẩu");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login?error");
        assertThat(refused.location())
                .as("the username is not put in the address")
                .doesNotContain(user);

        String form = s.get("/login?error").body();
        assertThat(form).contains("value=\"" + user + "\"");
        assertThat(form).containsPattern("id=\"password\"[^>]*autofocus");
        assertThat(form).doesNotContainPattern("id=\"username\"[^>]*autofocus");

        // kept once: the next visit of the form starts empty, with the cursor on the username
        String again = s.get("/login").body();
        assertThat(again).doesNotContain("value=\"" + user + "\"");
        assertThat(again).containsPattern("id=\"username\"[^>]*autofocus");

        // and the right password still signs in from there
        assertThat(s.signIn(user, PASSWORD).location()).endsWith("/");
    }

    @Test
    void theSignInPageOffersBothLanguagesBeforeSigningIn() {
        WebSession s = new WebSession(api().base());
        WebSession.Page vi = s.get("/login");
        assertThat(vi.text()).contains("Đăng nhập").contains("Tiếng Việt").contains("English");
        assertThat(vi.body()).contains("/login?lang=en").contains("/login?lang=vi");
        // on a phone no menu button opens an empty menu before signing in
        assertThat(vi.body()).doesNotContain("navbar-toggler");

        WebSession.Page en = s.get("/login?lang=en");
        assertThat(en.text()).contains("Sign in").contains("Username").doesNotContain("Tên đăng nhập");
        // the choice stays for the next pages
        assertThat(s.get("/login").text()).contains("Username");
        assertThat(s.get("/login?lang=vi").text()).contains("Tên đăng nhập");
    }

    @Test
    void withoutAnOpenIdProviderThereIsNoSingleSignOn() {
        // given no spring.security.oauth2.client.registration.* (the shared test application)
        WebSession s = new WebSession(api().base());

        // then the sign-in page offers no government account, and none of single sign-on's addresses answers
        assertThat(s.get("/login").text()).doesNotContain("tài khoản công vụ").doesNotContain("/oauth2/");
        for (String path : new String[] {
            "/oauth2/authorization/congvu", "/login/oauth2/code/congvu?code=a&state=b", "/login/sso/refused"
        }) {
            WebSession.Page page = s.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
    }
}
