package vn.dvk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Issue 14: a reporter downloads the models template from the import page, fills it (here with POI), uploads it,
 * sees the preview with the one wrong row and its error beside it, corrects the file, imports it, and sees the
 * statistics change; on a desktop screen and on a phone (390 px) the page fits the screen.
 */
@Tag("journey")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportJourneyTests extends IntegrationTest {

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
    void aReporterPreviewsFixesAndImportsAFileAndTheStatisticsCountIt() throws Exception {
        Page page = browser.signIn(w.username("reporterA"), PASSWORD);
        // given the statistics of the commune for 2024 before the import
        page.navigate(browser.url("/statistics?unit=" + w.communeA + "&year=2024"));
        assertThat(page.locator("#stat-registered").textContent().trim()).isEqualTo("0");

        // when the reporter opens the import page from the menu and downloads the template
        page.navigate(browser.url("/"));
        page.locator("nav.navbar a[href='/imports']").first().click();
        page.waitForURL(browser.url("/imports"));
        Download download =
                page.waitForDownload(() -> page.locator("#template-link").click());
        byte[] template = Files.readAllBytes(download.path());

        // and fills two models, the second with a field that does not exist, and checks it first
        page.locator("#file")
                .setInputFiles(new FilePayload(
                        "mo-hinh.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        fill(template, "Nông nghiệp")));
        page.locator("#preview-button").click();

        // then the preview lists the wrong row with its error beside it, and nothing is written
        page.locator("#import-errors tr.import-error").first().waitFor();
        assertThat(page.locator("#import-errors tr.import-error").count()).isEqualTo(1);
        assertThat(page.locator("tr.import-error[data-row='4'][data-column='field']")
                        .textContent())
                .contains("Lĩnh vực", "Nông nghiệp");
        assertThat(page.locator("#result-summary").textContent()).contains("2 dòng, 1 dòng hợp lệ");
        Browser.shot(page, "imports-preview-1366");

        // when the file is corrected, checked again and imported
        page.locator("#file")
                .setInputFiles(new FilePayload(
                        "mo-hinh.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        fill(template, "Kinh tế")));
        page.locator("#preview-button").click();
        page.locator("#result-summary:has-text('2 dòng hợp lệ')").waitFor();
        page.locator("#run-button").click();
        page.locator("#result-summary:has-text('Đã nhập')").waitFor();
        assertThat(page.locator("#result-summary").textContent()).contains("tạo mới 2");

        // then the statistics count the two submitted models, one of them accepted
        page.locator("#to-statistics").click();
        page.navigate(browser.url("/statistics?unit=" + w.communeA + "&year=2024"));
        assertThat(page.locator("#stat-registered").textContent().trim()).isEqualTo("2");
        assertThat(page.locator("#stat-accepted").textContent().trim()).isEqualTo("1");

        // and the import page fits a phone's screen
        Page phone = browser.signIn(w.username("reporterA"), PASSWORD, 390);
        phone.navigate(browser.url("/imports"));
        assertThat(phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        Browser.shot(phone, "imports-390");
    }

    /** The template with its example row replaced by a submitted model and an accepted one of the second field. */
    private byte[] fill(byte[] template, String secondField) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet s = wb.getSheetAt(0);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < s.getRow(1).getLastCellNum(); i++) {
                keys.add(s.getRow(1).getCell(i).getStringCellValue());
            }
            String[][] rows = {
                {
                    "externalId",
                    "HS-01",
                    "unitCode",
                    w.communeA,
                    "title",
                    "Vận động hiến đất làm đường",
                    "field",
                    "Kinh tế",
                    "level",
                    "Huyện",
                    "year",
                    "2024",
                    "holderType",
                    "Tập thể",
                    "holderName",
                    "Hội Nông dân",
                    "status",
                    "Chờ thẩm định",
                    "submittedOn",
                    "15/03/2024"
                },
                {
                    "externalId",
                    "HS-02",
                    "unitCode",
                    w.communeA,
                    "title",
                    "Camera an ninh khu dân cư",
                    "field",
                    secondField,
                    "level",
                    "Huyện",
                    "year",
                    "2024",
                    "holderType",
                    "Cá nhân",
                    "holderName",
                    "Nguyễn Văn B",
                    "status",
                    "Được ghi nhận",
                    "submittedOn",
                    "15/03/2024",
                    "appraisedOn",
                    "20/04/2024"
                }
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = s.getRow(r + 2) == null ? s.createRow(r + 2) : s.getRow(r + 2);
                for (int i = 0; i < keys.size(); i++) {
                    row.createCell(i).setCellValue("");
                }
                for (int k = 0; k < rows[r].length; k += 2) {
                    row.getCell(keys.indexOf(rows[r][k])).setCellValue(rows[r][k + 1]);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
