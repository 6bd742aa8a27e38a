package vn.dvk.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvk.support.Api;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.OpenIdProvider;
import vn.dvk.support.SignInTrail;
import vn.dvk.support.WebSession;

/**
 * Issue 17: single sign-on with OpenID Connect, against a real provider (Spring Authorization Server) in the test
 * JVM. An officer clicks "Đăng nhập bằng tài khoản công vụ", signs in at the provider and lands on "Việc cần làm" as
 * the DVK user of that name, with DVK's roles; a person of no DVK user, and a disabled user, get a clear 403 page; the
 * password form and the bearer API work as before.
 */
@Tag("journey")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnJourneyTests extends IntegrationTest {

    private static final String REGISTRATION = "congvu";
    private static final String PROVIDER_PASSWORD = "mat-khau-Cong-vu-2026";
    private static OpenIdProvider provider;

    @Autowired
    JdbcTemplate jdbc;

    private Browser browser;
    private String adminToken;
    private SignInTrail trail;

    @DynamicPropertySource
    static void openIdProvider(DynamicPropertyRegistry registry) {
        provider = OpenIdProvider.start(REGISTRATION);
        provider.registration(REGISTRATION).forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    void open() {
        browser = new Browser(api().base());
        adminToken = api().token("admin", ADMIN_PASSWORD);
        trail = new SignInTrail(api(), jdbc);
    }

    @AfterAll
    void close() {
        browser.close();
        provider.close();
    }

    @Test
    void anOfficerSignsInWithTheGovernmentAccountAndLandsOnTheirWork() {
        // given a DVK user and a government account of the same name
        String name = newUser("Cán bộ Công Vụ");
        provider.addPerson(name, PROVIDER_PASSWORD);

        // when the officer opens DVK, chooses the government account and signs in at the provider
        Page page = browser.person(false);
        page.navigate(browser.url("/models"));
        page.waitForURL(browser.url("/login"));
        assertThat(page.getByText("Đăng nhập bằng tài khoản công vụ")).isVisible();
        Browser.shot(page, "signin-sso");
        page.getByText("Đăng nhập bằng tài khoản công vụ").click();
        atTheProvider(page, name);
        page.waitForURL(url -> url.startsWith(browser.url("/models")));

        // then they are the DVK user, with DVK's unit and roles, on the page they wanted; and home is their work
        page.navigate(browser.url("/"));
        assertThat(page.locator("h1")).hasText("Việc cần làm");
        assertThat(page.locator("nav.navbar >> text=Cán bộ Công Vụ >> visible=true"))
                .hasCount(1);
        // and the sign-in is in the audit trail the way it was made; signing out ends it as the form's does
        page.locator("form[action$='/logout'] button").first().click();
        page.waitForURL(url -> url.contains("/login"));
        assertThat(entries(idOf(name)))
                .containsExactly(
                        name + " SIGN_IN null sso congvu from 127.0.0.1", name + " SIGN_OUT null page from 127.0.0.1");
    }

    @Test
    void aPersonOfNoDvkUserIsToldSoWith403AndIsNotSignedIn() {
        // given a government account that names no DVK user
        String stranger = Api.unique("nguoila");
        provider.addPerson(stranger, PROVIDER_PASSWORD);

        // when that person signs in through the provider
        Page page = browser.person(false);
        Response answer = throughTheProvider(page, stranger);

        // then a clear page in Vietnamese, 403, and no session
        assertThat(answer.status()).isEqualTo(403);
        assertThat(page.locator("main"))
                .containsText("Tài khoản công vụ «" + stranger
                        + "» chưa được gắn với người dùng DVK nào; liên hệ quản trị viên.");
        Browser.shot(page, "signin-sso-refused");
        page.navigate(browser.url("/"));
        page.waitForURL(browser.url("/login"));
        // and no DVK user was created for them
        assertThat(jdbc.queryForObject("select count(*) from account_user where username = ?", Long.class, stranger))
                .isZero();
    }

    @Test
    void aDisabledUserIsRefusedThroughTheProviderToo() {
        // given a DVK user with a government account, then disabled
        String name = newUser("Cán bộ Đã Nghỉ");
        long id = idOf(name);
        provider.addPerson(name, PROVIDER_PASSWORD);
        assertThat(api().post("/api/v1/users/" + id + "/disable", null, adminToken)
                        .status())
                .isEqualTo(204);

        // when they sign in through the provider
        Page page = browser.person(false);
        Response answer = throughTheProvider(page, name);

        // then 403, a page that says so, and the refusal in the audit trail
        assertThat(answer.status()).isEqualTo(403);
        assertThat(page.locator("main")).containsText("đã bị khóa");
        assertThat(entries(id)).containsExactly("anonymous SIGN_IN_REFUSED DISABLED sso congvu from 127.0.0.1");
    }

    @Test
    void thePasswordFormAndTheBearerApiWorkAsBefore() {
        // given a user, while single sign-on is configured
        String name = newUser("Cán bộ Mật Khẩu");

        // when they sign in with the form, and take a token
        WebSession form = new WebSession(api().base());
        WebSession.Page signInPage = form.get("/login");
        WebSession.Page signedIn = form.signIn(name, PASSWORD);
        String token = api().token(name, PASSWORD);

        // then the page offers both ways, the form signs in, and the token opens the API
        assertThat(signInPage.body())
                .contains("href=\"/oauth2/authorization/congvu\"")
                .contains("id=\"password\"");
        assertThat(signedIn.location()).endsWith("/");
        assertThat(form.get("/").text()).contains("Việc cần làm").contains("Cán bộ Mật Khẩu");
        assertThat(api().get("/api/v1/models?size=1", token).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/models?size=1", null).status()).isEqualTo(401);
    }

    /** From DVK's sign-in page through the provider's; DVK's answer when the provider sends the person back. */
    private Response throughTheProvider(Page page, String name) {
        page.navigate(browser.url("/login"));
        page.getByText("Đăng nhập bằng tài khoản công vụ").click();
        return page.waitForResponse(
                r -> r.url().startsWith(browser.url("/login/oauth2/code/")), () -> atTheProvider(page, name));
    }

    /** At the provider's own sign-in form. */
    private static void atTheProvider(Page page, String name) {
        page.waitForURL(url -> url.startsWith(provider.issuer() + "/login"));
        page.locator("#username").fill(name);
        page.locator("#password").fill(PROVIDER_PASSWORD);
        page.locator("button[type=submit]").click();
    }

    private String newUser(String fullName) {
        return trail.newUser("congvu", fullName);
    }

    private long idOf(String username) {
        return trail.idOf(username);
    }

    private List<String> entries(long userId) {
        return trail.entries(userId);
    }
}
