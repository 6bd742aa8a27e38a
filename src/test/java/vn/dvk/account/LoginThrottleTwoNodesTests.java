package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.SecondNode;

/**
 * Two application nodes on one database, as behind a load balancer, with the shipped sign-in limits (5 failures per
 * username, 30 per client address, in 15 minutes): failures made on either node count on both. Each client is told
 * apart by the address its proxy reports ({@code X-Forwarded-For}), so that other tests' failures from 127.0.0.1 do
 * not count here.
 */
@Tag("db")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleTwoNodesTests {

    private static final String TOKEN = "/api/v1/auth/token";

    private SecondNode first;
    private SecondNode second;
    private String username;

    @BeforeAll
    void startTwoNodes() {
        String[] limits = {
            "--dvk.security.login.max-failures-per-user=5",
            "--dvk.security.login.max-failures-per-address=30",
            "--dvk.security.login.window=PT15M",
            "--dvk.progress.overdue-cron=-"
        };
        first = SecondNode.start(limits);
        second = SecondNode.start(limits);
        Api admin = new Api(first.base()).from("198.51.100.1");
        username = Api.unique("canbo");
        Api.Res created = admin.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        username,
                        "password",
                        IntegrationTest.PASSWORD,
                        "fullName",
                        "Cán bộ thử",
                        "unitCode",
                        "TW",
                        "roles",
                        List.of("VIEWER")),
                admin.token("admin", IntegrationTest.ADMIN_PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    void stopTwoNodes() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void thirtyWrongPasswordsFromOneAddressSpreadOverBothNodesCloseSignInOnBoth() {
        // given one client address that reaches both nodes in turn
        Api onFirst = new Api(first.base()).from("203.0.113.30");
        Api onSecond = new Api(second.base()).from("203.0.113.30");

        // when it tries 30 wrong passwords, each for another username, 15 on each node
        for (int i = 0; i < 30; i++) {
            Api node = i % 2 == 0 ? onFirst : onSecond;
            Api.Res wrong =
                    node.post(TOKEN, Map.of("username", Api.unique("khongco"), "password", "sai-mat-khau-" + i), null);
            assertThat(wrong.status()).as("attempt " + (i + 1)).isEqualTo(401);
        }

        // then the 31st attempt is refused on either node with Retry-After, even with a right password
        for (Api node : List.of(onFirst, onSecond)) {
            Api.Res refused =
                    node.post(TOKEN, Map.of("username", username, "password", IntegrationTest.PASSWORD), null);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
            assertThat(refused.json().has("token")).isFalse();
        }
        // while the same user from another address signs in on either node
        assertThat(new Api(second.base())
                        .from("203.0.113.31")
                        .post(TOKEN, Map.of("username", username, "password", IntegrationTest.PASSWORD), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void pruningOnOneNodeDeletesTheFailuresThatLeftTheWindowAndKeepsTheOthers() {
        // given a failure of 16 minutes ago and one of a minute ago
        JdbcTemplate jdbc = second.context().getBean(JdbcTemplate.class);
        String old = Api.unique("a:192.0.2.old-");
        String recent = Api.unique("a:192.0.2.recent-");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update(
                "insert into account_login_failure (throttle_key, failed_at) values (?, ?), (?, ?)",
                old,
                now.minusMinutes(16),
                recent,
                now.minusMinutes(1));

        // when one node prunes
        first.context().getBean(LoginThrottle.class).prune();

        // then only the recent one is left
        assertThat(jdbc.queryForList(
                        "select throttle_key from account_login_failure where throttle_key in (?, ?)",
                        String.class,
                        old,
                        recent))
                .containsExactly(recent);
    }

    @Test
    void fiveWrongPasswordsForOneUsernameSpreadOverBothNodesAndAddressesCloseItOnBoth() {
        // given a username of its own
        Api admin = new Api(first.base()).from("198.51.100.1");
        String target = Api.unique("nannhan");
        admin.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        target,
                        "password",
                        IntegrationTest.PASSWORD,
                        "fullName",
                        "Nạn nhân",
                        "unitCode",
                        "TW",
                        "roles",
                        List.of("VIEWER")),
                admin.token("admin", IntegrationTest.ADMIN_PASSWORD));

        // when three wrong passwords come to the first node and two to the second, each from another address
        for (int i = 0; i < 5; i++) {
            Api node = new Api((i < 3 ? first : second).base()).from("192.0.2." + (10 + i));
            assertThat(node.post(TOKEN, Map.of("username", target, "password", "sai-" + i), null)
                            .status())
                    .as("attempt " + (i + 1))
                    .isEqualTo(401);
        }

        // then the right password is refused on both nodes, from yet another address, with Retry-After
        for (SecondNode node : List.of(first, second)) {
            Api.Res refused = new Api(node.base())
                    .from("192.0.2.99")
                    .post(TOKEN, Map.of("username", target, "password", IntegrationTest.PASSWORD), null);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
        }
    }
}
