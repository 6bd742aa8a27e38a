package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.PdfText;
import vn.dvk.support.WebSession;

/**
 * Replays Bình Thuận's 2022 figures (seed 002) through the HTTP API: 561 models registered at district level under
 * 14 district-level committees, 71 recognized at district level by 6 of them, 17 proposed to the province and
 * 11 recognized (10 collectives, 1 individual) — then checks that the JSON, the workbook, the dashboard's sub-units
 * and the annual report (PDF and DOCX) all carry those numbers.
 */
@Tag("replay")
class BinhThuan2022ReplayTests extends IntegrationTest {

    /** The six committees that recognized models in 2022, with how many each recognized (71 in all). */
    private static final String[][] RECOGNIZING = {
        {"BB", "Huyện ủy Bắc Bình", "12"},
        {"HTB", "Huyện ủy Hàm Thuận Bắc", "12"},
        {"PT", "Thành ủy Phan Thiết", "12"},
        {"QS", "Đảng ủy Quân sự tỉnh", "12"},
        {"BP", "Đảng ủy Bộ đội Biên phòng tỉnh", "12"},
        {"KCQ", "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh", "11"}
    };

    private static final String[][] OTHERS = {
        {"TP", "Huyện ủy Tuy Phong"},
        {"HTN", "Huyện ủy Hàm Thuận Nam"},
        {"HT", "Huyện ủy Hàm Tân"},
        {"DL", "Huyện ủy Đức Linh"},
        {"TL", "Huyện ủy Tánh Linh"},
        {"LG", "Thị ủy La Gi"},
        {"PQ", "Huyện ủy Phú Quý"},
        {"CA", "Đảng ủy Công an tỉnh"}
    };
    private static final String[] FIELDS = {"ECONOMY", "CULTURE_SOCIETY", "DEFENSE_SECURITY", "POLITICAL_SYSTEM"};

    @Test
    void theStatisticsWorkbookAndReportGiveBackBinhThuans2022Figures() throws Exception {
        // given Bình Thuận's province and its 14 district-level committees, a reporter and an appraiser of the
        // province's mass mobilization board, the province's approver and one approver in each recognizing committee
        SeedReplay r = new SeedReplay(api());
        Api api = r.api;
        String tag = Api.unique("BTH");
        String province = r.unit(tag, "Tỉnh Bình Thuận " + tag, "PROVINCE", "AREA", "TW");
        List<String> committees = new ArrayList<>();
        List<String> approvers = new ArrayList<>();
        for (String[] c : RECOGNIZING) {
            committees.add(r.unit(tag + "-" + c[0], c[1], "DISTRICT", "PARTY", province));
            approvers.add(r.user(tag + "-" + c[0], "APPROVER"));
        }
        for (String[] c : OTHERS) {
            committees.add(r.unit(tag + "-" + c[0], c[1], "DISTRICT", "PARTY", province));
        }
        String reporter = r.user(province, "REPORTER");
        String appraiser = r.user(province, "APPRAISER");
        String approverP = r.user(province, "APPROVER");

        // when 561 models are registered for district-level recognition in 2022 and submitted, spread over the
        // committees
        List<List<Long>> byCommittee = new ArrayList<>();
        for (int k = 0; k < committees.size(); k++) {
            byCommittee.add(new ArrayList<>());
        }
        for (int i = 0; i < 561; i++) {
            int k = i % committees.size();
            Map<String, Object> body = SeedReplay.registration(
                    "Mô hình " + (i + 1) + " năm 2022", committees.get(k), FIELDS[i % FIELDS.length], "DISTRICT", 2022);
            if (i == 0 || i == 61) {
                // the two individuals: the first and the last of the models later proposed to the province
                body.put("holderType", "INDIVIDUAL");
                body.put("holderName", "Cá nhân số " + i);
            }
            long id = r.register(body, reporter);
            r.submit(id, reporter);
            byCommittee.get(k).add(id);
        }
        // and in the six committees 71 are accepted, proposed and recognized at district level
        List<Long> districtRecognized = new ArrayList<>();
        for (int k = 0; k < RECOGNIZING.length; k++) {
            int n = Integer.parseInt(RECOGNIZING[k][2]);
            for (int j = 0; j < n; j++) {
                long id = byCommittee.get(k).get(j);
                SeedReplay.expect(200, r.appraise(id, "ACCEPT", null, appraiser));
                long p = r.propose(id, "DISTRICT", 2022, appraiser);
                assertThat(r.decide(p, true, (j + 1) + "/QĐ-BCĐ", "2022-10-15", approvers.get(k)))
                        .isEqualTo("RECOGNIZED");
                districtRecognized.add(id);
            }
        }
        // and 17 of them (every fourth) are proposed to the province, of which the first 11 are recognized: 10
        // collectives and 1 individual (the other individual is declined)
        for (int j = 0; j < 17; j++) {
            long id = districtRecognized.get(j * 4);
            long p = r.propose(id, "PROVINCE", 2022, appraiser);
            r.decide(p, j < 11, "11/QĐ-BDVTU", "2022-12-20", approverP);
        }

        // then the statistics of the province give the seed's figures
        JsonNode all = stats(api, "unit=" + province + "&year=2022", approverP);
        assertThat(all.get("registered").asLong()).isEqualTo(561);
        assertThat(all.get("recognizedByLevel").get("DISTRICT").asLong()).isEqualTo(71);
        assertThat(all.get("recognizedByLevel").get("PROVINCE").asLong()).isEqualTo(11);
        JsonNode atProvince = stats(api, "unit=" + province + "&year=2022&level=PROVINCE", approverP);
        assertThat(atProvince.get("proposed").asLong()).isEqualTo(17);
        assertThat(atProvince.get("recognized").asLong()).isEqualTo(11);
        assertThat(atProvince
                        .get("byHolderType")
                        .get("COLLECTIVE")
                        .get("recognized")
                        .asLong())
                .isEqualTo(10);
        assertThat(atProvince
                        .get("byHolderType")
                        .get("INDIVIDUAL")
                        .get("recognized")
                        .asLong())
                .isEqualTo(1);

        // and the dashboard's sub-units show 6 of the 14 committees recognizing models
        WebSession leader = WebSession.signedIn(api.base(), r.username(approverP), PASSWORD);
        JsonNode data = Api.JSON.readTree(
                leader.get("/statistics/data?unit=" + province + "&year=2022").body());
        assertThat(data.get("report")).isEqualTo(all);
        assertThat(data.get("children").size()).isEqualTo(14);
        assertThat(data.get("children")
                        .valueStream()
                        .filter(c -> c.get("counts").get("recognized").asLong() > 0)
                        .count())
                .isEqualTo(6);

        // and the workbook of the province-level figures carries the same numbers
        Api.Bytes x = api.getBytes("/api/v1/statistics.xlsx?unit=" + province + "&year=2022&level=PROVINCE", approverP);
        assertThat(x.status()).isEqualTo(200);
        keep("binhthuan-2022-statistics-province-level.xlsx", x.body());
        try (XSSFWorkbook wb = Documents.workbook(x.body())) {
            assertThat(Documents.number(wb, "Tổng hợp", "Đề nghị công nhận", 1)).isEqualTo(17);
            assertThat(Documents.number(wb, "Tổng hợp", "Được công nhận", 1)).isEqualTo(11);
            int recognized = Documents.column(wb.getSheet("Theo đối tượng"), "Được công nhận");
            assertThat(Documents.number(wb, "Theo đối tượng", "Tập thể", recognized))
                    .isEqualTo(10);
            assertThat(Documents.number(wb, "Theo đối tượng", "Cá nhân", recognized))
                    .isEqualTo(1);
            assertThat(Documents.number(wb, "Theo cấp công nhận", "Tỉnh", 1)).isEqualTo(11);
        }

        // and the annual report says so in its sentences, in PDF and in DOCX
        Api.Bytes pdf = api.getBytes("/api/v1/reports/annual?unit=" + province + "&year=2022&format=pdf", approverP);
        Api.Bytes docx = api.getBytes("/api/v1/reports/annual?unit=" + province + "&year=2022&format=docx", approverP);
        keep("binhthuan-2022-report.pdf", pdf.body());
        for (String t : List.of(PdfText.flat(pdf.body()), Documents.docxText(docx.body()))) {
            assertThat(t)
                    .contains("đã tiếp nhận đăng ký 561 mô hình")
                    .contains("đã tiếp nhận 17 mô hình đề nghị công nhận cấp tỉnh và đã quyết định công nhận 11/17 mô"
                            + " hình “Dân vận khéo” đạt tiêu chí cấp tỉnh (10 tập thể, 1 cá nhân)")
                    .contains("đã tiếp nhận 71 mô hình đề nghị công nhận cấp huyện và đã quyết định công nhận 71/71")
                    .contains("Danh sách 82 mô hình được công nhận năm 2022");
        }
    }

    private static JsonNode stats(Api api, String query, String token) {
        return SeedReplay.expect(200, api.get("/api/v1/statistics?" + query, token))
                .json();
    }

    private static void keep(String name, byte[] bytes) throws IOException {
        Path dir = Path.of("target", "exports");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
    }
}
