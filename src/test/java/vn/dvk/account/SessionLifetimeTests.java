package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * A page session ends 8 hours after sign-in however active it is. The sign-in time lives in the session (in the
 * database), so the test moves it back there instead of waiting.
 */
class SessionLifetimeTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anActiveSessionEndsAtTheAbsoluteLimit() throws Exception {
        World w = new World(api());
        String user = w.username("reporterA");
        WebSession s = WebSession.signedIn(api().base(), user, PASSWORD);
        assertThat(s.get("/").status()).isEqualTo(200);

        signedInAgo(user, Duration.ofHours(7).plusMinutes(59));
        assertThat(s.get("/").status()).as("within the limit").isEqualTo(200);

        signedInAgo(user, Duration.ofHours(8).plusMinutes(1));
        WebSession.Page expired = s.get("/");
        assertThat(expired.status()).isEqualTo(302);
        assertThat(expired.location()).endsWith("/login?expired");
        assertThat(s.get("/login?expired").text()).contains("Phiên làm việc đã hết hạn");
        WebSession.Page after = s.get("/");
        assertThat(after.status()).as("the session is gone").isEqualTo(302);
        assertThat(after.location()).endsWith("/login");
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where principal_name = ?", Integer.class, user))
                .isZero();
    }

    /** Rewrites the sign-in time of the user's sessions, serialized as Spring Session JDBC stores attributes. */
    private void signedInAgo(String user, Duration ago) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Long.valueOf(System.currentTimeMillis() - ago.toMillis()));
        }
        int n = jdbc.update(
                "update spring_session_attributes set attribute_bytes = ? where attribute_name = ?"
                        + " and session_primary_id in (select primary_id from spring_session where principal_name = ?)",
                bytes.toByteArray(),
                SessionLifetimeFilter.SIGNED_IN_AT,
                user);
        assertThat(n).isEqualTo(1);
    }
}
