package vn.dvk.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/** The campaign's page: its consolidation section, the filter, the drill-down, the download, who sees what. */
class ConsolidationPagesTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private World w;
    private String district2;
    private long campaign;

    /** Given a province campaign (district level, no dossier required) and one registration of commune A. */
    @BeforeEach
    void world() {
        w = new World(api());
        district2 = ConsolidationApiTests.secondDistrict(w);
        campaign = ConsolidationApiTests.launch(w, List.of("DISTRICT"), false);
        Map<String, Object> model = World.registration("Đường làng " + w.communeA, w.communeA, "DISTRICT", "ECONOMY");
        model.put("year", TODAY.getYear());
        Api.Res submitted = w.submit("reporterA", w.draft("reporterA", model));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    }

    @Test
    void theCampaignPageShowsWhichDistrictsRegisteredAndFiltersTheOthers() {
        WebSession approver = WebSession.signedIn(api().base(), w.username("approverP"), PASSWORD);

        // when the province's approver opens the campaigns list, then the campaign's page
        assertThat(approver.get("/campaigns").text()).contains("href=\"/campaigns/" + campaign + "\"");
        String page = approver.get("/campaigns/" + campaign).text();

        // then the campaign is described, dates as dd/MM/yyyy
        assertThat(page)
                .contains("Phát động đăng ký mô hình năm " + TODAY.getYear())
                .contains("15-KH/BDVTU")
                .contains(TODAY.plusDays(10).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        // and the section lists both districts, one registered, one flagged, with the totals and the download
        assertThat(page)
                .contains("Tổng hợp đăng ký")
                .contains("table-responsive")
                .contains("1/2 đơn vị đã đăng ký · 1 đơn vị chưa đăng ký")
                .contains("id=\"unit-" + w.district + "\"")
                .contains("id=\"unit-" + district2 + "\"")
                .contains("Tổng cộng")
                .contains("Tải Excel")
                .contains("href=\"/campaigns/" + campaign + "/consolidation.xlsx\"")
                .contains("href=\"/campaigns/" + campaign + "?unit=" + w.district + "\"")
                .doesNotContain("Hồ sơ đầy đủ</th>");
        assertThat(row(page, district2)).contains("Chưa đăng ký");
        assertThat(row(page, w.district)).doesNotContain("Chưa đăng ký").contains(">1</td>");

        // when only the units that have not registered are shown
        String missing =
                approver.get("/campaigns/" + campaign + "?onlyMissing=true").text();

        // then the second district alone, and the box stays ticked
        assertThat(missing)
                .contains("id=\"unit-" + district2 + "\"")
                .doesNotContain("id=\"unit-" + w.district + "\"")
                .containsPattern("id=\"onlyMissing\"[^>]*checked");

        // when the district is drilled into: its communes, and the way back
        String drill =
                approver.get("/campaigns/" + campaign + "?unit=" + w.district).text();
        assertThat(drill)
                .contains("id=\"unit-" + w.communeA + "\"")
                .contains("id=\"unit-" + w.communeB + "\"")
                .contains("Về đầu bảng tổng hợp")
                .contains("href=\"/campaigns/" + campaign + "/consolidation.xlsx?unit=" + w.district + "\"");

        // and the workbook downloads from the page's session
        Api.Bytes x = approver.getBytes("/campaigns/" + campaign + "/consolidation.xlsx?unit=" + w.district);
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        // and parameters that do not hold fall back to the first page; a unit outside the campaign is not found
        assertThat(approver.get("/campaigns/" + campaign + "?page=-1&size=9999").status())
                .isEqualTo(200);
        assertThat(approver.get("/campaigns/" + campaign + "?unit=NO-SUCH-UNIT").status())
                .isEqualTo(404);
    }

    @Test
    void aCommuneSeesItsOwnLineAndAnotherProvinceNothing() {
        // when commune A's reporter opens the campaign's page
        String page = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD)
                .get("/campaigns/" + campaign)
                .text();

        // then its own line, and no district
        assertThat(page).contains("Xã A").contains("(tự đăng ký)").doesNotContain("id=\"unit-" + district2 + "\"");

        // and someone of another province does not find the page
        World other = new World(api());
        assertThat(WebSession.signedIn(api().base(), other.username("approverP"), PASSWORD)
                        .get("/campaigns/" + campaign)
                        .status())
                .isEqualTo(404);
    }

    /** The table row of a unit, up to the end of the row. */
    private static String row(String page, String unit) {
        int from = page.indexOf("id=\"unit-" + unit + "\"");
        assertThat(from).as("row of " + unit).isNotNegative();
        return page.substring(from, page.indexOf("</tr>", from));
    }
}
