package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.SecondNode;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Two application nodes on one database, as behind a load balancer: a person signed in on one keeps working on the
 * other, signing out on one ends the session on both, and disabling a user ends its sessions everywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTests extends IntegrationTest {

    private SecondNode second;
    private String secondBase;

    @BeforeAll
    void startSecondNode() {
        second = SecondNode.start();
        secondBase = second.base();
    }

    @AfterAll
    void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionStartedOnOneNodeWorksOnTheOtherAndEndsOnBoth() {
        World w = new World(api());
        WebSession first = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        WebSession other = first.on(secondBase);

        assertThat(other.get("/").status()).isEqualTo(200);
        assertThat(other.get("/models").text()).contains("Mô hình \"Dân vận khéo\"");
        assertThat(other.post("/logout", Map.of()).status()).isEqualTo(302);
        WebSession.Page afterLogout = first.get("/");
        assertThat(afterLogout.status()).isEqualTo(302);
        assertThat(afterLogout.location()).endsWith("/login");
    }

    @Test
    void disablingAUserEndsItsSessionsOnEveryNodeAndItsTokens() {
        World w = new World(api());
        WebSession first = WebSession.signedIn(api().base(), w.username("reporterB"), PASSWORD);
        WebSession other = first.on(secondBase);
        assertThat(other.get("/").status()).isEqualTo(200);
        String token = w.token("reporterB");
        long id = w.api.get("/api/v1/users/me", token).json().get("userId").asLong();

        assertThat(w.api.post("/api/v1/users/" + id + "/disable", null, w.token("adminP"))
                        .status())
                .isEqualTo(204);

        assertThat(other.get("/").status()).isEqualTo(302);
        assertThat(first.get("/").status()).isEqualTo(302);
        assertThat(w.api.get("/api/v1/users/me", token).status()).isEqualTo(401);
        assertThat(new Api(secondBase).get("/api/v1/users/me", token).status()).isEqualTo(401);
    }

    @Test
    void commonPasswordsAndPasswordsBuiltOnTheUsernameAreRefused() {
        World w = new World(api());
        Api.Res common = w.api.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        Api.unique("canbo"),
                        "password",
                        "Password1234",
                        "fullName",
                        "Cán bộ",
                        "unitCode",
                        w.communeA,
                        "roles",
                        List.of("REPORTER")),
                w.adminToken);
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.errorFields()).containsExactly("password");
        String name = Api.unique("nguyenvana");
        Api.Res withName = w.api.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        name,
                        "password",
                        name + "-2026!",
                        "fullName",
                        "Nguyễn Văn A",
                        "unitCode",
                        w.communeA,
                        "roles",
                        List.of("REPORTER")),
                w.adminToken);
        assertThat(withName.status()).isEqualTo(400);
        assertThat(withName.errorFields()).containsExactly("password");
    }
}
