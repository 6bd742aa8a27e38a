package vn.dvk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * One input contract: a page's form and the API refuse the same input with the same message, because the page checks
 * the API's own request record; and the page shows it beside the field and saves nothing.
 */
class InputContractTests extends IntegrationTest {

    private static final String TOO_LONG = "x".repeat(4001);

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    /** The message the API gives for a field of a refused request (400, problem details). */
    private static String apiMessage(Api.Res r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        for (var e : r.json().get("errors")) {
            if (e.get("field").asString().equals(field)) {
                return e.get("message").asString();
            }
        }
        throw new AssertionError("no error on " + field + ": " + r.body());
    }

    /** A text as Thymeleaf writes it ({@code th:text} escapes only the markup characters). */
    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Test
    void aUnitCodeTheApiRefusesIsRefusedByThePageWithTheSameMessageBesideTheField() {
        String code = Api.unique("_XT"); // a code must begin with a letter or a digit
        Map<String, Object> body =
                Map.of("code", code, "name", "Xã thử", "level", "COMMUNE", "kind", "AREA", "parentCode", w.district);
        String message = apiMessage(api().post("/api/v1/units", body, w.adminToken), "code");

        WebSession admin = WebSession.signedIn(api().base(), w.username("adminP"), PASSWORD);
        admin.get("/admin/units");
        Map<String, String> form = new LinkedHashMap<>();
        body.forEach((k, v) -> form.put(k, v.toString()));
        WebSession.Page page = admin.post("/admin/units", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"invalid-feedback\">" + html(message));
        assertThat(api().get("/api/v1/units/" + code, w.adminToken).status()).isEqualTo(404);
    }

    @Test
    void aShortPasswordIsRefusedByTheUserFormAsByTheApi() {
        Map<String, Object> body = Map.of(
                "username",
                Api.unique("ngan"),
                "password",
                "ngan",
                "fullName",
                "Người dùng thử",
                "unitCode",
                w.province,
                "roles",
                List.of("VIEWER"));
        String message = apiMessage(api().post("/api/v1/users", body, w.adminToken), "password");
        assertThat(message).contains("12").contains("128");

        WebSession admin = WebSession.signedIn(api().base(), w.username("adminP"), PASSWORD);
        admin.get("/admin/users");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", body.get("username").toString());
        form.put("password", "ngan");
        form.put("fullName", "Người dùng thử");
        form.put("unitCode", w.province);
        form.put("roles", "VIEWER");
        WebSession.Page page = admin.post("/admin/users", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"invalid-feedback\">" + html(message));
        assertThat(admin.get("/admin/users").text())
                .doesNotContain(body.get("username").toString());
    }

    @Test
    void anAppraisalCommentTooLongForTheApiIsTooLongForThePageAndTheModelStaysSubmitted() {
        long id =
                w.draft("reporterA", World.registration("Đường làng " + w.communeA, w.communeA, "DISTRICT", "ECONOMY"));
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        String message = apiMessage(w.appraise("appraiserD", id, "ACCEPT", TOO_LONG), "comment");
        assertThat(message).contains("4.000");

        WebSession appraiser = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        appraiser.get("/models/" + id);
        WebSession.Page answer =
                appraiser.post("/models/" + id + "/appraisal", Map.of("decision", "ACCEPT", "comment", TOO_LONG));
        assertThat(answer.status()).isEqualTo(302);
        String page = appraiser.get("/models/" + id).text();

        assertThat(page).contains(html(message));
        assertThat(api().get("/api/v1/models/" + id, w.token("appraiserD"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void aProposalForAYearOutsideTheMovementIsRefusedAlikeByThePageAndTheApi() {
        long id = w.draft("reporterA", World.registration("Chợ sạch " + w.communeA, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", "Đạt").status()).isEqualTo(200);
        String message = apiMessage(
                api().post(
                                "/api/v1/models/" + id + "/recognition-proposals",
                                Map.of("level", "DISTRICT", "year", 1990),
                                w.token("appraiserD")),
                "year");

        WebSession appraiser = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        appraiser.get("/models/" + id);
        WebSession.Page answer =
                appraiser.post("/models/" + id + "/proposals", Map.of("level", "DISTRICT", "year", "1990"));
        assertThat(answer.status()).isEqualTo(302);

        assertThat(appraiser.get("/models/" + id).text()).contains(html(message));
        assertThat(api().get("/api/v1/models/" + id + "/recognition-proposals", w.token("appraiserD"))
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void aReorganizationNoteTooLongIsRefusedAlikeByThePreviewAndTheApi() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "MERGE");
        body.put("effectiveDate", "2025-07-01");
        body.put("from", List.of(w.communeA, w.communeB));
        body.put("to", List.of(Map.of("code", w.communeA)));
        body.put("note", TOO_LONG);
        String message = apiMessage(api().post("/api/v1/reorganizations", body, w.adminToken), "note");

        WebSession admin = WebSession.signedIn(api().base(), w.username("adminP"), PASSWORD);
        admin.get("/admin/reorganizations");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "MERGE");
        form.put("effectiveDate", "2025-07-01");
        form.put("from", w.communeA + "\n" + w.communeB);
        form.put("to", w.communeA);
        form.put("note", TOO_LONG);
        WebSession.Page preview = admin.post("/admin/reorganizations/preview", form);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains(html(message));
    }
}
