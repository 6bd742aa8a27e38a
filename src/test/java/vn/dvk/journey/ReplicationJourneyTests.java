package vn.dvk.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/** A province reporter replicates a recognized model in another commune; the origin shows its ladder and spread. */
@Tag("journey")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicationJourneyTests extends IntegrationTest {

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
    void aReporterReplicatesARecognizedModelAndTheOriginShowsItsLadderAndSpread() {
        // given a model of commune A recognized at district level
        String title = "Dân vận khéo trong xây dựng đường giao thông nông thôn " + w.communeA;
        long origin = w.draft("reporterA", World.registration(title, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", origin);
        w.appraise("appraiserD", origin, "ACCEPT", null);
        long p = w.api.post(
                        "/api/v1/models/" + origin + "/recognition-proposals",
                        Map.of("level", "DISTRICT", "year", 2024),
                        w.token("reporterA"))
                .json()
                .get("id")
                .asLong();
        w.api.post(
                "/api/v1/recognition-proposals/" + p + "/decision",
                Map.of("decision", "RECOGNIZE", "decisionNumber", "127-QĐ/BCĐ", "decisionDate", "2024-11-20"),
                w.token("approverD"));

        // when a province reporter opens it, sees the ladder and replicates it in commune B
        Page reporter = browser.signIn(w.username("reporterP"), PASSWORD);
        reporter.navigate(browser.url("/models/" + origin));
        assertThat(reporter.locator("#rung-DISTRICT")).containsText("127-QĐ/BCĐ");
        reporter.locator("#replicate-model").click();
        assertThat(reporter.getByLabel("Tên mô hình")).hasValue(title);
        reporter.getByLabel("Tên mô hình").fill("Nhân rộng: đường giao thông nông thôn " + w.communeB);
        reporter.locator("#unitCode").selectOption(w.communeB);
        reporter.locator("main form button[type=submit]").click();
        assertThat(reporter.locator("#model-status")).hasText("Nháp");
        reporter.locator("#submit-model").click();
        assertThat(reporter.locator("#model-status")).hasText("Chờ thẩm định");

        // then the origin's page lists the replica in its spread tree, with its unit
        reporter.navigate(browser.url("/models/" + origin));
        assertThat(reporter.locator("#spread-tree")).containsText("Nhân rộng: đường giao thông nông thôn");
        assertThat(reporter.locator("#spread-tree")).containsText("Xã B");
        Browser.shot(reporter, "model-ladder-replication");
    }
}
