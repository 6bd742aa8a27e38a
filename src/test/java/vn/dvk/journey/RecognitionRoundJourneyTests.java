package vn.dvk.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.dvk.recognition.RoundFixture;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.PdfText;

/**
 * Two council members score three proposals in the browser (the Women's Union member is recused automatically
 * on the union's own model); the approver sees the ranking, recognizes the two above the threshold and opens
 * the decision as PDF.
 */
@Tag("journey")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecognitionRoundJourneyTests extends IntegrationTest {

    private Browser browser;
    private RoundFixture f;

    @BeforeAll
    void open() {
        browser = new Browser(api().base());
        f = new RoundFixture(api());
        f.proposeXandY();
        f.proposeZ();
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void twoMembersScoreTheApproverRanksRecognizesTheTwoAboveTheThresholdAndOpensTheDecision() {
        // given the province approver, who opens the round and forms the council in the pages
        Page approver = browser.signIn(f.w.username("approverP"), PASSWORD);
        approver.locator("nav").getByText("Xét công nhận").click();
        approver.getByLabel("Năm").fill("2024");
        approver.getByLabel("Kết thúc chấm").fill(LocalDate.now().plusDays(30).toString());
        approver.getByLabel("Cơ quan ban hành quyết định").fill("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh");
        Browser.shot(approver, "round-new");
        approver.locator("#new-round button[type=submit]").click();
        assertThat(approver.locator("h1")).hasText("Xét công nhận mô hình \"Dân vận khéo\" cấp tỉnh năm 2024");
        assertThat(approver.locator("main dl")).containsText("Điểm trung bình chuẩn hóa");
        String roundUrl = approver.url();
        approver.locator("#cand-" + f.w.username("scorerP")).check();
        approver.locator("#cand-" + f.w.username("scorerWU")).check();
        approver.locator("#add-members button[type=submit]").click();
        assertThat(approver.locator("#members li")).hasCount(2);
        approver.locator("#assign button[type=submit]").click();
        assertThat(approver.locator("#line-" + f.proposalZ)).containsText("Miễn chấm (tự động)");

        // when the province member scores the three proposals: X 85, Y 60, Z 90
        Page p = browser.signIn(f.w.username("scorerP"), PASSWORD);
        p.navigate(roundUrl);
        score(p, f.proposalX, "17", null);
        score(p, f.proposalY, "12", null);
        score(p, f.proposalZ, "18", null);
        assertThat(p.locator("#task-" + f.proposalZ + " .submitted")).containsText("tổng điểm 90");

        // and the Women's Union member, recused on the union's own model, scores X 80 and Y 55,
        // first forgetting the comment that a low mark needs
        Page u = browser.signIn(f.w.username("scorerWU"), PASSWORD);
        u.navigate(roundUrl);
        assertThat(u.locator("#task-" + f.proposalZ + " .recused")).containsText("Miễn chấm tự động");
        assertThat(u.locator("#sheet-" + f.proposalZ)).hasCount(0);
        score(u, f.proposalX, "16", null);
        Locator y = u.locator("#task-" + f.proposalY);
        for (String code : RoundFixture.CODES) {
            y.locator("#pts-" + f.proposalY + "-" + code).fill(code.equals("HQ") ? "7" : "12");
        }
        y.locator("button[type=submit]").first().click();
        assertThat(u.locator("#task-" + f.proposalY + " .invalid-feedback").last())
                .containsText("Cần ý kiến khi có tiêu chí chấm dưới 50% điểm tối đa");
        Browser.shot(u, "round-sheet-error");
        u.locator("#comment-" + f.proposalY).fill("Hiệu quả chưa đo đếm được.");
        u.locator("#task-" + f.proposalY + " form button[type=submit]").first().click();
        assertThat(u.locator("#task-" + f.proposalY + " .submitted")).containsText("tổng điểm 55");
        Browser.shot(u, "round-member");

        // then the approver sees Z first, X second, Y third; Z and X pass and are ticked
        approver.navigate(roundUrl);
        Locator rows = approver.locator("#results-table tbody tr");
        assertThat(rows.nth(0)).containsText(f.titleZ);
        assertThat(rows.nth(1)).containsText(f.titleX);
        assertThat(rows.nth(2)).containsText(f.titleY);
        assertThat(rows.nth(0).locator(".rank")).hasText("1");
        assertThat(rows.nth(1)).containsText("84,5");
        assertThat(rows.nth(2)).containsText("Không đạt");
        assertThat(approver.locator("#recognize-" + f.proposalZ)).isChecked();
        assertThat(approver.locator("#recognize-" + f.proposalX)).isChecked();
        assertThat(approver.locator("#recognize-" + f.proposalY)).not().isChecked();
        Browser.shot(approver, "round-results");

        // when the approver issues the decision for the ticked two
        approver.getByLabel("Số quyết định").fill("127-QĐ/BCĐ");
        approver.getByLabel("Ngày quyết định").fill("2024-10-10");
        approver.locator("#decision button[type=submit]").click();

        // then both are recognized, Y still waits, and the decision opens as a PDF listing X and Z only
        assertThat(approver.locator("#round-decision")).containsText("127-QĐ/BCĐ");
        assertThat(approver.locator("#result-" + f.proposalX)).containsText("Được công nhận");
        assertThat(approver.locator("#result-" + f.proposalZ)).containsText("Được công nhận");
        assertThat(approver.locator("#result-" + f.proposalY)).containsText("Chờ quyết định");
        String href = approver.locator("#decision-pdf").getAttribute("href");
        APIResponse pdf = approver.request().get(browser.url(href));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        String text = PdfText.flat(pdf.body());
        assertThat(text)
                .contains("QUYẾT ĐỊNH")
                .contains("Số 127-QĐ/BCĐ")
                .contains("Công nhận 2 mô hình")
                .contains("Hướng dẫn xét công nhận mô hình")
                .contains(f.w.communeA)
                .contains(f.womenUnion)
                .doesNotContain("giải phóng mặt bằng");
        // and the statistics count the two recognitions at province level
        JsonNode stats = api().get("/api/v1/statistics?unit=" + f.w.province + "&year=2024", f.w.token("viewerP"))
                .json();
        assertThat(stats.get("recognized").asInt()).isEqualTo(2);
        assertThat(stats.get("recognizedByLevel").get("PROVINCE").asInt()).isEqualTo(2);
        assertThat(stats.get("proposed").asInt()).isEqualTo(3);
    }

    private static void score(Page page, long proposal, String each, String comment) {
        Locator task = page.locator("#task-" + proposal);
        for (String code : RoundFixture.CODES) {
            task.locator("#pts-" + proposal + "-" + code).fill(each);
        }
        if (comment != null) {
            task.locator("#comment-" + proposal).fill(comment);
        }
        task.locator("#sheet-" + proposal + " button[type=submit]").click();
        assertThat(page.locator("#task-" + proposal + " .submitted")).isVisible();
    }
}
