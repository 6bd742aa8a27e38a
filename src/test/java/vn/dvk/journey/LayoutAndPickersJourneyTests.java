package vn.dvk.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Issue 18, points 4, 5, 7 and 8: at 1366 px and at 390 px no main page is wider than the screen, the signed-in
 * user's name shows, and axe-core finds no serious or critical violation; an origin model and a unit are chosen
 * by typing their names without accents, never their ids or codes.
 */
@Tag("journey")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayoutAndPickersJourneyTests extends IntegrationTest {

    private Browser browser;
    private World w;
    private long origin;

    @BeforeAll
    void open() {
        browser = new Browser(api().base());
        w = new World(api());
        origin = w.draft(
                "reporterA",
                World.registration(
                        "Dân vận khéo xây dựng đường giao thông nông thôn " + w.communeA,
                        w.communeA,
                        "COMMUNE",
                        "ECONOMY"));
        w.submit("reporterA", origin);
        w.appraise("appraiserD", origin, "ACCEPT", null);
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void theWidestMenuFitsFromTheWidthWhereItOpens() {
        // a district's appraiser has the most links ("Nhập Excel" besides the nine of everyone); the menu is laid out
        // in one row from Bootstrap's xl breakpoint (1200 px) up
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1200, 1280, 1366}) {
            Page page = browser.signIn(w.username("appraiserD"), PASSWORD, width);
            for (String path : List.of("/", "/models")) {
                page.navigate(browser.url(path));
                page.waitForLoadState();
                Object past = page.evaluate("() => Math.max(...[...document.querySelectorAll('nav.navbar *')]"
                        + ".filter(e => e.offsetParent !== null).map(e => Math.ceil(e.getBoundingClientRect().right)))"
                        + " - document.documentElement.clientWidth");
                if (((Number) past).intValue() > 0) {
                    problems.add(width + " px " + path + ": the menu reaches " + past + " px past the edge");
                }
                if (page.locator("nav.navbar >> text=Người dùng appraiserD >> visible=true")
                                .count()
                        == 0) {
                    problems.add(width + " px " + path + ": the user's name is not visible");
                }
                if (path.equals("/models")) {
                    Browser.shot(page, "menu-" + width);
                }
            }
            page.context().close();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theMainPagesFitTheScreenAndShowWhoIsSignedInAtBothWidths() {
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1366, 390}) {
            Page page = browser.signIn(w.username("adminP"), PASSWORD, width);
            for (String path : List.of(
                    "/",
                    "/models",
                    "/models/" + origin,
                    "/statistics",
                    "/admin/units",
                    "/admin/users",
                    "/admin/reorganizations",
                    "/admin/indicators")) {
                page.navigate(browser.url(path));
                page.waitForLoadState();
                Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
                if (!Boolean.TRUE.equals(fits)) {
                    problems.add(width + " px " + path + ": "
                            + page.evaluate("() => document.documentElement.scrollWidth") + " px wide");
                }
                if (page.locator("nav.navbar >> text=Người dùng adminP >> visible=true")
                                .count()
                        == 0) {
                    problems.add(width + " px " + path + ": the user's name is not visible");
                }
                for (Rule v : new AxeBuilder(page)
                        .withTags(List.of("wcag2a", "wcag2aa"))
                        .analyze()
                        .getViolations()) {
                    if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
                        problems.add(width + " px " + path + ": axe " + v.getId() + " "
                                + v.getNodes().size() + " "
                                + v.getNodes().get(0).getTarget());
                    }
                }
                if (path.equals("/statistics")) {
                    Browser.shot(page, "statistics-" + width);
                }
            }
            page.context().close();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anOriginModelAndAUnitArePickedByTypingTheirNamesWithoutAccents() {
        // given a reporter of the commune registering a replica of its model
        Page reporter = browser.signIn(w.username("reporterA"), PASSWORD, 1366);
        reporter.navigate(browser.url("/models/new"));
        reporter.locator("#origin").selectOption("REPLICATED");

        // when the reporter types part of the origin's name without accents and takes the first match with the keyboard
        reporter.getByLabel("Mô hình gốc (khi nhân rộng)").pressSequentially("dan van kheo duong giao thong");
        assertThat(reporter.locator("[role=option]").first()).containsText("Dân vận khéo xây dựng đường giao thông");
        reporter.getByLabel("Mô hình gốc (khi nhân rộng)").press("ArrowDown");
        reporter.getByLabel("Mô hình gốc (khi nhân rộng)").press("ArrowUp");
        reporter.getByLabel("Mô hình gốc (khi nhân rộng)").press("Enter");

        // then the form keeps the origin's id in its hidden field and shows its name
        assertThat(reporter.locator("input[type=hidden]#replicatedFromId")).hasValue(String.valueOf(origin));
        assertThat(reporter.getByLabel("Mô hình gốc (khi nhân rộng)"))
                .hasValue("Dân vận khéo xây dựng đường giao thông nông thôn " + w.communeA);

        // given the province's administrator adding a user
        Page admin = browser.signIn(w.username("adminP"), PASSWORD, 1366);
        admin.navigate(browser.url("/admin/users"));

        // when the unit is found by its name without accents ("Xã B …" as "xa b …") instead of the admin's own
        assertThat(admin.locator("#unitCode-search"))
                .hasValue("Tỉnh " + w.province.substring(0, w.province.length() - 1));
        admin.locator("#unitCode-search").fill("");
        admin.locator("#unitCode-search")
                .pressSequentially("xa b "
                        + w.communeB.substring(0, w.communeB.length() - 2).toLowerCase());
        assertThat(admin.locator("[role=option]").first()).containsText("Xã B");
        admin.locator("#unitCode-search").press("Enter");

        // then the form stores the unit's code
        assertThat(admin.locator("input[type=hidden]#unitCode")).hasValue(w.communeB);
        assertThat(admin.locator("#unitCode-search"))
                .hasValue("Xã B " + w.communeB.substring(0, w.communeB.length() - 2));

        // and on the dashboard, a district picked by name is the one shown
        admin.navigate(browser.url("/statistics"));
        admin.locator("#unit-search").fill("");
        admin.locator("#unit-search")
                .pressSequentially("huyen "
                        + w.district.substring(0, w.district.length() - 1).toLowerCase());
        assertThat(admin.locator("[role=option]").first()).containsText("Huyện");
        admin.locator("#unit-search").press("Enter");
        assertThat(admin.locator("input[type=hidden]#unit")).hasValue(w.district);
        admin.locator("form[action='/statistics'] button[type=submit]").click();
        assertThat(admin.locator("h1")).containsText("Huyện " + w.district.substring(0, w.district.length() - 1));
    }
}
