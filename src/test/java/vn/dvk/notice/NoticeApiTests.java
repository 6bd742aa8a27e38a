package vn.dvk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * {@code /api/v1/notifications} (own notices, paged, unread first; marking one read, 404 for another user's) and the
 * {@code email} of {@code POST /api/v1/users}. No mail server here: notices are in the app only, nothing is queued.
 */
class NoticeApiTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private World w;
    private Api api;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
    }

    @Test
    void aReporterListsItsNoticesUnreadFirstAndMarksOneRead() {
        // given three models of commune A appraised one after the other
        long first = appraised("Mô hình một", "ACCEPT", null);
        long second = appraised("Mô hình hai", "REQUEST_CHANGES", "Bổ sung minh chứng");
        long third = appraised("Mô hình ba", "REJECT", "Chưa đạt");
        String token = w.token("reporterA");

        // when the reporter reads the first notice (the oldest) and lists them
        JsonNode all = api.get("/api/v1/notifications?size=10", token).json();
        long oldest = all.get("content").get(2).get("id").asLong();
        Api.Res read = api.post("/api/v1/notifications/" + oldest + "/read", null, token);
        JsonNode list = api.get("/api/v1/notifications?size=2&page=0", token).json();
        JsonNode rest = api.get("/api/v1/notifications?size=2&page=1", token).json();

        // then the list is the stable page JSON, newest first before reading, unread first after
        assertThat(all.get("page").get("totalElements").asLong()).isEqualTo(3);
        assertThat(all.get("content").get(0).get("link").asString()).isEqualTo("/models/" + third);
        assertThat(all.get("content").get(1).get("kind").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(all.get("content").get(1).get("detail").asString()).isEqualTo("Bổ sung minh chứng");
        assertThat(all.get("content").get(1).get("title").asString())
                .isEqualTo("Mô hình “Mô hình hai” cần điều chỉnh theo góp ý thẩm định");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("read").asBoolean()).isTrue();
        assertThat(read.json().get("link").asString()).isEqualTo("/models/" + first);
        assertThat(list.get("page").get("size").asInt()).isEqualTo(2);
        assertThat(list.get("page").get("totalPages").asInt()).isEqualTo(2);
        assertThat(list.get("content"))
                .hasSize(2)
                .allSatisfy(n -> assertThat(n.get("read").asBoolean()).isFalse());
        assertThat(list.get("content").get(0).get("link").asString()).isEqualTo("/models/" + third);
        assertThat(list.get("content").get(1).get("link").asString()).isEqualTo("/models/" + second);
        assertThat(rest.get("content")).singleElement().satisfies(n -> {
            assertThat(n.get("id").asLong()).isEqualTo(oldest);
            assertThat(n.get("read").asBoolean()).isTrue();
        });
        // and reading it again changes nothing
        assertThat(api.post("/api/v1/notifications/" + oldest + "/read", null, token)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anotherUsersNoticeIsNotFoundAndStaysUnread() {
        // given a notice of reporter A
        appraised("Mô hình của xã A", "ACCEPT", null);
        long id = api.get("/api/v1/notifications", w.token("reporterA"))
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asLong();

        // when reporter B, and then an administrator, try to read it, and B lists its own
        Api.Res byB = api.post("/api/v1/notifications/" + id + "/read", null, w.token("reporterB"));
        Api.Res byAdmin = api.post("/api/v1/notifications/" + id + "/read", null, w.adminToken);
        Api.Res missing = api.post("/api/v1/notifications/999999999/read", null, w.token("reporterA"));
        JsonNode listB = api.get("/api/v1/notifications", w.token("reporterB")).json();

        // then both are answered 404 as problem details, and A's notice is still unread
        assertThat(byB.status()).isEqualTo(404);
        assertThat(byB.contentType()).startsWith("application/problem+json");
        assertThat(byAdmin.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(listB.get("content")).isEmpty();
        assertThat(jdbc.queryForObject("select read_at from notice_notice where id = ?", Object.class, id))
                .isNull();
        // and anonymous callers get 401
        assertThat(api.get("/api/v1/notifications", null).status()).isEqualTo(401);
    }

    @Test
    void anInvalidAddressIsRefusedNamingEmail() {
        for (String bad : List.of(
                "khong-phai-dia-chi",
                "a@b.vn\r\nBcc: x@evil.example",
                "a b@c.vn",
                "a@b@c.vn",
                "x".repeat(250) + "@b.vn")) {
            // when a user is created with it
            Map<String, Object> body = new LinkedHashMap<>(Map.of(
                    "username",
                    Api.unique("thu"),
                    "password",
                    PASSWORD,
                    "fullName",
                    "Cán bộ",
                    "unitCode",
                    w.communeA,
                    "roles",
                    List.of("REPORTER")));
            body.put("email", bad);
            Api.Res r = api.post("/api/v1/users", body, w.adminToken);

            // then it is 400 naming the field, and no user was created
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.errorFields()).as(bad).containsExactly("email");
            assertThat(jdbc.queryForObject(
                            "select count(*) from account_user where username = ?",
                            Integer.class,
                            body.get("username")))
                    .isZero();
        }
        // and a good one is kept and shown
        Map<String, Object> good = new LinkedHashMap<>(Map.of(
                "username",
                Api.unique("thu"),
                "password",
                PASSWORD,
                "fullName",
                "Cán bộ",
                "unitCode",
                w.communeA,
                "roles",
                List.of("REPORTER"),
                "email",
                "can.bo@xa.gov.vn"));
        Api.Res ok = api.post("/api/v1/users", good, w.adminToken);
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("email").asString()).isEqualTo("can.bo@xa.gov.vn");
    }

    private long appraised(String title, String decision, String comment) {
        long id = w.draft("reporterA", World.registration(title, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        assertThat(w.appraise("appraiserD", id, decision, comment).status()).isEqualTo(200);
        return id;
    }
}
