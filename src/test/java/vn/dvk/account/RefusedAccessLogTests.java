package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Every 401 and 403, on the API and on the pages, leaves one log line that the client cannot split, naming the user by
 * id, never by username.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedAccessLogTests extends IntegrationTest {

    @Test
    void refusalsAreLoggedWithWhoAndWhere(CapturedOutput output) {
        World w = new World(api());
        String reporter = w.username("reporterA");

        assertThat(api().get("/api/v1/models", null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/audit/verify", w.token("reporterA")).status())
                .isEqualTo(403);
        WebSession s = WebSession.signedIn(api().base(), reporter, PASSWORD);
        assertThat(s.postRaw("/logout", Map.of()).status()).as("no CSRF token").isEqualTo(403);

        String reporterId = "#"
                + api().get("/api/v1/users/me", w.token("reporterA"))
                        .json()
                        .get("userId")
                        .asLong();
        assertThat(output.getOut())
                .contains(
                        "Access refused: status=401 method=GET path=/api/v1/models user=anonymous from=127.0.0.1",
                        "Access refused: status=403 method=GET path=/api/v1/audit/verify user=" + reporterId
                                + " from=127.0.0.1",
                        "Access refused: status=403 method=POST path=/logout user=" + reporterId + " from=127.0.0.1");
        assertThat(output.getOut()).as("usernames are personal data").doesNotContain(reporter);
    }

    @Test
    void aRefusedSignInLogsNeitherTheNameTriedNorThePassword(CapturedOutput output) {
        // given a name that would forge a line, and a password typed into the username field
        var forged = api().post(
                        "/api/v1/auth/token",
                        Map.of("username", "evil\r\nFAKE Signed in: 'admin'", "password", "wrong-password-123"),
                        null);
        var typo = api().post(
                        "/api/v1/auth/token",
                        Map.of("username", "Mat-khau-bi-mat-2026", "password", "wrong-password-123"),
                        null);

        // then both are refused and logged as an unknown username, with what they tried nowhere in the output
        assertThat(forged.status()).isEqualTo(401);
        assertThat(typo.status()).isEqualTo(401);
        assertThat(output.getOut())
                .contains(
                        "Failed sign-in for an unknown username from 127.0.0.1",
                        "Access refused: status=401 method=POST path=/api/v1/auth/token user=anonymous from=127.0.0.1");
        assertThat(output.getOut()).doesNotContain("evil", "FAKE", "Mat-khau-bi-mat-2026", "wrong-password-123");
    }
}
