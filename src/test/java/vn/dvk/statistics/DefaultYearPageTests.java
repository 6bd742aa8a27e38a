package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Issue 18, point 4: without a year asked for, the dashboard opens on the latest year that has figures when this
 * year has none yet, and says so; a year asked for is kept, even an empty one.
 */
class DefaultYearPageTests extends IntegrationTest {

    @Test
    void withoutAYearTheDashboardOpensOnTheLatestYearWithFiguresAndSaysSo() {
        // given a province whose only model was registered in 2024 (none this year)
        World w = new World(api());
        long id = w.draft(
                "reporterA",
                World.registration("Chợ không rác thải nhựa " + w.communeA, w.communeA, "COMMUNE", "ECONOMY"));
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        WebSession viewer = WebSession.signedIn(api().base(), w.username("viewerP"), PASSWORD);
        int thisYear = LocalDate.now().getYear();
        assertThat(thisYear).isGreaterThan(2024);

        // when the viewer opens the dashboard without a year
        String page = viewer.get("/statistics").text();

        // then it shows 2024, says why, and its charts and downloads follow
        assertThat(page).contains("id=\"latest-year\"").contains("Năm 2024: năm gần nhất có số liệu");
        assertThat(page)
                .contains(
                        "id=\"year\" name=\"year\" type=\"number\" min=\"2009\" max=\"2100\" class=\"form-control\" value=\"2024\"");
        assertThat(page).contains("data-url=\"/statistics/data?unit=" + w.province + "&year=2024\"");
        assertThat(page).containsPattern("id=\"stat-registered\"[^>]*>1<");

        // and a year asked for is kept, without the note
        String asked = viewer.get("/statistics?year=" + thisYear).text();
        assertThat(asked).doesNotContain("latest-year").contains("value=\"" + thisYear + "\"");
        assertThat(asked).containsPattern("id=\"stat-registered\"[^>]*>0<");

        // and once this year has a model, the dashboard opens on this year again
        Map<String, Object> body =
                World.registration("Tổ tự quản đường hoa " + w.communeB, w.communeB, "COMMUNE", "ECONOMY");
        body.put("year", thisYear);
        assertThat(w.submit("reporterB", w.draft("reporterB", body)).status()).isEqualTo(200);
        String now = viewer.get("/statistics").text();
        assertThat(now).doesNotContain("latest-year").contains("value=\"" + thisYear + "\"");
    }
}
