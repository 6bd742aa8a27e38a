package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Issue 18, point 9: the dashboard and the statistics workbook list the counts in one order, that of the published
 * figures — "Ghi nhận", "Không ghi nhận", then "Cần điều chỉnh" — so that a leader reads the same column in both.
 */
class CountsOrderTests extends IntegrationTest {

    private static final List<String> PUBLISHED = List.of(
            "Đăng ký",
            "Ghi nhận",
            "Không ghi nhận",
            "Cần điều chỉnh",
            "Đề nghị công nhận",
            "Được công nhận",
            "Đang duy trì",
            "Loại bỏ");
    private static final Pattern HEAD =
            Pattern.compile("<thead><tr><th>Lĩnh vực</th>(.*?)</tr></thead>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<th[^>]*>([^<]+)</th>");

    @Test
    void theDashboardAndTheWorkbookShareTheOrderOfThePublishedFigures() {
        // given a province's viewer
        World w = new World(api());
        WebSession viewer = WebSession.signedIn(api().base(), w.username("viewerP"), PASSWORD);

        // when the dashboard's table by field and the workbook's sheet by field are read
        String dashboard =
                viewer.get("/statistics?unit=" + w.province + "&year=2024").text();
        Matcher head = HEAD.matcher(dashboard);
        assertThat(head.find()).as("the dashboard's table by field").isTrue();
        List<String> onTheDashboard = new ArrayList<>();
        Matcher cell = CELL.matcher(head.group(1));
        while (cell.find()) {
            onTheDashboard.add(cell.group(1).strip());
        }
        Api.Bytes file =
                w.api.getBytes("/api/v1/statistics.xlsx?unit=" + w.province + "&year=2024", w.token("viewerP"));
        assertThat(file.status()).isEqualTo(200);
        List<String> inTheWorkbook = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        try (XSSFWorkbook wb = Documents.workbook(file.body())) {
            Row header = Documents.row(wb.getSheet("Theo lĩnh vực"), "Lĩnh vực");
            for (Cell c : header) {
                if (c.getColumnIndex() > 0) {
                    inTheWorkbook.add(c.getStringCellValue());
                }
            }
            for (String label : PUBLISHED) {
                summary.add(label + "@"
                        + Documents.row(wb.getSheet("Tổng hợp"), label).getRowNum());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // then both list the counts in the published order, the summary sheet's rows too
        assertThat(onTheDashboard).containsExactlyElementsOf(PUBLISHED);
        assertThat(inTheWorkbook).containsExactlyElementsOf(PUBLISHED);
        assertThat(summary)
                .isSortedAccordingTo((a, b) -> Integer.compare(
                        Integer.parseInt(a.substring(a.indexOf('@') + 1)),
                        Integer.parseInt(b.substring(b.indexOf('@') + 1))));
    }
}
