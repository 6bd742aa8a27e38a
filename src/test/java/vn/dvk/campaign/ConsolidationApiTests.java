package vn.dvk.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * A campaign's consolidation (tổng hợp đăng ký): the counts of each unit below the campaign's unit, from models made
 * here, who sees which rows, the filter, paging, bad parameters, and the workbook.
 */
class ConsolidationApiTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final int YEAR = TODAY.getYear();
    private static final List<String> SECTIONS =
            List.of("situation", "goals", "approach", "area", "forces", "resources", "outputs", "sustainability");

    private World w;
    private String district2;
    private long campaign;

    /**
     * Given a province with two districts (the second registers nothing) and, under the first, commune A, which
     * registers for the campaign's year and levels: one model accepted (submitted before the campaign was launched,
     * without a dossier), one awaiting appraisal, one rejected, one sent back for changes (those three with the full
     * dossier the campaign requires); and, not counted: a draft, a model of the year before, one of a level the
     * campaign does not cover. Commune B has only a draft.
     */
    @BeforeEach
    void world() {
        w = new World(api());
        district2 = secondDistrict(w);
        long early = submitted("Trước phát động", YEAR, "DISTRICT", false);
        assertThat(w.appraise("appraiserD", early, "ACCEPT", null).status()).isEqualTo(200);
        campaign = launch(w, List.of("DISTRICT", "COMMUNE"), true);

        submitted("Chờ thẩm định", YEAR, "COMMUNE", true);
        long rejected = submitted("Không ghi nhận", YEAR, "DISTRICT", true);
        assertThat(w.appraise("appraiserD", rejected, "REJECT", "Chưa có kết quả")
                        .status())
                .isEqualTo(200);
        long adjust = submitted("Cần điều chỉnh", YEAR, "DISTRICT", true);
        assertThat(w.appraise("appraiserD", adjust, "REQUEST_CHANGES", "Bổ sung số hộ")
                        .status())
                .isEqualTo(200);
        model("reporterA", w.communeA, "Bản nháp", YEAR, "DISTRICT", true);
        submitted("Năm trước", YEAR - 1, "DISTRICT", true);
        submitted("Cấp tỉnh", YEAR, "PROVINCE", true);
        model("reporterB", w.communeB, "Nháp của xã B", YEAR, "COMMUNE", true);
    }

    @Test
    void theProvinceSeesEachDistrictWithItsSubtreeCountedAndTheOneThatRegisteredNothing() {
        // when the province's approver reads the consolidation
        Api.Res r = w.api.get(path(""), w.token("approverP"));

        // then the campaign and the unit are named, and each district is a row, counted over its communes
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.get("campaign").get("documentNumber").asString()).isEqualTo("15-KH/BDVTU");
        assertThat(c.get("own").get("unitCode").asString()).isEqualTo(w.province);
        assertThat(units(c)).containsExactlyInAnyOrder(w.district, district2);
        JsonNode d = row(c, w.district);
        assertThat(figures(d)).containsExactly(4L, 1L, 1L, 1L, 1L, 3L);
        assertThat(figures(row(c, district2))).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(d.get("level").asString()).isEqualTo("DISTRICT");
        // and the totals are the whole province: one district registered, one did not
        JsonNode t = c.get("totals");
        assertThat(figures(t)).containsExactly(4L, 1L, 1L, 1L, 1L, 3L);
        assertThat(List.of(
                        t.get("units").asLong(),
                        t.get("unitsRegistered").asLong(),
                        t.get("unitsMissing").asLong()))
                .containsExactly(2L, 1L, 1L);
        assertThat(c.get("page").get("totalElements").asLong()).isEqualTo(2);

        // when only the units that have not registered are asked for
        JsonNode missing =
                w.api.get(path("?onlyMissing=true"), w.token("approverP")).json();

        // then only the second district is listed, and the totals stay those of the province
        assertThat(units(missing)).containsExactly(district2);
        assertThat(missing.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(missing.get("totals").get("registered").asLong()).isEqualTo(4);
    }

    @Test
    void aDrillDownListsTheCommunesAndPagesThem() {
        // when the province drills into the district
        JsonNode c =
                w.api.get(path("?unit=" + w.district), w.token("approverP")).json();

        // then the communes are the rows: A with its four registrations, B (a draft only) with none
        assertThat(units(c)).containsExactlyInAnyOrder(w.communeA, w.communeB);
        assertThat(figures(row(c, w.communeA))).containsExactly(4L, 1L, 1L, 1L, 1L, 3L);
        assertThat(row(c, w.communeB).get("registered").asLong()).isZero();
        assertThat(c.get("own").get("registered").asLong()).isZero();

        // when it is read one row a page
        JsonNode first = w.api.get(path("?unit=" + w.district + "&size=1"), w.token("approverP"))
                .json();
        JsonNode second = w.api.get(path("?unit=" + w.district + "&size=1&page=1"), w.token("approverP"))
                .json();

        // then two pages of one row each, different, with the same totals
        assertThat(first.get("page").get("totalPages").asLong()).isEqualTo(2);
        assertThat(units(first)).hasSize(1);
        assertThat(units(second)).hasSize(1).doesNotContainAnyElementsOf(units(first));
        assertThat(second.get("totals").get("registered").asLong()).isEqualTo(4);
        // and the leaf, drilled into, is its own line
        JsonNode leaf =
                w.api.get(path("?unit=" + w.communeA), w.token("approverP")).json();
        assertThat(units(leaf)).isEmpty();
        assertThat(figures(leaf.get("own"))).containsExactly(4L, 1L, 1L, 1L, 1L, 3L);
    }

    @Test
    void aUnitBelowSeesOnlyItsOwnSubtreeAndAnOutsiderNothing() {
        // when the district's appraiser reads it: its communes
        JsonNode d = w.api.get(path(""), w.token("appraiserD")).json();
        assertThat(d.get("own").get("unitCode").asString()).isEqualTo(w.district);
        assertThat(units(d)).containsExactlyInAnyOrder(w.communeA, w.communeB);

        // when commune A's reporter reads it: itself only
        Api.Res a = w.api.get(path(""), w.token("reporterA"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("own").get("unitCode").asString()).isEqualTo(w.communeA);
        assertThat(a.json().get("own").get("registered").asLong()).isEqualTo(4);
        assertThat(units(a.json())).isEmpty();
        // and commune B's reporter sees itself with nothing registered
        assertThat(w.api.get(path(""), w.token("reporterB"))
                        .json()
                        .get("totals")
                        .get("registered")
                        .asLong())
                .isZero();

        // then neither the district above it nor the neighbouring commune: 404 naming the unit
        for (String unit : List.of(w.district, w.communeB, w.province)) {
            Api.Res above = w.api.get(path("?unit=" + unit), w.token("reporterA"));
            assertThat(above.status()).isEqualTo(404);
            assertThat(above.errorFields()).containsExactly("unit");
        }
        // and someone of another province sees neither the campaign nor its workbook
        World other = new World(api());
        assertThat(w.api.get(path(""), other.token("approverP")).status()).isEqualTo(404);
        assertThat(w.api.getBytes(path(".xlsx"), other.token("approverP")).status())
                .isEqualTo(404);
        // and a unit of another province, named by the province, is not in the campaign's subtree
        Api.Res foreign = w.api.get(path("?unit=" + other.communeA), w.token("adminP"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.errorFields()).containsExactly("unit");
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("?page=-1", "page");
        bad.put("?page=abc", "page");
        bad.put("?size=0", "size");
        bad.put("?size=501", "size");
        bad.put("?onlyMissing=perhaps", "onlyMissing");
        bad.put("?unit=" + "X".repeat(33), "unit");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Api.Res r = w.api.get(path(e.getKey()), w.token("approverP"));
            assertThat(r.status()).as(e.getKey() + " " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.errorFields()).as(e.getKey()).containsExactly(e.getValue());
        }
        Api.Res unknown = w.api.get(path("?unit=NO-SUCH-UNIT"), w.token("approverP"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorFields()).containsExactly("unit");
        assertThat(w.api.get("/api/v1/campaigns/999999999/consolidation", w.token("approverP"))
                        .status())
                .isEqualTo(404);
        assertThat(w.api.get(path("?size=500"), w.token("approverP")).status()).isEqualTo(200);
    }

    @Test
    void theWorkbookCarriesTheCampaignTheRowsAndTheTotals() throws IOException {
        // when the province downloads the workbook
        Api.Bytes x = w.api.getBytes(path(".xlsx"), w.token("approverP"));

        // then it is a workbook whose head names the campaign, its document and the unit
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getSheetName()).isEqualTo("Tổng hợp đăng ký");
            assertThat(text(s, 0, 0)).contains("Tổng hợp đăng ký").contains("Phát động đăng ký mô hình năm " + YEAR);
            assertThat(text(s, 1, 0))
                    .isEqualTo(
                            "Số 15-KH/BDVTU " + TODAY.minusDays(5).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            assertThat(text(s, 2, 0)).contains("Năm " + YEAR).contains("Huyện, Xã");
            assertThat(text(s, 3, 0)).contains("Tỉnh " + w.province.substring(0, w.province.length() - 1));
            // and the Vietnamese column titles, the dossier's included
            assertThat(cells(s.getRow(5)))
                    .containsExactly(
                            "STT",
                            "Mã đơn vị",
                            "Đơn vị",
                            "Đã đăng ký",
                            "Chờ thẩm định",
                            "Cần điều chỉnh",
                            "Được ghi nhận",
                            "Không ghi nhận",
                            "Hồ sơ đầy đủ");
            // and one row per district, then the totals
            Map<String, List<Long>> rows = new LinkedHashMap<>();
            for (int i = 6; i <= s.getLastRowNum() - 1; i++) {
                rows.put(text(s, i, 1), numbers(s.getRow(i)));
            }
            assertThat(rows).containsOnlyKeys(w.district, district2);
            assertThat(rows.get(w.district)).containsExactly(4L, 1L, 1L, 1L, 1L, 3L);
            assertThat(rows.get(district2)).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
            Row total = s.getRow(s.getLastRowNum());
            assertThat(total.getCell(2).getStringCellValue()).isEqualTo("Tổng cộng");
            assertThat(numbers(total)).containsExactly(4L, 1L, 1L, 1L, 1L, 3L);
        }

        // when only the missing units of the district are downloaded
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                w.api.getBytes(path(".xlsx?unit=" + w.district + "&onlyMissing=true"), w.token("approverP"))
                        .body()))) {
            Sheet s = wb.getSheetAt(0);
            // then the head says so and commune B is the one row
            assertThat(text(s, 3, 0)).contains("Chỉ đơn vị chưa đăng ký");
            assertThat(s.getLastRowNum()).isEqualTo(7);
            assertThat(text(s, 6, 1)).isEqualTo(w.communeB);
        }
    }

    /** A second district of the world's province, where nobody registers. */
    static String secondDistrict(World w) {
        return w.unit(w.province + "D2", "Huyện Hai " + w.province, "DISTRICT", "AREA", w.province);
    }

    /** The province's campaign of this year, open from yesterday for ten days, document 15-KH/BDVTU. */
    static long launch(World w, List<String> levels, boolean requireDossier) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitCode", w.province);
        body.put("year", YEAR);
        body.put("title", "Phát động đăng ký mô hình năm " + YEAR);
        body.put("documentNumber", "15-KH/BDVTU");
        body.put("documentDate", TODAY.minusDays(5).toString());
        body.put("registrationOpens", TODAY.minusDays(1).toString());
        body.put("registrationCloses", TODAY.plusDays(10).toString());
        body.put("levels", levels);
        body.put("requireDossier", requireDossier);
        Api.Res launched = w.api.post("/api/v1/campaigns", body, w.token("approverP"));
        assertThat(launched.status()).as(launched.body()).isEqualTo(201);
        return launched.json().get("id").asLong();
    }

    private String path(String rest) {
        return "/api/v1/campaigns/" + campaign + "/consolidation" + rest;
    }

    private long submitted(String title, int year, String level, boolean dossier) {
        long id = model("reporterA", w.communeA, title, year, level, dossier);
        Api.Res r = w.submit("reporterA", id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return id;
    }

    private long model(String reporter, String unit, String title, int year, String level, boolean dossier) {
        Map<String, Object> body = World.registration(title + " " + unit, unit, level, "ECONOMY");
        body.put("year", year);
        if (dossier) {
            SECTIONS.forEach(s -> body.put(s, "Nội dung " + s));
        }
        return w.draft(reporter, body);
    }

    private static List<String> units(JsonNode c) {
        return c.get("content")
                .valueStream()
                .map(r -> r.get("unitCode").asString())
                .toList();
    }

    private static JsonNode row(JsonNode c, String unit) {
        return c.get("content")
                .valueStream()
                .filter(r -> r.get("unitCode").asString().equals(unit))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + unit + ": " + c));
    }

    /** registered, awaitingAppraisal, changesRequested, accepted, rejected, dossierComplete. */
    private static List<Long> figures(JsonNode r) {
        return List.of(
                r.get("registered").asLong(),
                r.get("awaitingAppraisal").asLong(),
                r.get("changesRequested").asLong(),
                r.get("accepted").asLong(),
                r.get("rejected").asLong(),
                r.get("dossierComplete").asLong());
    }

    private static String text(Sheet s, int row, int col) {
        return s.getRow(row).getCell(col).getStringCellValue();
    }

    private static List<String> cells(Row r) {
        List<String> out = new ArrayList<>();
        r.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    private static List<Long> numbers(Row r) {
        List<Long> out = new ArrayList<>();
        for (int i = 3; i < r.getLastCellNum(); i++) {
            Cell c = r.getCell(i);
            out.add((long) c.getNumericCellValue());
        }
        return out;
    }
}
