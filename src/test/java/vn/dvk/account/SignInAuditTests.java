package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.SignInTrail;
import vn.dvk.support.WebSession;

/**
 * Sign-ins, sign-outs and refused sign-ins, on the pages and through the API, leave entries in the audit trail: who,
 * which account, how and from where, and why a sign-in was refused; never what was typed as a password, nor a name
 * that matches no user. They move no data version, so no cached figure is dropped because someone signed in.
 */
class SignInAuditTests extends IntegrationTest {

    private static final String TOKEN = "/api/v1/auth/token";

    @Autowired
    JdbcTemplate jdbc;

    private String adminToken;
    private SignInTrail trail;

    @BeforeEach
    void admin() {
        adminToken = api().token("admin", ADMIN_PASSWORD);
        trail = new SignInTrail(api(), jdbc);
    }

    @Test
    void signInsAndSignOutsOnThePagesAndThroughTheApiAreAudited() {
        // given a user
        String name = newUser();
        long id = idOf(name);
        long versions = dataVersions();

        // when the user signs in and out on the pages, then takes a token and revokes it
        WebSession page = WebSession.signedIn(api().base(), name, PASSWORD);
        assertThat(page.get("/").status()).isEqualTo(200);
        assertThat(page.post("/logout", Map.of()).status()).isEqualTo(302);
        String token = api().token(name, PASSWORD);
        assertThat(api().delete(TOKEN, token).status()).isEqualTo(204);

        // then the trail has the four, by the user, with the way and the address
        assertThat(entries(id))
                .containsExactly(
                        name + " SIGN_IN null page from 127.0.0.1",
                        name + " SIGN_OUT null page from 127.0.0.1",
                        name + " SIGN_IN null api from 127.0.0.1",
                        name + " SIGN_OUT null api from 127.0.0.1");
        // and no data version moved
        assertThat(dataVersions()).isEqualTo(versions);
    }

    @Test
    void refusedSignInsAreAuditedWithTheReasonButWithoutWhatWasTyped() {
        // given a user, and another one who is then disabled
        String name = newUser();
        String disabled = newUser();
        long disabledId = idOf(disabled);
        assertThat(api().post("/api/v1/users/" + disabledId + "/disable", null, adminToken)
                        .status())
                .isEqualTo(204);
        String unknown = Api.unique("khongai");
        long before = lastEntry();

        // when a wrong password is tried through the API and on the page, an unknown name is tried, and the disabled
        // user tries the right password
        assertThat(api().post(TOKEN, Map.of("username", name, "password", "sai-qua-api-1"), null)
                        .status())
                .isEqualTo(401);
        assertThat(new WebSession(api().base()).signIn(name, "sai-tren-trang-2").location())
                .endsWith("/login?error");
        assertThat(api().post(TOKEN, Map.of("username", unknown, "password", "sai-ten-3"), null)
                        .status())
                .isEqualTo(401);
        assertThat(api().post(TOKEN, Map.of("username", disabled, "password", PASSWORD), null)
                        .status())
                .isEqualTo(401);

        // then each refusal is an entry by nobody signed in, about the account, with the reason
        assertThat(entries(idOf(name)))
                .containsExactly(
                        "anonymous SIGN_IN_REFUSED BAD_PASSWORD api from 127.0.0.1",
                        "anonymous SIGN_IN_REFUSED BAD_PASSWORD page from 127.0.0.1");
        assertThat(entries(disabledId)).endsWith("anonymous SIGN_IN_REFUSED DISABLED api from 127.0.0.1");
        assertThat(entries(0)).contains("anonymous SIGN_IN_REFUSED UNKNOWN_USER api from 127.0.0.1");
        // and no entry written since holds a password or the unknown name
        List<String> written = jdbc.queryForList(
                "select concat(actor, ' ', action, ' ', coalesce(to_state, ''), ' ',"
                        + " coalesce(comment, '')) from shared_audit_entry where id > ?",
                String.class,
                before);
        assertThat(written)
                .hasSize(4)
                .noneMatch(e -> e.contains("sai-") || e.contains(PASSWORD) || e.contains(unknown));
    }

    @Test
    void aThrottledUsernameIsAuditedOnceNotForEveryAttempt() {
        // given a username with five wrong passwords
        String name = newUser();
        for (int i = 0; i < 5; i++) {
            assertThat(api().post(TOKEN, Map.of("username", name, "password", "sai-" + i), null)
                            .status())
                    .isEqualTo(401);
        }

        // when three more attempts come, the last with the right password
        for (String password : List.of("sai-5", "sai-6", PASSWORD)) {
            assertThat(api().post(TOKEN, Map.of("username", name, "password", password), null)
                            .status())
                    .isEqualTo(429);
        }

        // then the trail has the five failures and one refusal by the throttle
        List<String> entries = entries(idOf(name));
        assertThat(entries)
                .hasSize(6)
                .startsWith("anonymous SIGN_IN_REFUSED BAD_PASSWORD api from 127.0.0.1")
                .endsWith("anonymous SIGN_IN_REFUSED THROTTLED api from 127.0.0.1");
    }

    private String newUser() {
        return trail.newUser("dangnhap", "Người đăng nhập");
    }

    private long idOf(String username) {
        return trail.idOf(username);
    }

    private List<String> entries(long userId) {
        return trail.entries(userId);
    }

    private long lastEntry() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from shared_audit_entry", Long.class);
    }

    private long dataVersions() {
        return jdbc.queryForObject("select coalesce(sum(version), 0) from shared_data_version", Long.class)
                + jdbc.queryForObject("select coalesce(sum(version), 0) from shared_data_year_version", Long.class);
    }
}
