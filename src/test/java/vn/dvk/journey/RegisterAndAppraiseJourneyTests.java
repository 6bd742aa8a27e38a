package vn.dvk.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/** A reporter registers and submits a model; an appraiser finds it in "Việc cần làm" and accepts it. */
@Tag("journey")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterAndAppraiseJourneyTests extends IntegrationTest {

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
    void aReporterRegistersAndSubmitsAndAnAppraiserAcceptsFromTheInbox() {
        String title = "Vận động 120 hộ trồng hồi tại thôn Nà Pàn " + w.communeA;

        // given a reporter of commune A who registers a model in the form
        Page reporter = browser.signIn(w.username("reporterA"), PASSWORD);
        reporter.navigate(browser.url("/models/new"));
        reporter.getByLabel("Tên mô hình").fill(title);
        reporter.getByLabel("Lĩnh vực").selectOption("ECONOMY");
        reporter.getByLabel("Cấp đăng ký").selectOption("DISTRICT");
        reporter.getByLabel("Năm").fill("2024");
        reporter.getByLabel("Tập thể / cá nhân thực hiện").fill("Chi hội Nông dân thôn Nà Pàn");
        reporter.getByLabel("Nội dung đăng ký").fill("Vận động 120 hộ trồng 100 ha hồi.");
        Browser.shot(reporter, "model-form");
        reporter.locator("main form button[type=submit]").click();
        assertThat(reporter.locator("#model-status")).hasText("Nháp");

        // when the reporter submits it
        reporter.locator("#submit-model").click();
        assertThat(reporter.locator("#model-status")).hasText("Chờ thẩm định");
        String modelUrl = reporter.url();

        // and a district appraiser finds it in "Việc cần làm" and accepts it
        Page appraiser = browser.signIn(w.username("appraiserD"), PASSWORD);
        assertThat(appraiser.locator("#work-toAppraise")).containsText(title);
        Browser.shot(appraiser, "home-appraiser");
        appraiser.locator("#work-toAppraise").getByText(title).click();
        appraiser
                .getByLabel("Ghi nhận", new Page.GetByLabelOptions().setExact(true))
                .check();
        appraiser.getByLabel("Ý kiến, ghi chú").first().fill("Mô hình thiết thực, đề nghị duy trì.");
        appraiser.locator("#appraisal button[type=submit]").click();
        assertThat(appraiser.locator("#model-status")).hasText("Được ghi nhận");

        // then the reporter sees the new status and the timeline
        reporter.navigate(modelUrl);
        assertThat(reporter.locator("#model-status")).hasText("Được ghi nhận");
        assertThat(reporter.locator("#timeline")).containsText("Gửi đăng ký");
        assertThat(reporter.locator("#timeline")).containsText("Thẩm định: ghi nhận");
        assertThat(reporter.locator("#timeline")).containsText("Mô hình thiết thực, đề nghị duy trì.");
        assertThat(reporter.locator("#proposals-section")).isVisible();
        Browser.shot(reporter, "model-page");
    }
}
