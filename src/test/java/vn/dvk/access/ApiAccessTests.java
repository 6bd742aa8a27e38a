package vn.dvk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

/** Who may see and do what through the API: subtrees, levels, roles, tokens, and the sign-in throttle. */
@Tag("matrix")
class ApiAccessTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private World w;
    private Api api;
    private String district2;
    private String communeC;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
        // a second branch of the same province: another district with its own commune and boards
        district2 = w.unit(Api.unique("D2-"), "Huyện thứ hai", "DISTRICT", "AREA", w.province);
        communeC = w.unit(Api.unique("C2-"), "Xã C", "COMMUNE", "AREA", district2);
        w.user("appraiserD2", district2, "APPRAISER");
        w.user("approverD2", district2, "APPROVER");
    }

    @Test
    void aReporterNeverReadsListsEditsOrSubmitsAnotherCommunesDraft() {
        // given a draft of commune A
        long id = w.draft("reporterA", World.registration("Vận động hiến đất", w.communeA, "DISTRICT", "ECONOMY"));
        long ownB = w.draft("reporterB", World.registration("Mô hình của xã B", w.communeB, "DISTRICT", "ECONOMY"));
        JsonNode before = api.get("/api/v1/models/" + id, w.token("reporterA")).json();
        String b = w.token("reporterB");

        // when the reporter of commune B reads, lists, edits and submits it
        Api.Res read = api.get("/api/v1/models/" + id, b);
        List<Long> listed = ids(api.get("/api/v1/models?size=200", b));
        Map<String, Object> edit = World.registration("Đổi tên", w.communeA, "DISTRICT", "ECONOMY");
        edit.put("version", before.get("version").asLong());
        Api.Res edited = api.put("/api/v1/models/" + id, edit, b);
        Api.Res submitted = api.post("/api/v1/models/" + id + "/submit", null, b);
        Api.Res timeline = api.get("/api/v1/models/" + id + "/timeline", b);
        int printed =
                api.getBytes("/api/v1/models/" + id + "/registration.pdf", b).status();

        // then every answer is 404, as if the draft did not exist, and the list leaves it out
        assertNotFound(read);
        assertNotFound(edited);
        assertNotFound(submitted);
        assertNotFound(timeline);
        assertThat(printed).isEqualTo(404);
        assertThat(listed).doesNotContain(id).contains(ownB);
        // and the draft is exactly as it was
        JsonNode after = api.get("/api/v1/models/" + id, w.token("reporterA")).json();
        assertThat(after.get("status").asString()).isEqualTo("DRAFT");
        assertThat(after.get("title").asString()).isEqualTo("Vận động hiến đất");
        assertThat(after.get("version").asLong())
                .isEqualTo(before.get("version").asLong());
        assertThat(actions(id, "reporterA")).containsExactly("CREATE");
    }

    @Test
    void aReporterOfCommuneASeesNothingOfCommuneB() {
        // given a model of commune B that was submitted and accepted
        long id = w.draft("reporterB", World.registration("Mô hình xã B", w.communeB, "DISTRICT", "CULTURE_SOCIETY"));
        w.submit("reporterB", id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        String a = w.token("reporterA");

        // when the reporter of commune A looks for it in every way
        Api.Res read = api.get("/api/v1/models/" + id, a);
        Api.Res timeline = api.get("/api/v1/models/" + id + "/timeline", a);
        Api.Res proposals = api.get("/api/v1/models/" + id + "/recognition-proposals", a);
        List<Long> listed = ids(api.get("/api/v1/models?size=200", a));
        Api.Res filtered = api.get("/api/v1/models?unit=" + w.communeB, a);
        Api.Res propose = api.post(
                "/api/v1/models/" + id + "/recognition-proposals", Map.of("level", "DISTRICT", "year", 2024), a);
        Api.Res registerThere =
                api.post("/api/v1/models", World.registration("Đăng ký hộ xã B", w.communeB, "DISTRICT", "ECONOMY"), a);
        Api.Res unit = api.get("/api/v1/units/" + w.communeB, a);

        // then it never shows: 404 on the model, a list without it, a refused filter and registration
        assertNotFound(read);
        assertNotFound(timeline);
        assertNotFound(proposals);
        assertNotFound(propose);
        assertNotFound(unit);
        assertThat(listed).doesNotContain(id);
        assertThat(filtered.status()).isEqualTo(400);
        assertThat(filtered.errorFields()).containsExactly("unit");
        assertThat(registerThere.status()).isEqualTo(400);
        assertThat(registerThere.errorFields()).containsExactly("unitCode");
        // while the province's reporter, whose subtree holds commune B, does see it
        assertThat(api.get("/api/v1/models/" + id, w.token("reporterP")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/models/" + id, w.token("reporterA")).status())
                .isEqualTo(404);
        assertThat(ids(api.get("/api/v1/models?unit=" + w.district + "&size=200", w.token("reporterP"))))
                .contains(id);
    }

    @Test
    void anAppraiserActsOnlyUnderItsUnitAndAtItsLevelOrBelow() {
        // given submitted registrations of commune A: one seeking province-level, two district-level recognition
        long provinceTarget = submitted("PROVINCE");
        long districtTarget = submitted("DISTRICT");
        long districtTarget2 = submitted("DISTRICT");

        // when the district's board appraises the province-level registration
        Api.Res tooLow = w.appraise("appraiserD", provinceTarget, "ACCEPT", null);
        // and the board of another district appraises a district-level one of this district
        Api.Res otherBranch = w.appraise("appraiserD2", districtTarget, "ACCEPT", null);
        // and a reporter tries to appraise
        Api.Res notAppraiser = w.appraise("reporterA", districtTarget, "ACCEPT", null);

        // then the first is forbidden, the second does not even see the model, the third is forbidden
        assertThat(tooLow.status()).isEqualTo(403);
        assertProblem(tooLow);
        assertNotFound(otherBranch);
        assertThat(api.get("/api/v1/models/" + districtTarget, w.token("appraiserD2"))
                        .status())
                .isEqualTo(404);
        assertThat(notAppraiser.status()).isEqualTo(403);
        // and nothing moved
        assertThat(status(provinceTarget)).isEqualTo("SUBMITTED");
        assertThat(status(districtTarget)).isEqualTo("SUBMITTED");
        assertThat(actions(provinceTarget, "reporterA")).noneMatch(a -> a.startsWith("APPRAISE_"));

        // when the right boards act: the district's on its level, the province's on both levels
        assertThat(w.appraise("appraiserD", districtTarget, "ACCEPT", null).status())
                .isEqualTo(200);
        assertThat(w.appraise("appraiserP", provinceTarget, "ACCEPT", null).status())
                .isEqualTo(200);
        assertThat(w.appraise("appraiserP", districtTarget2, "REJECT", "Chưa đạt")
                        .status())
                .isEqualTo(200);

        // then each decision took effect
        assertThat(status(districtTarget)).isEqualTo("ACCEPTED");
        assertThat(status(provinceTarget)).isEqualTo("ACCEPTED");
        assertThat(status(districtTarget2)).isEqualTo("REJECTED");
    }

    @Test
    void aDistrictApproverCannotDecideAProvinceLevelProposal() {
        // given an accepted model of commune A proposed for province-level recognition
        long id = accepted();
        long proposal = propose(id, "PROVINCE");

        // when the district's approver and another district's approver try to decide it
        Api.Res district = decide(proposal, "approverD");
        Api.Res otherBranch = decide(proposal, "approverD2");

        // then the first is forbidden and the second does not see it; the proposal is still pending
        assertThat(district.status()).isEqualTo(403);
        assertProblem(district);
        assertNotFound(otherBranch);
        assertThat(api.get("/api/v1/recognition-proposals/" + proposal, w.token("approverP"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");
        assertThat(status(id)).isEqualTo("PROPOSED");

        // when the province's approver decides it, and a district-level proposal of another model
        Api.Res province = decide(proposal, "approverP");
        long other = propose(accepted(), "DISTRICT");
        Api.Res provinceOnDistrictLevel = decide(other, "approverP");

        // then both are recognized
        assertThat(province.status()).isEqualTo(200);
        assertThat(province.json().get("status").asString()).isEqualTo("RECOGNIZED");
        assertThat(provinceOnDistrictLevel.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/models/" + id, w.token("reporterA"))
                        .json()
                        .get("recognizedLevel")
                        .asString())
                .isEqualTo("PROVINCE");
    }

    @Test
    void aViewerReadsButEveryWriteIsRefusedAndNothingChanges() {
        // given a submitted model, an accepted model with a pending proposal, and what the admin sees
        long submittedId = submitted("DISTRICT");
        long acceptedId = accepted();
        long proposal = propose(acceptedId, "DISTRICT");
        String viewer = w.token("viewerP");
        JsonNode submittedBefore =
                api.get("/api/v1/models/" + submittedId, w.token("reporterA")).json();
        JsonNode acceptedBefore =
                api.get("/api/v1/models/" + acceptedId, w.token("reporterA")).json();
        long modelsBefore = total(api.get("/api/v1/models?unit=" + w.province, w.token("reporterP")));
        long usersBefore = total(api.get("/api/v1/users", w.token("adminP")));
        long unitsBefore = total(api.get("/api/v1/units?under=" + w.province, w.token("adminP")));
        int timelineBefore = actions(submittedId, "reporterA").size();

        // when the viewer reads
        Api.Res read = api.get("/api/v1/models/" + submittedId, viewer);
        Api.Res list = api.get("/api/v1/models?unit=" + w.province + "&size=200", viewer);
        Api.Res stats = api.get("/api/v1/statistics?unit=" + w.province + "&year=2024", viewer);

        // then reading works
        assertThat(read.status()).isEqualTo(200);
        assertThat(ids(list)).contains(submittedId, acceptedId);
        assertThat(stats.status()).isEqualTo(200);

        // when the viewer tries every kind of write
        Map<String, Object> edit = World.registration("Sửa bởi người xem", w.communeA, "DISTRICT", "ECONOMY");
        edit.put("version", submittedBefore.get("version").asLong());
        Map<String, Api.Res> writes = new LinkedHashMap<>();
        writes.put(
                "create model",
                api.post(
                        "/api/v1/models",
                        World.registration("Mô hình của người xem", w.communeA, "DISTRICT", "ECONOMY"),
                        viewer));
        writes.put("edit", api.put("/api/v1/models/" + submittedId, edit, viewer));
        writes.put("submit", api.post("/api/v1/models/" + submittedId + "/submit", null, viewer));
        writes.put(
                "appraise",
                api.post("/api/v1/models/" + submittedId + "/appraisal", Map.of("decision", "ACCEPT"), viewer));
        writes.put(
                "propose",
                api.post(
                        "/api/v1/models/" + acceptedId + "/recognition-proposals",
                        Map.of("level", "PROVINCE", "year", 2024),
                        viewer));
        writes.put(
                "score",
                api.post(
                        "/api/v1/recognition-proposals/" + proposal + "/scores",
                        Map.of("scores", List.of(Map.of("criterion", "TC1", "points", 10))),
                        viewer));
        writes.put(
                "vote",
                api.post("/api/v1/recognition-proposals/" + proposal + "/ballot", Map.of("vote", "AGREE"), viewer));
        writes.put(
                "decide",
                api.post(
                        "/api/v1/recognition-proposals/" + proposal + "/decision",
                        Map.of("decision", "RECOGNIZE", "decisionNumber", "1/QĐ", "decisionDate", "2024-12-01"),
                        viewer));
        writes.put(
                "review",
                api.post(
                        "/api/v1/models/" + acceptedId + "/reviews",
                        Map.of("year", 2024, "outcome", "RETIRE", "comment", "Hết hiệu quả"),
                        viewer));
        writes.put(
                "progress",
                api.post(
                        "/api/v1/models/" + acceptedId + "/progress-reports",
                        Map.of(
                                "asOf",
                                "2024-06-30",
                                "indicators",
                                List.of(Map.of("code", "HO", "value", 5)),
                                "narrative",
                                "Kết quả"),
                        viewer));
        writes.put(
                "commend",
                api.post(
                        "/api/v1/commendations",
                        Map.of(
                                "form",
                                "GIAY_KHEN",
                                "recipientType",
                                "COLLECTIVE",
                                "recipientName",
                                "Hội Nông dân",
                                "unitCode",
                                w.communeA,
                                "issuerUnitCode",
                                w.province,
                                "decisionNumber",
                                "9/QĐ",
                                "decisionDate",
                                "2024-12-01"),
                        viewer));
        writes.put(
                "create unit",
                api.post(
                        "/api/v1/units",
                        Map.of(
                                "code",
                                Api.unique("V"),
                                "name",
                                "Xã mới",
                                "level",
                                "COMMUNE",
                                "kind",
                                "AREA",
                                "parentCode",
                                w.district),
                        viewer));
        writes.put(
                "create user",
                api.post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                Api.unique("viewermade"),
                                "password",
                                PASSWORD,
                                "fullName",
                                "Ai đó",
                                "unitCode",
                                w.province,
                                "roles",
                                List.of("ADMIN")),
                        viewer));
        writes.put("list users", api.get("/api/v1/users", viewer));
        String certificate = "/api/v1/units/" + w.province + "/signing-certificate";
        writes.put(
                "upload signing certificate",
                new Multipart()
                        .file("file", "khoa.p12", new byte[] {48, 3, 2, 1, 3})
                        .field("password", "mat-khau")
                        .post(api, certificate, viewer));
        writes.put("read signing certificate", api.get(certificate, viewer));
        writes.put("remove signing certificate", api.delete(certificate, viewer));

        // then each is refused with 403 or 404, as a problem
        writes.forEach((what, r) -> {
            assertThat(r.status()).as(what + ": " + r.body()).isIn(403, 404);
            assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        });
        // and nothing changed
        JsonNode submittedAfter =
                api.get("/api/v1/models/" + submittedId, w.token("reporterA")).json();
        JsonNode acceptedAfter =
                api.get("/api/v1/models/" + acceptedId, w.token("reporterA")).json();
        assertThat(submittedAfter.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submittedAfter.get("version").asLong())
                .isEqualTo(submittedBefore.get("version").asLong());
        assertThat(submittedAfter.get("title").asString())
                .isEqualTo(submittedBefore.get("title").asString());
        assertThat(acceptedAfter.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(acceptedAfter.get("version").asLong())
                .isEqualTo(acceptedBefore.get("version").asLong());
        assertThat(actions(submittedId, "reporterA")).hasSize(timelineBefore);
        JsonNode p = api.get("/api/v1/recognition-proposals/" + proposal, w.token("approverP"))
                .json();
        assertThat(p.get("status").asString()).isEqualTo("PENDING");
        assertThat(p.get("scoreSheets").asInt()).isZero();
        assertThat(api.get("/api/v1/models/" + acceptedId + "/recognition-proposals", w.token("reporterA"))
                        .json())
                .hasSize(1);
        assertThat(api.get("/api/v1/models/" + acceptedId + "/progress-reports", w.token("reporterA"))
                        .json())
                .isEmpty();
        assertThat(total(api.get("/api/v1/models?unit=" + w.province, w.token("reporterP"))))
                .isEqualTo(modelsBefore);
        assertThat(total(api.get("/api/v1/users", w.token("adminP")))).isEqualTo(usersBefore);
        assertThat(total(api.get("/api/v1/units?under=" + w.province, w.token("adminP"))))
                .isEqualTo(unitsBefore);
        JsonNode stats2 = api.get("/api/v1/statistics?unit=" + w.province + "&year=2024", w.token("adminP"))
                .json();
        assertThat(stats2.get("commendations")
                        .get("byForm")
                        .get("GIAY_KHEN")
                        .get("COLLECTIVE")
                        .asLong())
                .isZero();
    }

    @Test
    void anonymousCallsAndForgedExpiredOrRevokedTokensGet401Problems() throws Exception {
        // given a user with a fresh token that works
        String username = newUser(w.communeA, "REPORTER");
        String expiring = api.token(username, PASSWORD);
        String revoked = api.token(username, PASSWORD);
        assertThat(api.get("/api/v1/models", expiring).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/models", revoked).status()).isEqualTo(200);

        // when one token expires and the other is revoked by its holder
        jdbc.update(
                "update account_token set expires_at = ? where token_hash = ?",
                Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)),
                sha256(expiring));
        assertThat(api.delete("/api/v1/auth/token", revoked).status()).isEqualTo(204);

        // then calls without a token, with a forged, malformed, expired or revoked one answer 401 problems
        Map<String, Api.Res> calls = new LinkedHashMap<>();
        calls.put("anonymous list", api.get("/api/v1/models", null));
        calls.put("anonymous unit", api.get("/api/v1/units/TW", null));
        calls.put("anonymous statistics", api.get("/api/v1/statistics?unit=TW&year=2024", null));
        calls.put("anonymous vote", api.post("/api/v1/recognition-proposals/1/ballot", Map.of("vote", "AGREE"), null));
        calls.put(
                "anonymous create",
                api.post("/api/v1/models", World.registration("Ẩn danh", w.communeA, "DISTRICT", "ECONOMY"), null));
        calls.put(
                "anonymous user",
                api.post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                Api.unique("anon"),
                                "password",
                                PASSWORD,
                                "fullName",
                                "X",
                                "unitCode",
                                "TW",
                                "roles",
                                List.of("ADMIN")),
                        null));
        calls.put("anonymous signing certificate", api.get("/api/v1/units/TW/signing-certificate", null));
        calls.put(
                "anonymous verify",
                new Multipart()
                        .file("file", "van-ban.pdf", Multipart.pdf())
                        .post(api, "/api/v1/documents/verify", null));
        calls.put("anonymous notifications", api.get("/api/v1/notifications", null));
        calls.put("anonymous notification read", api.post("/api/v1/notifications/1/read", null, null));
        calls.put("forged", api.get("/api/v1/models", "dGhpcy1pcy1ub3QtYS1yZWFsLXRva2VuLWF0LWFsbA"));
        calls.put("forged long", api.get("/api/v1/models", "x".repeat(5000)));
        calls.put("not bearer", api.getWithAuthorization("/api/v1/models", "Basic YWRtaW46YWRtaW4="));
        calls.put("empty bearer", api.getWithAuthorization("/api/v1/models", "Bearer "));
        calls.put("expired", api.get("/api/v1/models", expiring));
        calls.put("revoked", api.get("/api/v1/models", revoked));
        calls.put(
                "revoked write",
                api.post(
                        "/api/v1/models",
                        World.registration("Sau khi thu hồi", w.communeA, "DISTRICT", "ECONOMY"),
                        revoked));
        calls.forEach((what, r) -> {
            assertThat(r.status()).as(what).isEqualTo(401);
            assertThat(r.contentType()).as(what).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).as(what).isEqualTo(401);
        });
        // and nothing was created by them
        assertThat(ids(api.get("/api/v1/models?unit=" + w.communeA + "&q=" + Api.q("Ẩn danh"), w.token("reporterA"))))
                .isEmpty();
        assertThat(ids(api.get(
                        "/api/v1/models?unit=" + w.communeA + "&q=" + Api.q("Sau khi thu hồi"), w.token("reporterA"))))
                .isEmpty();
        // and a new sign-in still works
        assertThat(api.get("/api/v1/models", api.token(username, PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void aDisabledUsersTokenStopsWorking() {
        // given a reporter with a working token
        String username = newUser(w.communeA, "REPORTER");
        String token = api.token(username, PASSWORD);
        Api.Res me = api.get("/api/v1/users/me", token);
        assertThat(me.status()).isEqualTo(200);
        long userId = me.json().get("userId").asLong();

        // when the province's admin disables the user
        Api.Res disabled = api.post("/api/v1/users/" + userId + "/disable", null, w.token("adminP"));

        // then the token stops working at once, and signing in again is refused
        assertThat(disabled.status()).isEqualTo(204);
        Api.Res after = api.get("/api/v1/models", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(api.post(
                                "/api/v1/models",
                                World.registration("Sau khi khóa", w.communeA, "DISTRICT", "ECONOMY"),
                                token)
                        .status())
                .isEqualTo(401);
        Api.Res signIn = api.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD), null);
        assertThat(signIn.status()).isEqualTo(401);
        assertThat(signIn.json().has("token")).isFalse();
    }

    @Test
    void statisticsOfAUnitOutsideTheCallersSubtreeAre404() {
        // given a reporter of commune A and a viewer of the province
        String a = w.token("reporterA");
        String viewer = w.token("viewerP");

        // when each asks for statistics inside and outside its subtree
        // then its own subtree answers and everything else is 404, ancestors and siblings alike
        assertThat(api.get("/api/v1/statistics?unit=" + w.communeA + "&year=2024", a)
                        .status())
                .isEqualTo(200);
        for (String outside : List.of(w.communeB, w.district, w.province, "TW", communeC)) {
            Api.Res r = api.get("/api/v1/statistics?unit=" + outside + "&year=2024", a);
            assertNotFound(r);
        }
        assertThat(api.get("/api/v1/statistics?unit=" + communeC + "&year=2024", viewer)
                        .status())
                .isEqualTo(200);
        assertNotFound(api.get("/api/v1/statistics?unit=TW&year=2024", viewer));
        assertNotFound(api.get("/api/v1/statistics?unit=" + w.province + "&year=2024", w.token("appraiserD2")));
        assertNotFound(api.get("/api/v1/statistics?unit=" + Api.unique("NOPE") + "&year=2024", viewer));
    }

    @Test
    void fiveWrongPasswordsThrottleTheSixthAttemptEvenWithTheRightPassword() {
        // given a user and a bystander
        String username = newUser(w.communeA, "REPORTER");
        String bystander = newUser(w.communeB, "REPORTER");

        // when five wrong passwords are tried for the user
        for (int i = 0; i < 5; i++) {
            Api.Res wrong =
                    api.post("/api/v1/auth/token", Map.of("username", username, "password", "sai-mat-khau-" + i), null);
            assertThat(wrong.status()).as("attempt " + (i + 1)).isEqualTo(401);
            assertThat(wrong.contentType()).startsWith("application/problem+json");
        }
        // and the sixth attempt brings the right password
        Api.Res sixth = api.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD), null);

        // then it is answered 429 with Retry-After, and no token
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isPositive();
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        assertThat(sixth.json().has("token")).isFalse();
        assertThat(sixth.json().get("detail").asString())
                .doesNotContain("signin.")
                .contains(sixth.header("Retry-After"));
        // and the username is matched however it is spelled
        assertThat(api.post(
                                "/api/v1/auth/token",
                                Map.of("username", " " + username.toUpperCase() + " ", "password", PASSWORD),
                                null)
                        .status())
                .isEqualTo(429);
        // while another user signs in as usual
        assertThat(api.post("/api/v1/auth/token", Map.of("username", bystander, "password", PASSWORD), null)
                        .status())
                .isEqualTo(200);
    }

    private long submitted(String level) {
        long id = w.draft("reporterA", World.registration("Mô hình " + level, w.communeA, level, "ECONOMY"));
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        return id;
    }

    private long accepted() {
        long id = submitted("DISTRICT");
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        return id;
    }

    private long propose(long id, String level) {
        Api.Res r = api.post(
                "/api/v1/models/" + id + "/recognition-proposals",
                Map.of("level", level, "year", 2024),
                w.token("reporterA"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Api.Res decide(long proposal, String approverKey) {
        return api.post(
                "/api/v1/recognition-proposals/" + proposal + "/decision",
                Map.of("decision", "RECOGNIZE", "decisionNumber", "12/QĐ-BCĐ", "decisionDate", "2024-12-10"),
                w.token(approverKey));
    }

    private String status(long id) {
        return api.get("/api/v1/models/" + id, w.token("reporterP"))
                .json()
                .get("status")
                .asString();
    }

    private List<String> actions(long id, String key) {
        return api.get("/api/v1/models/" + id + "/timeline", w.token(key))
                .json()
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }

    private String newUser(String unit, String role) {
        String username = Api.unique("u" + role.toLowerCase());
        Api.Res r = api.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        username,
                        "password",
                        PASSWORD,
                        "fullName",
                        "Người dùng thử",
                        "unitCode",
                        unit,
                        "roles",
                        List.of(role)),
                w.token("adminP"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return username;
    }

    private static List<Long> ids(Api.Res page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json()
                .get("content")
                .valueStream()
                .map(m -> m.get("id").asLong())
                .toList();
    }

    private static long total(Api.Res page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("page").get("totalElements").asLong();
    }

    private static void assertNotFound(Api.Res r) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertProblem(r);
    }

    private static void assertProblem(Api.Res r) {
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
