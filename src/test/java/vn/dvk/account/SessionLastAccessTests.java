package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * A page session's row is written when the session changes, and for its last access time only once that is a minute
 * old: reading pages does not write the database on every request. The idle timeout still ends the session.
 */
class SessionLastAccessTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readingPagesWritesTheLastAccessTimeAboutOnceAMinute() {
        World w = new World(api());
        String user = w.username("reporterA");
        WebSession s = WebSession.signedIn(api().base(), user, PASSWORD);
        assertThat(s.get("/").status()).isEqualTo(200);
        long first = lastAccess(user);

        for (int i = 0; i < 3; i++) {
            assertThat(s.get("/models").status()).isEqualTo(200);
        }
        assertThat(lastAccess(user)).as("not written again within the minute").isEqualTo(first);

        moveBack(user, Duration.ofSeconds(61));
        long before = System.currentTimeMillis();
        assertThat(s.get("/").status()).isEqualTo(200);
        assertThat(lastAccess(user)).as("written once a minute old").isGreaterThanOrEqualTo(before);
    }

    @Test
    void anIdleSessionStillEndsAtTheIdleTimeout() {
        World w = new World(api());
        String user = w.username("reporterB");
        WebSession s = WebSession.signedIn(api().base(), user, PASSWORD);
        assertThat(s.get("/").status()).isEqualTo(200);

        moveBack(user, Duration.ofMinutes(29));
        assertThat(s.get("/").status()).as("idle 29 minutes").isEqualTo(200);
        moveBack(user, Duration.ofMinutes(31));
        WebSession.Page idle = s.get("/");
        assertThat(idle.status()).as("idle 31 minutes").isEqualTo(302);
        assertThat(idle.location()).contains("/login");
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where principal_name = ?", Integer.class, user))
                .isZero();
    }

    private long lastAccess(String user) {
        return jdbc.queryForObject(
                "select last_access_time from spring_session where principal_name = ?", Long.class, user);
    }

    /** Makes the session's stored last access (and so its expiry) this long ago. */
    private void moveBack(String user, Duration ago) {
        long at = System.currentTimeMillis() - ago.toMillis();
        long idle = jdbc.queryForObject(
                "select max_inactive_interval from spring_session where principal_name = ?", Long.class, user);
        int n = jdbc.update(
                "update spring_session set last_access_time = ?, expiry_time = ? where principal_name = ?",
                at,
                at + idle * 1000,
                user);
        assertThat(n).isEqualTo(1);
    }
}
