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

/** Every 401 and 403, on the API and on the pages, leaves one log line that the client cannot split. */
@ExtendWith(OutputCaptureExtension.class)
class RefusedAccessLogTests extends IntegrationTest {

    @Test
    void refusalsAreLoggedWithWhoAndWhere(CapturedOutput output) {
        World w = new World(api());
        String reporter = w.username("reporterA");

        assertThat(api().get("/api/v1/models", null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/audit/verify", w.token("reporterA")).status()).isEqualTo(403);
        WebSession s = WebSession.signedIn(api().base(), reporter, PASSWORD);
        assertThat(s.postRaw("/logout", Map.of()).status()).as("no CSRF token").isEqualTo(403);

        assertThat(output.getOut()).contains(
                "Access refused: status=401 method=GET path=/api/v1/models user='anonymous' from=127.0.0.1",
                "Access refused: status=403 method=GET path=/api/v1/audit/verify user='" + reporter + "' from=127.0.0.1",
                "Access refused: status=403 method=POST path=/logout user='" + reporter + "' from=127.0.0.1");
    }

    @Test
    void aUsernameWithLineBreaksCannotForgeALine(CapturedOutput output) {
        var r = api().post("/api/v1/auth/token", Map.of("username", "evil\r\nFAKE Signed in: 'admin'",
                "password", "wrong-password-123"), null);
        assertThat(r.status()).isEqualTo(401);

        assertThat(output.getOut()).contains("Access refused: status=401 method=POST path=/api/v1/auth/token"
                + " user='anonymous' from=127.0.0.1 attempted='evil__FAKE Signed in: 'admin''");
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("FAKE"));
    }
}
