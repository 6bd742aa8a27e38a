package vn.dvk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

/** Importing users: administrators only, no password in the file, a random initial password shown once, idempotent. */
class UserImportTests extends IntegrationTest {

    private static final List<String> KEYS = List.of("username", "fullName", "unitCode", "roles");

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    private Api.Res upload(String query, List<Map<String, String>> rows, String token) {
        return new Multipart()
                .file("file", "nguoi-dung.xlsx", Workbooks.sheet(KEYS, KEYS, rows))
                .post(w.api, "/api/v1/imports/users" + query, token);
    }

    @Test
    void usersAreCreatedWithARandomInitialPasswordShownOnceAndNotTwice() {
        // given two users of the administrator's subtree, one with two roles named in Vietnamese
        String a = Api.unique("nhap.a");
        String b = Api.unique("nhap.b");
        List<Map<String, String>> rows = List.of(
                Map.of("username", a, "fullName", "Nguyễn Văn A", "unitCode", w.communeA, "roles", "REPORTER"),
                Map.of(
                        "username",
                        b,
                        "fullName",
                        "Trần Thị B",
                        "unitCode",
                        w.district,
                        "roles",
                        "Thẩm định (Ban Dân vận); Theo dõi"));

        // when they are imported twice
        Api.Res first = upload("", rows, w.token("adminP"));
        Api.Res second = upload("", rows, w.token("adminP"));

        // then both exist with their roles, each initial password signs in, and the second import creates nothing
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(2);
        JsonNode passwords = first.json().get("initialPasswords");
        assertThat(passwords).hasSize(2);
        for (JsonNode p : passwords) {
            assertThat(p.get("password").asString()).hasSize(24);
            assertThat(w.api.token(
                            p.get("username").asString(), p.get("password").asString()))
                    .isNotBlank();
        }
        assertThat(w.api.get("/api/v1/users?size=500", w.token("adminP"))
                        .json()
                        .get("content")
                        .valueStream()
                        .filter(u -> u.get("username").asString().equals(b))
                        .findFirst()
                        .orElseThrow()
                        .get("roles")
                        .toString())
                .contains("APPRAISER", "VIEWER");
        assertThat(second.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(second.json().get("initialPasswords")).isEmpty();
    }

    @Test
    void aUserOutsideTheSubtreeAnUnknownRoleAndAChangedNameAreErrorsAndNothingIsCreated() {
        String a = Api.unique("nhap.c");
        Api.Res r = upload(
                "",
                List.of(
                        Map.of("username", a, "fullName", "Lê Văn C", "unitCode", w.communeA, "roles", "REPORTER"),
                        Map.of(
                                "username",
                                Api.unique("nhap.d"),
                                "fullName",
                                "D",
                                "unitCode",
                                "TW",
                                "roles",
                                "REPORTER"),
                        Map.of(
                                "username",
                                Api.unique("nhap.e"),
                                "fullName",
                                "E",
                                "unitCode",
                                w.communeA,
                                "roles",
                                "BOSS"),
                        Map.of(
                                "username",
                                w.username("reporterA"),
                                "fullName",
                                "Tên khác",
                                "unitCode",
                                w.communeA,
                                "roles",
                                "REPORTER")),
                w.token("adminP"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("row").asInt() + ":" + e.get("column").asString())
                        .toList())
                .containsExactly("3:unitCode", "4:roles", "5:username");
        assertThat(w.api.get("/api/v1/users?size=500", w.token("adminP")).body())
                .doesNotContain(a);
        assertThat(upload(
                                "?dryRun=true",
                                List.of(Map.of(
                                        "username", a, "fullName", "X", "unitCode", w.communeA, "roles", "REPORTER")),
                                w.token("appraiserP"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aRetriedUserImportNeverShowsOrStoresThePasswordsAgainAndCreatesNothingTwice() {
        // given a user import sent with an Idempotency-Key
        String c = Api.unique("nhap.c");
        List<Map<String, String>> rows =
                List.of(Map.of("username", c, "fullName", "Lê Văn C", "unitCode", w.communeA, "roles", "REPORTER"));
        byte[] file = Workbooks.sheet(KEYS, KEYS, rows);
        String key = UUID.randomUUID().toString();
        Api.Res first = new Multipart()
                .header("Idempotency-Key", key)
                .file("file", "nguoi-dung.xlsx", file)
                .post(w.api, "/api/v1/imports/users", w.token("adminP"));

        // when it is sent again with the same key (its answer was lost)
        Api.Res retry = new Multipart()
                .header("Idempotency-Key", key)
                .file("file", "nguoi-dung.xlsx", file)
                .post(w.api, "/api/v1/imports/users", w.token("adminP"));

        // then the first created the user and showed its password; the retry is a 409 that shows no password, and
        // the kept key holds no answer at all
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("initialPasswords")).hasSize(1);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.body()).doesNotContain("password\"").contains("mật khẩu chỉ hiện một lần");
        assertThat(jdbc.queryForObject(
                        "select count(*) from web_idempotency_key where idem_key = ? and withheld"
                                + " and body is null",
                        Integer.class,
                        key))
                .isEqualTo(1);
        assertThat(w.api.get("/api/v1/users?size=500", w.token("adminP"))
                        .json()
                        .get("content")
                        .valueStream()
                        .filter(u -> u.get("username").asString().equals(c))
                        .count())
                .isEqualTo(1);
    }

    @Autowired
    JdbcTemplate jdbc;
}
