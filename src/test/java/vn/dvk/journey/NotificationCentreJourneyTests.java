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

/**
 * Issue 17, the notification centre in a browser: a reporter whose model the board sent back for changes sees the
 * bell's unread count on every page, opens "Thông báo của tôi", follows the notice to the model, and the count is gone.
 */
@Tag("journey")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationCentreJourneyTests extends IntegrationTest {

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
    void aReporterSeesTheBellCountOpensTheNoticeAndReachesTheModel() {
        // given a model of commune A sent back for changes by the district appraiser
        String title = "Vận động hiến đất mở đường thôn Bản Chắt " + w.communeA;
        long id = w.draft("reporterA", World.registration(title, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        w.appraise("appraiserD", id, "REQUEST_CHANGES", "Bổ sung số hộ hiến đất và chiều dài tuyến đường.");

        // when the reporter signs in
        Page reporter = browser.signIn(w.username("reporterA"), PASSWORD);

        // then the bell in the navigation says one unread notice
        assertThat(reporter.locator(".notice-bell .badge")).hasText("1");
        assertThat(reporter.locator(".notice-bell")).hasAttribute("aria-label", "1 thông báo chưa đọc");

        // and "Thông báo của tôi" lists it, unread, with the appraiser's comment
        reporter.locator(".notice-bell").click();
        assertThat(reporter.locator("h1")).containsText("Thông báo của tôi");
        assertThat(reporter.locator(".list-group-item-warning"))
                .containsText("Mô hình “" + title + "” cần điều chỉnh theo góp ý thẩm định");
        assertThat(reporter.locator(".list-group-item-warning"))
                .containsText("Bổ sung số hộ hiến đất và chiều dài tuyến đường.");
        Browser.shot(reporter, "notification-centre");

        // and following it marks it read and opens the model, after which the bell has no count
        reporter.locator(".list-group-item-warning").getByText("Xem").click();
        assertThat(reporter.locator("#model-status")).hasText("Cần điều chỉnh");
        assertThat(reporter.locator(".notice-bell .badge")).hasCount(0);
        assertThat(reporter.locator(".notice-bell")).hasAttribute("aria-label", "Thông báo của tôi");
    }
}
