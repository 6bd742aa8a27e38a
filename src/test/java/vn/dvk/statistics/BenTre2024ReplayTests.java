package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.PdfText;
import vn.dvk.support.WebSession;

/**
 * Replays Bến Tre's 2024 figures (seed 001) through the HTTP API alone and checks that the statistics endpoint
 * gives them back: 272 registrations (193 economy + culture–society, 79 defense–security + political system),
 * 242 accepted, 30 not accepted, 191 proposed for province-level recognition, 187 recognized (106 / 42 / 19 / 20);
 * then that the dashboard, the workbooks and the annual report (PDF and DOCX) carry the very same numbers. The
 * year is replayed once for the class ({@link SeedReplay}); each test reads it.
 */
@Tag("replay")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenTre2024ReplayTests extends IntegrationTest {

    /** What happens to one registration of the replay. */
    private record Plan(String field, boolean accept, boolean viaChanges, boolean propose, boolean recognize) {}

    /** The published figures per field, with a split of accepted/rejected and declined that adds up. */
    private record FieldFigures(String field, int registered, int accepted, int proposed, int recognized) {}

    private static final List<FieldFigures> FIGURES = List.of(
            new FieldFigures("ECONOMY", 130, 120, 108, 106),
            new FieldFigures("CULTURE_SOCIETY", 63, 53, 43, 42),
            new FieldFigures("DEFENSE_SECURITY", 39, 34, 19, 19),
            new FieldFigures("POLITICAL_SYSTEM", 40, 35, 21, 20));

    private SeedReplay replay;
    private Api api;
    private String adminToken;
    private JsonNode midYear;
    private String province;
    private String mcn;
    private String reporterMcn;
    private String appraiser;
    private String approver;
    private List<Plan> plans;
    private Map<String, Map<String, Integer>> expectedMcn;

    @BeforeAll
    void replayBenTre2024() {
        replay = new SeedReplay(api());
        // given Bến Tre's tree: the province, two province bodies, three districts each with a district body
        // and two communes; a reporter, an appraiser and an approver of the province's steering committee,
        // and a reporter of one district
        api = replay.api;
        adminToken = replay.adminToken;
        String tag = Api.unique("BTR");
        String province = unit(tag, "Tỉnh Bến Tre " + tag, "PROVINCE", "AREA", "TW");
        List<String> units = new ArrayList<>();
        units.add(province);
        units.add(unit(tag + "-MT", "Ủy ban MTTQ Việt Nam tỉnh", "PROVINCE", "FRONT", province));
        units.add(unit(tag + "-ND", "Hội Nông dân tỉnh", "PROVINCE", "ASSOCIATION", province));
        Map<String, List<String>> districtUnits = new LinkedHashMap<>();
        String[][] districts = {
            {"MCN", "Mỏ Cày Nam", "Thành Thới B", "An Thạnh"},
            {"CT", "Châu Thành", "Phú Đức", "Phú Túc"},
            {"BD", "Bình Đại", "Thị trấn Bình Đại", "Bình Thạnh"}
        };
        for (String[] d : districts) {
            String district = unit(tag + "-" + d[0], "Huyện " + d[1], "DISTRICT", "AREA", province);
            List<String> inDistrict = List.of(
                    district,
                    unit(tag + "-" + d[0] + "-PN", "Hội LHPN huyện " + d[1], "DISTRICT", "ASSOCIATION", district),
                    unit(tag + "-" + d[0] + "-X1", "Xã " + d[2], "COMMUNE", "AREA", district),
                    unit(tag + "-" + d[0] + "-X2", "Xã " + d[3], "COMMUNE", "AREA", district));
            districtUnits.put(district, inDistrict);
            units.addAll(inDistrict);
        }
        String mcn = tag + "-MCN";
        String reporterP = user(province, "REPORTER");
        String reporterMcn = user(mcn, "REPORTER");
        String appraiser = user(province, "APPRAISER");
        String approver = user(province, "APPROVER");

        // and the plan of the year: per field, registrations accepted first, then the rejected ones; of the
        // accepted, the first are proposed and of those the first recognized; every eighth goes through changes
        List<Plan> plans = plans();
        assertThat(plans).hasSize(272);

        // when each registration is drafted, submitted and appraised (some after a request for changes, an edit
        // and a resubmission) through the API
        Map<String, Map<String, Integer>> expectedMcn = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        Long firstAccepted = null;
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            String unit = units.get(i % units.size());
            boolean inMcn = districtUnits.get(mcn).contains(unit);
            String reporter = inMcn ? reporterMcn : reporterP;
            Map<String, Object> body = registration("Mô hình " + (i + 1) + " năm 2024", unit, plan.field());
            body.put("holderType", i % 7 == 6 ? "INDIVIDUAL" : "COLLECTIVE");
            if (firstAccepted != null && !inMcn && i % 10 == 5) {
                body.put("origin", "REPLICATED");
                body.put("replicatedFromId", firstAccepted);
            }
            long id = created(api.post("/api/v1/models", body, reporter));
            ids.add(id);
            expect(200, api.post("/api/v1/models/" + id + "/submit", null, reporter));
            if (plan.viaChanges()) {
                expect(200, appraise(id, "REQUEST_CHANGES", "Bổ sung kết quả cụ thể", appraiser));
                long version = expect(200, api.get("/api/v1/models/" + id, reporter))
                        .json()
                        .get("version")
                        .asLong();
                body.put("summary", "Đã bổ sung: 120 hộ tham gia, 3 km đường.");
                body.put("version", version);
                expect(200, api.put("/api/v1/models/" + id, body, reporter));
                assertThat(expect(200, api.post("/api/v1/models/" + id + "/submit", null, reporter))
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("SUBMITTED");
            }
            String outcome = expect(
                            200,
                            plan.accept()
                                    ? appraise(id, "ACCEPT", null, appraiser)
                                    : appraise(id, "REJECT", "Chưa đạt tiêu chí", appraiser))
                    .json()
                    .get("status")
                    .asString();
            assertThat(outcome).isEqualTo(plan.accept() ? "ACCEPTED" : "REJECTED");
            if (plan.accept() && firstAccepted == null) {
                firstAccepted = id;
            }
            if (inMcn) {
                tally(expectedMcn, plan);
            }
        }
        // and a few drafts are started but never submitted (one of them for another year)
        for (int i = 0; i < 5; i++) {
            created(api.post("/api/v1/models", registration("Bản nháp " + i, units.get(i * 3), "ECONOMY"), reporterP));
        }
        Map<String, Object> draft2023 = registration("Bản nháp năm 2023", province, "CULTURE_SOCIETY");
        draft2023.put("year", 2023);
        created(api.post("/api/v1/models", draft2023, reporterP));

        // and, before any proposal, the appraisals alone are counted
        midYear = stats("unit=" + province + "&year=2024", appraiser);
        // when, at the end of the year, the accepted models planned for it are proposed for province-level
        // recognition and the province's committee decides each proposal
        List<Long> proposals = new ArrayList<>();
        List<Boolean> recognize = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).propose()) {
                String unit = units.get(i % units.size());
                String reporter = districtUnits.get(mcn).contains(unit) ? reporterMcn : reporterP;
                proposals.add(created(api.post(
                        "/api/v1/models/" + ids.get(i) + "/recognition-proposals",
                        Map.of("level", "PROVINCE", "year", 2024, "note", "Đề nghị công nhận cấp tỉnh"),
                        reporter)));
                recognize.add(plans.get(i).recognize());
            }
        }
        for (int k = 0; k < proposals.size(); k++) {
            Map<String, Object> decision = recognize.get(k)
                    ? Map.of("decision", "RECOGNIZE", "decisionNumber", "187/QĐ-BCĐ441", "decisionDate", "2024-12-20")
                    : Map.of("decision", "DECLINE", "comment", "Chưa đạt tiêu chí cấp tỉnh");
            assertThat(expect(
                                    200,
                                    api.post(
                                            "/api/v1/recognition-proposals/" + proposals.get(k) + "/decision",
                                            decision,
                                            approver))
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo(recognize.get(k) ? "RECOGNIZED" : "DECLINED");
        }

        this.province = province;
        this.mcn = mcn;
        this.reporterMcn = reporterMcn;
        this.appraiser = appraiser;
        this.approver = approver;
        this.plans = plans;
        this.expectedMcn = expectedMcn;
    }

    @Test
    void theStatisticsGiveBackBenTres2024FiguresForTheProvinceItsDistrictsAndThePeriod() {
        // then, before any proposal, the appraisals alone showed
        assertThat(midYear.get("registered").asLong()).isEqualTo(272);
        assertThat(midYear.get("accepted").asLong()).isEqualTo(242);
        assertThat(midYear.get("proposed").asLong()).isZero();

        // then the province's statistics for 2024 are exactly the published figures
        JsonNode s = stats("unit=" + province + "&year=2024", approver);
        assertThat(s.get("unit").asString()).isEqualTo(province);
        assertThat(s.get("year").asInt()).isEqualTo(2024);
        assertTotals(s, 272, 242, 30, 191, 187);
        assertThat(s.get("changesRequested").asLong()).isZero();
        assertThat(s.get("active").asLong()).isEqualTo(242);
        assertThat(s.get("retired").asLong()).isZero();
        JsonNode byLevel = s.get("recognizedByLevel");
        assertThat(byLevel.get("PROVINCE").asLong()).isEqualTo(187);
        assertThat(byLevel.get("COMMUNE").asLong()
                        + byLevel.get("DISTRICT").asLong()
                        + byLevel.get("CENTRAL").asLong())
                .isZero();
        // and split by level: every registration targets the province, and so does every proposal
        JsonNode atProvince = s.get("byLevel").get("PROVINCE");
        assertThat(atProvince.get("registered").asLong()).isEqualTo(272);
        assertThat(atProvince.get("proposed").asLong()).isEqualTo(191);
        assertThat(atProvince.get("recognized").asLong()).isEqualTo(187);
        assertThat(s.get("byLevel").get("DISTRICT").get("registered").asLong()).isZero();
        // and per field: recognized 106 / 42 / 19 / 20, registered 193 + 79
        JsonNode byField = s.get("byField");
        for (FieldFigures f : FIGURES) {
            JsonNode c = byField.get(f.field());
            assertThat(c.get("registered").asLong()).as(f.field()).isEqualTo(f.registered());
            assertThat(c.get("accepted").asLong()).as(f.field()).isEqualTo(f.accepted());
            assertThat(c.get("rejected").asLong()).as(f.field()).isEqualTo(f.registered() - f.accepted());
            assertThat(c.get("proposed").asLong()).as(f.field()).isEqualTo(f.proposed());
            assertThat(c.get("recognized").asLong()).as(f.field()).isEqualTo(f.recognized());
        }
        assertThat(byField.get("ECONOMY").get("registered").asLong()
                        + byField.get("CULTURE_SOCIETY").get("registered").asLong())
                .isEqualTo(193);
        assertThat(byField.get("DEFENSE_SECURITY").get("registered").asLong()
                        + byField.get("POLITICAL_SYSTEM").get("registered").asLong())
                .isEqualTo(79);
        // and the holder-type and origin splits add up to the totals
        assertThat(sum(s.get("byHolderType"), "registered")).isEqualTo(272);
        assertThat(sum(s.get("byHolderType"), "recognized")).isEqualTo(187);
        assertThat(s.get("byHolderType").get("INDIVIDUAL").get("registered").asLong())
                .isEqualTo(countIf(plans.size(), i -> i % 7 == 6));
        assertThat(sum(s.get("byOrigin"), "registered")).isEqualTo(272);
        assertThat(s.get("byOrigin").get("REPLICATED").get("registered").asLong())
                .isPositive();

        // and filtering by field or by level keeps the matching part only
        assertTotals(stats("unit=" + province + "&year=2024&field=ECONOMY", viewer(province)), 130, 120, 10, 108, 106);
        assertTotals(stats("unit=" + province + "&year=2024&level=PROVINCE", approver), 272, 242, 30, 191, 187);
        assertTotals(stats("unit=" + province + "&year=2024&level=DISTRICT", approver), 0, 0, 0, 0, 0);
        // and another year counts none of it
        assertTotals(stats("unit=" + province + "&year=2023", approver), 0, 0, 0, 0, 0);

        // and a district returns only its own part
        JsonNode d = stats("unit=" + mcn + "&year=2024", reporterMcn);
        assertThat(expectedMcn.get("all").get("registered")).isBetween(1, 271);
        assertTotals(
                d,
                expectedMcn.get("all").get("registered"),
                expectedMcn.get("all").get("accepted"),
                expectedMcn.get("all").get("rejected"),
                expectedMcn.get("all").get("proposed"),
                expectedMcn.get("all").get("recognized"));
        assertThat(d.get("active").asLong())
                .isEqualTo(expectedMcn.get("all").get("accepted").longValue());
        for (FieldFigures f : FIGURES) {
            Map<String, Integer> e = expectedMcn.getOrDefault(f.field(), Map.of());
            assertThat(d.get("byField").get(f.field()).get("recognized").asLong())
                    .as(f.field())
                    .isEqualTo(e.getOrDefault("recognized", 0).longValue());
        }

        // and the period 2021-2025 gives the same totals as the year
        JsonNode p = stats("unit=" + province + "&period=2021-2025", approver);
        assertThat(p.get("period").asString()).isEqualTo("2021-2025");
        assertThat(p.has("year")).isFalse();
        assertTotals(p, 272, 242, 30, 191, 187);
        assertThat(p.get("active").asLong()).isEqualTo(242);
        assertThat(p.get("changesRequested").asLong()).isZero();
        assertThat(p.get("recognizedByLevel").get("PROVINCE").asLong()).isEqualTo(187);
        for (FieldFigures f : FIGURES) {
            assertThat(p.get("byField").get(f.field()).get("recognized").asLong())
                    .isEqualTo(f.recognized());
        }
    }

    @Test
    void theStatisticsWorkbookCarriesTheNumbersOfTheJsonInVietnameseSheets() throws Exception {
        // given the JSON of the province's year
        JsonNode s = stats("unit=" + province + "&year=2024", approver);
        // when the same parameters ask for the workbook
        Api.Bytes x = api.getBytes("/api/v1/statistics.xlsx?unit=" + province + "&year=2024", approver);
        // then it is a workbook whose cells are the JSON's numbers, formatted as integers
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.contentType()).startsWith(Xlsx.CONTENT_TYPE);
        keep("bentre-2024-statistics.xlsx", x.body());
        try (XSSFWorkbook wb = Documents.workbook(x.body())) {
            assertThat(Documents.number(wb, "Tổng hợp", "Đăng ký", 1))
                    .isEqualTo(s.get("registered").asLong())
                    .isEqualTo(272);
            assertThat(Documents.number(wb, "Tổng hợp", "Ghi nhận", 1))
                    .isEqualTo(s.get("accepted").asLong())
                    .isEqualTo(242);
            assertThat(Documents.number(wb, "Tổng hợp", "Không ghi nhận", 1))
                    .isEqualTo(s.get("rejected").asLong())
                    .isEqualTo(30);
            assertThat(Documents.number(wb, "Tổng hợp", "Đề nghị công nhận", 1))
                    .isEqualTo(s.get("proposed").asLong())
                    .isEqualTo(191);
            assertThat(Documents.number(wb, "Tổng hợp", "Được công nhận", 1))
                    .isEqualTo(s.get("recognized").asLong())
                    .isEqualTo(187);
            assertThat(Documents.row(wb.getSheet("Tổng hợp"), "Đăng ký")
                            .getCell(1)
                            .getCellStyle()
                            .getDataFormatString())
                    .isEqualTo("#,##0");
            Map<String, String> labels = Map.of(
                    "ECONOMY",
                    "Kinh tế",
                    "CULTURE_SOCIETY",
                    "Văn hóa – xã hội",
                    "DEFENSE_SECURITY",
                    "Quốc phòng – an ninh",
                    "POLITICAL_SYSTEM",
                    "Xây dựng Đảng, hệ thống chính trị");
            int registered = Documents.column(wb.getSheet("Theo lĩnh vực"), "Đăng ký");
            int recognized = Documents.column(wb.getSheet("Theo lĩnh vực"), "Được công nhận");
            for (FieldFigures f : FIGURES) {
                assertThat(Documents.number(wb, "Theo lĩnh vực", labels.get(f.field()), registered))
                        .as(f.field())
                        .isEqualTo(s.get("byField")
                                .get(f.field())
                                .get("registered")
                                .asLong())
                        .isEqualTo(f.registered());
                assertThat(Documents.number(wb, "Theo lĩnh vực", labels.get(f.field()), recognized))
                        .as(f.field())
                        .isEqualTo(f.recognized());
            }
            assertThat(Documents.number(wb, "Theo lĩnh vực", "Tổng cộng", recognized))
                    .isEqualTo(187);
            assertThat(Documents.number(wb, "Theo cấp công nhận", "Tỉnh", 1)).isEqualTo(187);
            assertThat(Documents.number(wb, "Theo cấp", "Tỉnh", registered))
                    .isEqualTo(
                            s.get("byLevel").get("PROVINCE").get("registered").asLong())
                    .isEqualTo(272);
            assertThat(Documents.number(wb, "Theo đối tượng", "Cá nhân", registered))
                    .isEqualTo(s.get("byHolderType")
                            .get("INDIVIDUAL")
                            .get("registered")
                            .asLong());
            // and the sub-units sheet gives each district what its own statistics give
            JsonNode d = stats("unit=" + mcn + "&year=2024", approver);
            int subRegistered = Documents.column(wb.getSheet("Đơn vị trực thuộc"), "Đăng ký");
            int subRecognized = Documents.column(wb.getSheet("Đơn vị trực thuộc"), "Được công nhận");
            assertThat(Documents.number(wb, "Đơn vị trực thuộc", mcn, subRegistered))
                    .isEqualTo(d.get("registered").asLong());
            assertThat(Documents.number(wb, "Đơn vị trực thuộc", mcn, subRecognized))
                    .isEqualTo(d.get("recognized").asLong());
        }
        // and another province's people get nothing
        String stranger = user(unit(Api.unique("XX"), "Tỉnh khác", "PROVINCE", "AREA", "TW"), "VIEWER");
        assertThat(api.get("/api/v1/statistics.xlsx?unit=" + province + "&year=2024", stranger)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/statistics.xlsx?unit=" + province + "&year=1900", approver)
                        .errorFields())
                .contains("year");
    }

    @Test
    void theAnnualReportWritesTheSameNumbersIntoItsSentencesInPdfAndDocx() throws Exception {
        // given the board's assessments, written on the preview page
        WebSession board = WebSession.signedIn(api.base(), replay.username(appraiser), PASSWORD);
        String preview =
                board.get("/reports/annual?unit=" + province + "&year=2024").text();
        assertThat(preview).contains("công nhận 187/191 mô hình “Dân vận khéo” đạt tiêu chí cấp tỉnh");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("unit", province);
        form.put("year", "2024");
        form.put("style", "PARTY");
        form.put("parentBody", "Tỉnh ủy Bến Tre");
        form.put("issuer", "Ban Chỉ đạo 441");
        form.put("number", "35-BC/BCĐ");
        form.put("place", "Bến Tre");
        form.put("issuedOn", "2024-12-30");
        form.put("strengths", "Phong trào lan tỏa sâu rộng trong cộng đồng dân cư.");
        form.put("shortcomings", "Một số mô hình còn chung chung.");
        form.put("directions", "Nhân rộng 3 mô hình tiêu biểu cấp tỉnh.");
        form.put("signerName", "Bùi Văn Bia");
        form.put("recipients", "Ban Dân vận Trung ương\nLưu: VT");
        assertThat(board.post("/reports/annual", form).status()).isEqualTo(302);
        // and a second save from the stale form is refused
        assertThat(board.post("/reports/annual", form).status()).isEqualTo(409);

        // when the report is asked for as PDF and as DOCX
        Api.Bytes pdf = api.getBytes("/api/v1/reports/annual?unit=" + province + "&year=2024&format=pdf", approver);
        Api.Bytes docx = api.getBytes("/api/v1/reports/annual?unit=" + province + "&year=2024&format=docx", approver);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.contentType()).isEqualTo(ReportApiController.DOCX);
        keep("bentre-2024-report.pdf", pdf.body());
        keep("bentre-2024-report.docx", docx.body());

        // then both carry the figures of the statistics, in sentences, and the board's text
        JsonNode s = stats("unit=" + province + "&year=2024", approver);
        String text = PdfText.flat(pdf.body());
        String word = Documents.docxText(docx.body());
        for (String t : List.of(text, word)) {
            assertThat(t)
                    .contains("ĐẢNG CỘNG SẢN VIỆT NAM")
                    .contains("BAN CHỈ ĐẠO 441")
                    .contains("Số 35-BC/BCĐ")
                    .contains("Bến Tre, ngày 30 tháng 12 năm 2024")
                    .contains("BÁO CÁO")
                    .contains("Năm 2024, Ban Chỉ đạo 441 đã tiếp nhận đăng ký "
                            + s.get("registered").asLong() + " mô hình")
                    .contains("(130 mô hình lĩnh vực kinh tế, 63 mô hình lĩnh vực văn hóa – xã hội, 39 mô hình lĩnh vực"
                            + " quốc phòng – an ninh, 40 mô hình lĩnh vực xây dựng Đảng, hệ thống chính trị)")
                    .contains("đã ghi nhận, góp ý, điều chỉnh 242 mô hình, không ghi nhận 30 mô hình")
                    .contains("đã tiếp nhận 191 mô hình đề nghị công nhận cấp tỉnh và đã quyết định công nhận 187/191"
                            + " mô hình “Dân vận khéo” đạt tiêu chí cấp tỉnh")
                    .contains("106 mô hình lĩnh vực kinh tế, 42 mô hình lĩnh vực văn hóa – xã hội, 19 mô hình lĩnh vực"
                            + " quốc phòng – an ninh, 20 mô hình lĩnh vực xây dựng Đảng, hệ thống chính trị")
                    .contains("Danh sách 187 mô hình được công nhận năm 2024")
                    .contains("có 242 mô hình đang được duy trì")
                    .contains("Phong trào lan tỏa sâu rộng trong cộng đồng dân cư.")
                    .contains("Nhân rộng 3 mô hình tiêu biểu cấp tỉnh.")
                    .contains("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025")
                    .contains("Ban Dân vận Trung ương")
                    .contains("Bùi Văn Bia");
        }
        // and the list of recognized models has one line per recognition decision
        assertThat(word.split("187/QĐ-BCĐ441", -1).length - 1).isEqualTo(187);
        assertThat(PdfText.of(pdf.body()).split("\f").length).isGreaterThan(3);

        // and bad parameters are named, another province is not found
        assertThat(api.get("/api/v1/reports/annual?unit=" + province + "&year=2024&format=odt", approver)
                        .errorFields())
                .containsExactly("format");
        assertThat(api.get("/api/v1/reports/annual?unit=" + province + "&year=20245", approver)
                        .errorFields())
                .containsExactly("year");
        String stranger = user(unit(Api.unique("XY"), "Tỉnh khác", "PROVINCE", "AREA", "TW"), "VIEWER");
        assertThat(api.get("/api/v1/reports/annual?unit=" + province + "&year=2024", stranger)
                        .status())
                .isEqualTo(404);
        // and a viewer reads the preview but may not write the assessments
        WebSession viewer = WebSession.signedIn(api.base(), replay.username(viewer(province)), PASSWORD);
        assertThat(viewer.get("/reports/annual?unit=" + province + "&year=2024").status())
                .isEqualTo(200);
        form.put("version", "1");
        assertThat(viewer.post("/reports/annual", form).status()).isEqualTo(403);
    }

    @Test
    void theDashboardShowsTheNumbersOfTheApiAndDrillsDownIntoEachDistrict() {
        // given the leadership of the province on the pages
        WebSession leader = WebSession.signedIn(api.base(), replay.username(approver), PASSWORD);
        JsonNode s = stats("unit=" + province + "&year=2024", approver);
        // when it opens the dashboard and its data
        WebSession.Page page = leader.get("/statistics?unit=" + province + "&year=2024");
        WebSession.Page data = leader.get("/statistics/data?unit=" + province + "&year=2024");
        // then the figures of the page and of the charts are those of the API
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("id=\"stat-registered\">272<")
                .contains("id=\"stat-recognized\">187<")
                .contains("data-url=\"/statistics/data?unit=" + province + "&year=2024\"")
                .contains("href=\"/statistics?unit=" + mcn + "&year=2024\"");
        JsonNode d = Api.JSON.readTree(data.body());
        assertThat(d.get("report")).isEqualTo(s);
        JsonNode mcnRow = d.get("children")
                .valueStream()
                .filter(c -> c.get("code").asString().equals(mcn))
                .findFirst()
                .orElseThrow();
        JsonNode m = stats("unit=" + mcn + "&year=2024", approver);
        for (String k : List.of("registered", "accepted", "rejected", "proposed", "recognized", "active", "retired")) {
            assertThat(mcnRow.get("counts").get(k).asLong())
                    .as(k)
                    .isEqualTo(m.get(k).asLong());
        }
        long sumOfChildren = d.get("children")
                .valueStream()
                .mapToLong(c -> c.get("counts").get("registered").asLong())
                .sum();
        assertThat(sumOfChildren).isLessThanOrEqualTo(272).isPositive();
        assertThat(d.get("byYear").get("2024").get("recognized").asLong()).isEqualTo(187);
        assertThat(d.get("byYear").get("2023").get("registered").asLong()).isZero();
        // and the drill-down shows the district with the way back up
        WebSession.Page down = leader.get("/statistics?unit=" + mcn + "&year=2024");
        assertThat(down.text())
                .contains("id=\"stat-registered\">" + m.get("registered").asLong() + "<")
                .contains("href=\"/statistics?unit=" + province + "&");
        // and the download button gives the same workbook as the API
        Api.Bytes x = leader.getBytes("/statistics/export.xlsx?unit=" + province + "&year=2024&field=ECONOMY");
        assertThat(x.status()).isEqualTo(200);
        try (XSSFWorkbook wb = Documents.workbook(x.body())) {
            assertThat(Documents.number(wb, "Tổng hợp", "Được công nhận", 1)).isEqualTo(106);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // and a bad filter is a warning on the page, a 400 for the data
        assertThat(leader.get("/statistics?unit=" + province + "&year=abc").status())
                .isEqualTo(200);
        assertThat(leader.get("/statistics/data?unit=" + province + "&year=abc").status())
                .isEqualTo(400);
        assertThat(leader.get("/statistics/data?unit=" + province + "&period=abc")
                        .status())
                .isEqualTo(400);
        assertThat(leader.get("/statistics?unit=" + province + "&period=abc").status())
                .isEqualTo(200);
        assertThat(leader.get("/statistics/data?unit=TW&year=2024").status()).isEqualTo(404);
    }

    @Test
    void theModelListWorkbookHoldsEveryRowTheListCountsAndIsAlsoMadeInTheBackground() throws Exception {
        // given the list's own count for the same filters, for a reporter (who sees drafts) and an approver
        String reporter = replay.user(province, "REPORTER");
        for (String token : List.of(reporter, approver)) {
            long listed = expect(
                            200, api.get("/api/v1/models?unit=" + province + "&year=2024&field=ECONOMY&size=1", token))
                    .json()
                    .get("page")
                    .get("totalElements")
                    .asLong();
            // when the workbook is asked for
            Api.Bytes x = api.getBytes("/api/v1/models.xlsx?unit=" + province + "&year=2024&field=ECONOMY", token);
            // then it has one row per model of the list, with Vietnamese headers and dates
            assertThat(x.status()).isEqualTo(200);
            try (XSSFWorkbook wb = Documents.workbook(x.body())) {
                var sheet = wb.getSheet("Danh sách mô hình");
                assertThat(sheet.getLastRowNum()).isEqualTo((int) listed);
                assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Tên mô hình");
                assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Kinh tế");
                int year = Documents.column(sheet, "Năm");
                assertThat((long) sheet.getRow(1).getCell(year).getNumericCellValue())
                        .isEqualTo(2024);
                assertThat(sheet.getRow(1).getCell(year).getCellStyle().getDataFormatString())
                        .isEqualTo("0");
                int submitted = Documents.column(sheet, "Ngày gửi đăng ký");
                var dated = sheet.getRow(1).getCell(submitted);
                if (dated != null) {
                    assertThat(dated.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
                }
            }
            assertThat(listed).isEqualTo(token.equals(reporter) ? 135 : 130);
        }
        assertThat(api.get("/api/v1/models.xlsx?unit=NOPE", approver).errorFields())
                .containsExactly("unit");

        // when the same list is asked for in the background (the model list's button carries its filters)
        WebSession leader = WebSession.signedIn(api.base(), replay.username(approver), PASSWORD);
        assertThat(leader.get("/models?unit=" + province + "&year=2024&field=ECONOMY")
                        .body())
                .contains("id=\"export-models\"")
                .contains("name=\"field\" value=\"ECONOMY\"");
        leader.get("/statistics?unit=" + province + "&year=2024");
        WebSession.Page started = leader.post(
                "/statistics/jobs",
                Map.of("kind", "MODELS", "unit", province, "year", "2024", "field", "", "level", ""));
        assertThat(started.status()).isEqualTo(302);
        String job = started.location().replaceFirst("^.*/statistics/jobs/", "");
        // then the progress fragment ends with a download of every row
        String progress = "";
        for (int i = 0; i < 120 && !progress.contains("job-download"); i++) {
            progress = leader.get("/statistics/jobs/" + job + "/progress").body();
            if (progress.contains("hx-trigger=\"every 1s\"")) {
                Thread.sleep(500);
            }
        }
        assertThat(progress).contains("job-download").doesNotContain("every 1s");
        Api.Bytes file = leader.getBytes("/statistics/jobs/" + job + "/file");
        assertThat(file.status()).isEqualTo(200);
        try (XSSFWorkbook wb = Documents.workbook(file.body())) {
            assertThat(wb.getSheet("Danh sách mô hình").getLastRowNum()).isEqualTo(272);
        }
        // and nobody else sees that job
        WebSession other = WebSession.signedIn(api.base(), replay.username(appraiser), PASSWORD);
        assertThat(other.get("/statistics/jobs/" + job).status()).isEqualTo(404);
        assertThat(other.getBytes("/statistics/jobs/" + job + "/file").status()).isEqualTo(404);
    }

    @Test
    void theDashboardDrawsItsChartsFromTheJsonOnADesktopAndOnAPhoneWithoutInlineScript() {
        try (Browser browser = new Browser(api.base())) {
            // given the province's leader signed in
            Page page = browser.signIn(replay.username(approver), PASSWORD);
            List<String> errors = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(m.text());
                }
            });
            // when the dashboard opens, on a desktop and then on a phone
            page.navigate(browser.url("/statistics?unit=" + province + "&year=2024"));
            page.waitForSelector("canvas[data-chart=children][data-drawn=true]");
            // then every chart is drawn, and the browser reports no refused script or style
            assertThat(page.locator("canvas[data-drawn=true]").count()).isEqualTo(9);
            assertThat(page.locator(".chart-fallback").isHidden()).isTrue();
            Browser.shot(page, "statistics-dashboard");
            page.setViewportSize(390, 844);
            page.reload();
            page.waitForSelector("canvas[data-chart=children][data-drawn=true]");
            Browser.shot(page, "statistics-dashboard-phone");
            // and the report's preview shows the same figures in its sentences
            page.setViewportSize(1280, 900);
            page.navigate(browser.url("/reports/annual?unit=" + province + "&year=2024"));
            assertThat(page.locator("#preview").textContent()).contains("187/191");
            Browser.shot(page, "annual-report-preview");
            assertThat(errors).isEmpty();
        }
    }

    /** Keeps a generated file under target/exports for tools/check-exports.sh and the docs' screenshots. */
    private static void keep(String name, byte[] bytes) throws IOException {
        Path dir = Path.of("target", "exports");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
    }

    private static List<Plan> plans() {
        List<List<Plan>> perField = new ArrayList<>();
        for (FieldFigures f : FIGURES) {
            List<Plan> list = new ArrayList<>();
            for (int k = 0; k < f.registered(); k++) {
                list.add(new Plan(f.field(), k < f.accepted(), k % 8 == 3, k < f.proposed(), k < f.recognized()));
            }
            perField.add(list);
        }
        List<Plan> out = new ArrayList<>();
        for (int k = 0; out.size() < 272; k++) {
            for (List<Plan> list : perField) {
                if (k < list.size()) {
                    out.add(list.get(k));
                }
            }
        }
        return out;
    }

    private static void tally(Map<String, Map<String, Integer>> expected, Plan plan) {
        for (String key : List.of("all", plan.field())) {
            Map<String, Integer> m = expected.computeIfAbsent(key, k -> new HashMap<>());
            m.merge("registered", 1, Integer::sum);
            m.merge(plan.accept() ? "accepted" : "rejected", 1, Integer::sum);
            if (plan.propose()) {
                m.merge("proposed", 1, Integer::sum);
            }
            if (plan.recognize()) {
                m.merge("recognized", 1, Integer::sum);
            }
        }
    }

    private static void assertTotals(
            JsonNode s, long registered, long accepted, long rejected, long proposed, long recognized) {
        assertThat(s.get("registered").asLong()).as("registered").isEqualTo(registered);
        assertThat(s.get("accepted").asLong()).as("accepted").isEqualTo(accepted);
        assertThat(s.get("rejected").asLong()).as("rejected").isEqualTo(rejected);
        assertThat(s.get("proposed").asLong()).as("proposed").isEqualTo(proposed);
        assertThat(s.get("recognized").asLong()).as("recognized").isEqualTo(recognized);
    }

    private static long sum(JsonNode split, String count) {
        long total = 0;
        for (JsonNode c : split) {
            total += c.get(count).asLong();
        }
        return total;
    }

    private static long countIf(int n, IntPredicate p) {
        return IntStream.range(0, n).filter(p).count();
    }

    private JsonNode stats(String query, String token) {
        return expect(200, api.get("/api/v1/statistics?" + query, token)).json();
    }

    private Api.Res appraise(long id, String decision, String comment, String token) {
        return replay.appraise(id, decision, comment, token);
    }

    private static Map<String, Object> registration(String title, String unit, String field) {
        return SeedReplay.registration(title, unit, field, "PROVINCE", 2024);
    }

    private String unit(String code, String name, String level, String kind, String parent) {
        return replay.unit(code, name, level, kind, parent);
    }

    private String user(String unit, String role) {
        return replay.user(unit, role);
    }

    private String viewer(String unit) {
        return user(unit, "VIEWER");
    }

    private static long created(Api.Res r) {
        return SeedReplay.created(r);
    }

    private static Api.Res expect(int status, Api.Res r) {
        return SeedReplay.expect(status, r);
    }
}
