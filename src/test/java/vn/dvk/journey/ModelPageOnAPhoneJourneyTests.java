package vn.dvk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Issue 18, point 10: on a 390 px phone the page of a model with a long history folds its timeline and reports
 * behind disclosures that open with the keyboard, so the page is no longer thousands of pixels long.
 */
@Tag("journey")
class ModelPageOnAPhoneJourneyTests extends IntegrationTest {

    private static final String ASK = "Nêu rõ kết quả kiểm chứng được: số hộ, số tiền, diện tích. Tách phần kinh phí "
            + "của Nhà nước và phần Nhân dân đóng góp; ghi nguồn số liệu và đính kèm ảnh trước và sau khi làm đường.";

    @Test
    void theLongSectionsAreFoldedOnAPhoneAndOpenWithTheKeyboard() {
        // given a model with a history like the demo's: sent back four times, then accepted, with four reports
        World w = new World(api());
        long id = w.draft(
                "reporterA",
                World.registration(
                        "Dân vận khéo hiến đất làm đường giao thông nông thôn " + w.communeA,
                        w.communeA,
                        "DISTRICT",
                        "ECONOMY"));
        for (int i = 0; i < 4; i++) {
            w.submit("reporterA", id);
            w.appraise("appraiserD", id, "REQUEST_CHANGES", ASK);
        }
        w.submit("reporterA", id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", ASK).status()).isEqualTo(200);
        for (String asOf : List.of("2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31")) {
            Api.Res r = w.api.post(
                    "/api/v1/models/" + id + "/progress-reports",
                    Map.of(
                            "asOf",
                            asOf,
                            "indicators",
                            List.of(
                                    Map.of("code", "HO_SO_DUNG_HAN", "value", 986),
                                    Map.of("code", "PHIEU_HAI_LONG", "value", 589)),
                            "narrative",
                            ASK + " " + ASK),
                    w.token("reporterA"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }

        try (Browser browser = new Browser(api().base())) {
            // when the reporter opens its page on a 390 px phone
            Page page = browser.signIn(w.username("reporterA"), PASSWORD, 390);
            page.navigate(browser.url("/models/" + id));
            page.waitForLoadState();
            page.locator("#progress-reports")
                    .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));

            // then the page is well under 3,000 px, with the timeline and the reports folded
            Number height = (Number) page.evaluate("() => document.documentElement.scrollHeight");
            assertThat(height.intValue()).isLessThan(3000);
            assertThat(page.locator("#timeline").isVisible()).isFalse();
            assertThat(page.locator("#progress-reports").isVisible()).isFalse();

            // and when the reporter moves to the timeline's summary and presses Enter, it opens
            page.locator("summary:has(#timeline-h)").focus();
            page.keyboard().press("Enter");
            assertThat(page.locator("#timeline").isVisible()).isTrue();
            // and Space opens the reports the same way
            page.locator("summary:has(#progress-h)").focus();
            page.keyboard().press(" ");
            assertThat(page.locator("#progress-reports").isVisible()).isTrue();
            page.context().close();
        }
    }
}
