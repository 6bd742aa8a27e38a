package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Issue 18, point 6: the page of a background export names its filters in words (the unit's name, the year, the
 * status), not as a query, and its progress and the list of files never disagree on the job's state.
 */
class JobPageTests extends IntegrationTest {

    private static final Pattern CARD_STATUS = Pattern.compile("id=\"job-progress\" data-status=\"([A-Z]+)\"");

    @Test
    void theModelListJobNamesItsFiltersAndItsListFollowsItsState() throws InterruptedException {
        // given a commune with a submitted registration of 2024, and its reporter
        World w = new World(api());
        long id = w.draft(
                "reporterA", World.registration("Đèn đường tự quản " + w.communeA, w.communeA, "COMMUNE", "ECONOMY"));
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);

        // when the reporter asks for the commune's submitted models of 2024 as a workbook
        reporter.get("/models?unit=" + w.communeA + "&year=2024&status=SUBMITTED");
        WebSession.Page started = reporter.post(
                "/statistics/jobs",
                Map.of(
                        "kind",
                        "MODELS",
                        "unit",
                        w.communeA,
                        "year",
                        "2024",
                        "status",
                        "SUBMITTED",
                        "field",
                        "",
                        "q",
                        ""));
        assertThat(started.status()).isEqualTo(302);
        String job = started.location().replaceFirst("^.*/statistics/jobs/", "");

        // then every refresh of the progress carries the list too, both saying the same of the job
        String progress = "";
        for (int i = 0; i < 120 && !progress.contains("job-download"); i++) {
            progress = reporter.get("/statistics/jobs/" + job + "/progress").text();
            assertThat(progress).contains("id=\"job-" + job + "\"");
            assertThat(rowStatus(progress, job)).isEqualTo(cardStatus(progress));
            if (progress.contains("every 1s")) {
                Thread.sleep(300);
            }
        }
        assertThat(cardStatus(progress)).isEqualTo("DONE");
        assertThat(row(progress, job)).contains("Đã xong").doesNotContain("Đang tạo");
        assertThat(progress).doesNotContain("every 1s");

        // and the job's page names the filters in words, in the card and in the list, never as a query
        String page = reporter.get("/statistics/jobs/" + job).text();
        String unit = "Đơn vị: Xã A " + w.communeA.substring(0, w.communeA.length() - 2);
        String card = page.substring(page.indexOf("id=\"job-filters\""), page.indexOf("id=\"job-progress\""));
        assertThat(plain(card)).contains(unit + " Năm: 2024 Trạng thái: Chờ thẩm định");
        assertThat(plain(row(page, job)))
                .contains(unit + " · Năm: 2024 · Trạng thái: Chờ thẩm định")
                .contains("Đã xong");
        assertThat(page).doesNotContain("unit=" + w.communeA).doesNotContain("status=SUBMITTED");
    }

    @Test
    void withoutAUnitTheListNamesTheUsersOwnUnit() {
        World w = new World(api());
        WebSession viewer = WebSession.signedIn(api().base(), w.username("viewerP"), PASSWORD);
        viewer.get("/statistics");
        WebSession.Page started =
                viewer.post("/statistics/jobs", Map.of("kind", "MODELS", "year", "2024", "field", "CULTURE_SOCIETY"));
        assertThat(started.status()).isEqualTo(302);
        String job = started.location().replaceFirst("^.*/statistics/jobs/", "");
        String list = plain(row(viewer.get("/statistics/jobs").text(), job));
        assertThat(list)
                .contains("Đơn vị: Tỉnh " + w.province.substring(0, w.province.length() - 1))
                .contains("Năm: 2024")
                .contains("Lĩnh vực: Văn hóa – xã hội");
    }

    private static String cardStatus(String html) {
        Matcher m = CARD_STATUS.matcher(html);
        assertThat(m.find()).as("the job's card").isTrue();
        return m.group(1);
    }

    private static String rowStatus(String html, String job) {
        Matcher m =
                Pattern.compile("class=\"job-status\" data-status=\"([A-Z]+)\"").matcher(row(html, job));
        assertThat(m.find()).as("the job's row").isTrue();
        return m.group(1);
    }

    private static String row(String html, String job) {
        int start = html.indexOf("id=\"job-" + job + "\"");
        assertThat(start).as("the job's row").isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    /** The text as read: tags out, spaces collapsed. */
    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace(" :", ":");
    }
}
