package vn.dvk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/** The pages check access on the server, whatever the browser shows or hides. */
@Tag("matrix")
class PageAccessTests extends IntegrationTest {

    private World w;
    private long draftOfA;
    private long submittedProvinceModel;
    private String draftTitle;

    @BeforeEach
    void world() {
        w = new World(api());
        draftTitle = "Nháp riêng của xã A " + w.communeA;
        draftOfA = w.draft("reporterA", World.registration(draftTitle, w.communeA, "DISTRICT", "ECONOMY"));
        submittedProvinceModel = w.draft(
                "reporterA",
                World.registration("Đăng ký cấp tỉnh " + w.communeA, w.communeA, "PROVINCE", "CULTURE_SOCIETY"));
        assertThat(w.submit("reporterA", submittedProvinceModel).status()).isEqualTo(200);
    }

    private WebSession as(String key) {
        return WebSession.signedIn(api().base(), w.username(key), PASSWORD);
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        WebSession anonymous = new WebSession(api().base());
        for (String path : new String[] {"/", "/models", "/models/" + draftOfA, "/statistics", "/admin/units"}) {
            WebSession.Page page = anonymous.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
    }

    @Test
    void aReporterOfAnotherCommuneNeitherSeesNorChangesADraft() {
        WebSession reporterB = as("reporterB");
        assertThat(reporterB.get("/models/" + draftOfA).status()).isEqualTo(404);
        assertThat(reporterB.get("/models/" + draftOfA + "/edit").status()).isEqualTo(404);
        assertThat(reporterB.get("/models?q=" + Api.q(draftTitle)).body())
                .doesNotContain("href=\"/models/" + draftOfA + "\"")
                .contains("Không có mô hình nào phù hợp.");
        reporterB.get("/models");
        assertThat(reporterB.post("/models/" + draftOfA + "/submit", Map.of()).status())
                .isEqualTo(404);
        assertThat(w.api.get("/api/v1/models/" + draftOfA, w.token("reporterA"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
        // while its own reporter finds it by a search without accents
        assertThat(as("reporterA")
                        .get("/models?q=" + Api.q("nhap rieng cua xa a"))
                        .body())
                .contains("href=\"/models/" + draftOfA + "\"");
    }

    @Test
    void aViewerReadsButCannotAppraiseAndNobodyAppraisesAboveTheirLevel() {
        WebSession viewer = as("viewerP");
        assertThat(viewer.get("/models/" + submittedProvinceModel).status()).isEqualTo(200);
        assertThat(viewer.post("/models/" + submittedProvinceModel + "/appraisal", Map.of("decision", "ACCEPT"))
                        .status())
                .isEqualTo(403);
        WebSession district = as("appraiserD");
        district.get("/models/" + submittedProvinceModel);
        assertThat(district.post("/models/" + submittedProvinceModel + "/appraisal", Map.of("decision", "ACCEPT"))
                        .status())
                .isEqualTo(403);
        assertThat(w.api.get("/api/v1/models/" + submittedProvinceModel, w.token("reporterA"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void administrationPagesAreForAdministratorsOnly() {
        WebSession reporter = as("reporterA");
        assertThat(reporter.get("/admin/units").status()).isEqualTo(403);
        assertThat(reporter.get("/admin/users").status()).isEqualTo(403);
        assertThat(reporter.get("/admin/signing").status()).isEqualTo(403);
        assertThat(as("adminP").get("/admin/signing").body()).contains("Chứng thư số của đơn vị");
        assertThat(as("adminP").get("/admin/units").body()).contains(w.communeA);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        WebSession reporter = as("reporterA");
        assertThat(reporter.postRaw("/models/" + draftOfA + "/submit", Map.of()).status())
                .isEqualTo(403);
        assertThat(w.api.get("/api/v1/models/" + draftOfA, w.token("reporterA"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void anErrorPageKeepsTheMenuTheUserAndAWayBack() {
        // issue 18, point 11: an appraiser opening the registration form got a 403 page without the menu
        WebSession appraiser = as("appraiserD");
        WebSession.Page refused = appraiser.get("/models/new");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text())
                .contains("id=\"mainNav\"")
                .contains("href=\"/statistics\"")
                .contains("Người dùng appraiserD")
                .contains("/logout");
        // a page of a model that does not exist: 404, the same
        WebSession.Page missing = appraiser.get("/models/999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("id=\"mainNav\"").contains("Người dùng appraiserD");
    }

    @Test
    void theBellCountsOnesOwnNoticesAndNobodyElseReadsThem() {
        // given the province board accepted reporter A's registration
        assertThat(w.appraise("appraiserP", submittedProvinceModel, "ACCEPT", null)
                        .status())
                .isEqualTo(200);
        WebSession reporterA = as("reporterA");
        long id = w.api.get("/api/v1/notifications", w.token("reporterA"))
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asLong();

        // when reporter A opens the home page and the list, and reporter B tries to mark A's notice read
        WebSession.Page home = reporterA.get("/");
        WebSession.Page list = reporterA.get("/notifications");
        WebSession reporterB = as("reporterB");
        reporterB.get("/notifications");
        WebSession.Page byB = reporterB.post("/notifications/" + id + "/read", Map.of());

        // then A's bell shows one unread notice and the list names the model; B is answered 404 and sees none
        assertThat(home.text()).contains("href=\"/notifications\"").contains("1 thông báo chưa đọc");
        assertThat(list.text()).contains("Đăng ký cấp tỉnh " + w.communeA).contains("đã được thẩm định: ghi nhận");
        assertThat(byB.status()).isEqualTo(404);
        assertThat(reporterB.get("/notifications").text())
                .contains("Chưa có thông báo nào.")
                .doesNotContain("thông báo chưa đọc");
        // and when A opens it, it leads to the model and the bell is empty
        WebSession.Page opened = reporterA.post("/notifications/" + id + "/read", Map.of());
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).endsWith("/models/" + submittedProvinceModel);
        assertThat(reporterA.get("/notifications").text()).doesNotContain("thông báo chưa đọc");
    }

    @Test
    void aFormWithAMissingFieldShowsTheMessageBesideItAndKeepsWhatWasTyped() {
        WebSession reporter = as("reporterA");
        reporter.get("/models/new");
        WebSession.Page page = reporter.post(
                "/models",
                Map.of(
                        "title",
                        "",
                        "field",
                        "ECONOMY",
                        "unitCode",
                        w.communeA,
                        "level",
                        "COMMUNE",
                        "year",
                        "2024",
                        "holderType",
                        "COLLECTIVE",
                        "holderName",
                        "Chi đoàn thôn 3",
                        "origin",
                        "NEW",
                        "summary",
                        "Nội dung đã gõ"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("id=\"title-error\"")
                .contains("Bắt buộc nhập.")
                .contains("Chi đoàn thôn 3")
                .contains("Nội dung đã gõ");
    }

    @Test
    void theSignInPageAnswers429AfterRepeatedFailures() {
        WebSession s = new WebSession(api().base());
        String victim = w.username("reporterB");
        for (int i = 0; i < 5; i++) {
            WebSession.Page failed = s.signIn(victim, "wrong-password-" + i);
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.location()).contains("/login?error");
        }
        WebSession.Page locked = s.signIn(victim, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body()).contains("Đăng nhập sai quá nhiều lần");
    }
}
