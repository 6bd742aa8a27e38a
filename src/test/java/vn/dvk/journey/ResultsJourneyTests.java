package vn.dvk.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

/**
 * A reporter files a half-year report with two indicator values and a photo (after a disguised program is
 * refused without losing the form); the model page shows the chart and the photo; a district appraiser
 * inspects the model and asks for one follow-up; the reporter finds it in "Việc cần làm" and answers it.
 */
@Tag("journey")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsJourneyTests extends IntegrationTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    private Browser browser;
    private World w;

    @BeforeAll
    void open() {
        browser = new Browser(api().base());
        w = new World(api());
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void aReportWithAPhotoThenAnInspectionWithAFollowUpThatTheUnitAnswers() {
        String title = "Tổ hợp tác nuôi ong lấy mật " + w.communeA;
        long id = w.draft("reporterA", World.registration(title, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        w.appraise("appraiserD", id, "ACCEPT", null);
        w.api.put(
                "/api/v1/models/" + id + "/indicators",
                Map.of("indicators", List.of(Map.of("code", "DAN_ONG", "baseline", 500, "target", 1000))),
                w.token("reporterA"));

        // given the reporter on the model's page, who adds a second indicator with its target
        Page reporter = browser.signIn(w.username("reporterA"), PASSWORD);
        reporter.navigate(browser.url("/models/" + id));
        reporter.locator("#indicator-code").selectOption("SAN_LUONG_MAT_ONG");
        reporter.locator("#indicator-baseline").fill("5");
        reporter.locator("#indicator-target").fill("10");
        reporter.locator("#indicator-form button[type=submit]").click();
        assertThat(reporter.locator("#model-indicators")).containsText("Sản lượng mật ong");

        // when the reporter fills the half-year report and attaches a program named like a photo
        // (the report form reloads with the new indicator once it is chosen)
        assertThat(reporter.getByLabel("Sản lượng mật ong (tấn)", EXACT)).isVisible();
        reporter.getByLabel("Số đàn ong (đàn)", EXACT).fill("970");
        reporter.getByLabel("Sản lượng mật ong (tấn)", EXACT).fill("9,8");
        reporter.locator("#narrative").fill("33 hội viên, 970 đàn ong, 9,8 tấn mật trị giá hơn 1,9 tỷ đồng.");
        reporter.locator("#files")
                .setInputFiles(new FilePayload("anh-to-ong.jpg", "image/jpeg", Multipart.windowsProgram()));
        reporter.locator("#progress-form button[type=submit]").click();

        // then the program is refused with the reason, and nothing else of the form is lost
        assertThat(reporter.locator("#files-error")).containsText("chương trình chạy được");
        assertThat(reporter.locator("#narrative"))
                .hasValue("33 hội viên, 970 đàn ong, 9,8 tấn mật trị giá hơn 1,9 tỷ đồng.");
        assertThat(reporter.getByLabel("Số đàn ong (đàn)", EXACT)).hasValue("970");
        assertThat(reporter.getByLabel("Sản lượng mật ong (tấn)", EXACT)).hasValue("9,8");
        Browser.shot(reporter, "progress-upload-refused");

        // when a real photo is attached instead
        reporter.locator("#files")
                .setInputFiles(new FilePayload("to-ong-lien-son.png", "image/png", Multipart.photo(320, 200)));
        reporter.locator("#progress-form button[type=submit]").click();

        // then the model page shows the report, the photo and a chart of each indicator against its target
        assertThat(reporter.locator(".alert-success")).containsText("Đã lưu báo cáo");
        assertThat(reporter.locator("#progress-reports")).containsText("970");
        assertThat(reporter.locator("#progress-reports img.evidence-thumb")).hasAttribute("alt", "to-ong-lien-son.png");
        assertThat(reporter.locator("#chart-DAN_ONG")).isVisible();
        reporter.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('chart-DAN_ONG'))");
        Object points = reporter.evaluate(
                "() => Chart.getChart(document.getElementById('chart-DAN_ONG')).data.datasets.map(d => d.data)");
        assertThat(points.toString()).contains("970").contains("1000");
        Object loaded =
                reporter.evaluate("() => document.querySelector('#progress-reports img.evidence-thumb').naturalWidth");
        assertThat(((Number) loaded).intValue()).isEqualTo(320);
        assertThat(reporter.locator("#timeline")).containsText("Báo cáo kết quả");
        Browser.shot(reporter, "model-progress-chart");

        // when a district appraiser plans an inspection of commune A with this model
        Page appraiser = browser.signIn(w.username("appraiserD"), PASSWORD);
        appraiser.navigate(browser.url("/inspections"));
        appraiser.locator("#plan-inspection").click();
        appraiser.locator("#pick-unit").selectOption(w.communeA);
        appraiser.locator("#unit-picker button[type=submit]").click();
        appraiser.locator("#plannedOn").fill("2026-12-05");
        appraiser.locator("#purpose").fill("Kiểm tra mô hình “Dân vận khéo” tại xã");
        appraiser.locator("#members").fill("Hoàng Văn Minh\nLý Thị Hoa");
        appraiser.getByLabel(title).check();
        appraiser.locator("#plan-form button[type=submit]").click();
        assertThat(appraiser.locator("#inspection-status")).hasText("Đã lên kế hoạch");

        // and records a finding against a criterion, with a photo
        appraiser.locator("#criterion-" + id).fill("Lan tỏa, mang lại kết quả thiết thực, kiểm chứng được");
        appraiser.locator("#verdict-" + id + "-PARTLY").check();
        appraiser.locator("#notes-" + id).fill("Sổ theo dõi sản lượng chưa rõ.");
        appraiser
                .locator("#photos-" + id)
                .setInputFiles(new FilePayload("kiem-tra.png", "image/png", Multipart.photo(240, 160)));
        appraiser.locator("#finding-form-" + id + " button[type=submit]").click();
        assertThat(appraiser.locator("#model-" + id + " .findings")).containsText("Đạt một phần");
        assertThat(appraiser.locator("#model-" + id + " img.evidence-thumb")).isVisible();

        // and asks for one follow-up with a deadline
        appraiser.locator("#fu-request").fill("Bổ sung sổ theo dõi sản lượng mật theo tháng");
        appraiser.locator("#fu-model").selectOption(String.valueOf(id));
        appraiser.locator("#fu-due").fill("2026-12-31");
        appraiser.locator("#follow-up-form button[type=submit]").click();
        assertThat(appraiser.locator("#follow-ups")).containsText("Bổ sung sổ theo dõi sản lượng mật theo tháng");
        Browser.shot(appraiser, "inspection-page");

        // then the reporter finds the follow-up in "Việc cần làm" and answers it
        reporter.navigate(browser.url("/"));
        assertThat(reporter.locator("#work-followUpsToAnswer"))
                .containsText("Bổ sung sổ theo dõi sản lượng mật theo tháng");
        Browser.shot(reporter, "home-follow-up");
        reporter.locator("#work-followUpsToAnswer")
                .getByText("Bổ sung sổ theo dõi sản lượng mật theo tháng")
                .click();
        reporter.locator(".answer-form textarea").fill("Đã lập sổ theo dõi sản lượng từ tháng 12/2026.");
        reporter.locator(".answer-form button[type=submit]").click();
        assertThat(reporter.locator("#follow-ups .follow-up-answer")).containsText("Đã lập sổ theo dõi sản lượng");

        // and the model's timeline tells the inspection, the finding, the follow-up and the answer
        reporter.navigate(browser.url("/models/" + id));
        assertThat(reporter.locator("#timeline")).containsText("Lập kế hoạch kiểm tra");
        assertThat(reporter.locator("#timeline")).containsText("Kiểm tra: ghi nhận theo tiêu chí");
        assertThat(reporter.locator("#timeline")).containsText("Kiểm tra: yêu cầu khắc phục");
        assertThat(reporter.locator("#timeline")).containsText("Trả lời yêu cầu khắc phục");
    }
}
