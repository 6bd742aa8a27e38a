package vn.dvk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvk.imports.Workbooks.model;
import static vn.dvk.imports.Workbooks.with;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

/** Importing models from Excel: template, preview, all or nothing, idempotence, history and its audit entry. */
class ModelImportTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    static Api.Res upload(Api api, String query, byte[] file, String token) {
        return new Multipart().file("file", "mo-hinh.xlsx", file).post(api, "/api/v1/imports/models" + query, token);
    }

    private long modelsOf(String unit) {
        return w.api.get("/api/v1/models?unit=" + unit, w.token("reporterA"))
                .json()
                .get("page")
                .get("totalElements")
                .asLong();
    }

    private static List<String> errors(Api.Res r) {
        List<String> out = new ArrayList<>();
        r.json()
                .get("errors")
                .forEach(e ->
                        out.add(e.get("row").asInt() + ":" + e.get("column").asString()));
        return out;
    }

    @Test
    void theTemplateHasVietnameseAndEnglishHeadersListsAnExampleAndAGuide() throws Exception {
        // when the models template is downloaded
        Api.Bytes t = w.api.getBytes("/api/v1/imports/templates/models.xlsx", w.token("reporterA"));

        // then it is a workbook with the Vietnamese headers, the keys below them, an example row, drop-down lists
        // for the choices and a sheet that explains each column
        assertThat(t.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.body()))) {
            XSSFSheet data = wb.getSheetAt(0);
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Số hồ sơ");
            assertThat(data.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Lĩnh vực");
            assertThat(data.getRow(1).getCell(0).getStringCellValue()).isEqualTo("externalId");
            assertThat(data.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Kinh tế");
            assertThat(data.getDataValidations()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(wb.getSheet("Hướng dẫn").getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo("externalId");
        }
        // and an untouched template is refused as having no rows, not imported as its example
        Api.Res r = upload(w.api, "?dryRun=true", t.body(), w.token("reporterA"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("không có dòng dữ liệu");
    }

    @Test
    void thePreviewListsEveryWrongRowBesideItsColumnAndWritesNothing() {
        // given a file with a good row and one row for each rule a registration breaks
        Map<String, String> good = model("A-1", w.communeA);
        byte[] file = Workbooks.models(List.of(
                good,
                with(good, "externalId", "A-2", "unitCode", "KHONGCO"),
                with(good, "externalId", "A-3", "unitCode", w.communeB),
                with(good, "externalId", "A-4", "year", "2005"),
                with(good, "externalId", "A-5", "field", "Nông nghiệp"),
                with(
                        good,
                        "externalId",
                        "A-6",
                        "status",
                        "RECOGNIZED",
                        "submittedOn",
                        "01/03/2024",
                        "appraisedOn",
                        "01/04/2024",
                        "recognitionLevel1",
                        "DISTRICT",
                        "decisionDate1",
                        "20/11/2024"),
                with(good, "title", "Trùng số hồ sơ"),
                with(good, "externalId", "A-8", "status", "ACCEPTED", "submittedOn", "01/03/2024")));

        // when it is previewed
        Api.Res r = upload(w.api, "?dryRun=true", file, w.token("reporterA"));

        // then each wrong row is named with its column, the good row counts as valid, and nothing is written
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("rows").asInt()).isEqualTo(8);
        assertThat(r.json().get("valid").asInt()).isEqualTo(1);
        assertThat(errors(r))
                .containsExactlyInAnyOrder(
                        "3:unitCode",
                        "4:unitCode",
                        "5:year",
                        "6:field",
                        "7:decisionNumber1",
                        "8:externalId",
                        "9:appraisedOn");
        assertThat(r.body())
                .contains(
                        "Không có đơn vị mã \\\"KHONGCO\\\"",
                        "không thuộc phạm vi",
                        "phải có số quyết định",
                        "đã có ở một dòng khác");
        assertThat(modelsOf(w.communeA)).isZero();
    }

    @Test
    void theFileNameKeptIsItsLastSegmentWithoutControlCharacters() {
        // given a file sent under a name with folders and a control character
        byte[] file = Workbooks.models(List.of(model("N-1", w.communeA)));

        // when it is imported
        Api.Res r = new Multipart()
                .file("file", "C:\\Tài liệu\\..\\danh\u0001sách.xlsx", file)
                .post(w.api, "/api/v1/imports/models", w.token("reporterA"));

        // then the import keeps the last segment, the control character replaced
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(jdbc.queryForList(
                        "select file_name from imports_import where imported_by = ?",
                        String.class,
                        w.username("reporterA")))
                .containsExactly("danh_sách.xlsx");
    }

    @Test
    void anImportWithOneWrongRowIsRefusedWhole() {
        // given 600 good rows (more than one batch is written before the wrong row is read) and a wrong last row
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rows.add(model("B-" + i, w.communeA));
        }
        rows.add(with(model("B-X", w.communeA), "level", "Thôn"));

        // when it is imported for real
        Api.Res r = upload(w.api, "", Workbooks.models(rows), w.token("reporterA"));

        // then the answer is 422 with the error, and none of the 600 good rows was kept
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(errors(r)).containsExactly("602:level");
        assertThat(modelsOf(w.communeA)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from imports_import where file_name = 'mo-hinh.xlsx'" + " and imported_by = ?",
                        Long.class,
                        w.username("reporterA")))
                .isZero();
    }

    @Test
    void importingTheSameFileAgainCreatesNothingAndADifferentValueIsAnErrorUnlessUpdating() {
        // given the template filled with three models of the reporter's commune, one recognized at district level
        byte[] template = w.api.getBytes("/api/v1/imports/templates/models.xlsx", w.token("reporterA"))
                .body();
        Map<String, String> draft = model("C-1", w.communeA);
        Map<String, String> accepted = with(
                model("C-2", w.communeA),
                "status",
                "Được ghi nhận",
                "submittedOn",
                "15/03/2024",
                "appraisedOn",
                "20/04/2024",
                "field",
                "Văn hóa – xã hội");
        Map<String, String> recognized = with(
                accepted,
                "externalId",
                "C-3",
                "status",
                "RECOGNIZED",
                "recognitionLevel1",
                "Huyện",
                "decisionNumber1",
                "125/QĐ-BCĐ",
                "decisionDate1",
                "20/11/2024");
        byte[] file = Workbooks.fill(template, List.of(draft, accepted, recognized));

        // when it is imported twice
        Api.Res first = upload(w.api, "", file, w.token("reporterA"));
        Api.Res second = upload(w.api, "", file, w.token("reporterA"));

        // then the first creates three models with their history and the second leaves them unchanged
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(3);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("created").asInt()).isZero();
        assertThat(second.json().get("unchanged").asInt()).isEqualTo(3);
        JsonNode list = w.api.get("/api/v1/models?unit=" + w.communeA + "&size=10", w.token("reporterA"))
                .json();
        assertThat(list.get("page").get("totalElements").asLong()).isEqualTo(3);
        JsonNode c3 = list.get("content")
                .valueStream()
                .filter(m -> "C-3".equals(m.get("externalId").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(c3.get("status").asString()).isEqualTo("RECOGNIZED");
        assertThat(c3.get("recognizedLevel").asString()).isEqualTo("DISTRICT");
        JsonNode proposals = w.api.get(
                        "/api/v1/models/" + c3.get("id").asLong() + "/recognition-proposals", w.token("reporterA"))
                .json();
        assertThat(proposals.toString()).contains("125/QĐ-BCĐ", "2024-11-20", "RECOGNIZED");

        // and one audit entry for the import, with the file name and the row count; each model points at it
        Long importId = jdbc.queryForObject(
                "select max(id) from imports_import where imported_by = ? and created = 3",
                Long.class,
                w.username("reporterA"));
        assertThat(jdbc.queryForObject("select count(*) from model_model where import_id = ?", Long.class, importId))
                .isEqualTo(3);
        assertThat(jdbc.queryForList(
                        "select comment from shared_audit_entry where subject_type = 'IMPORT'" + " and subject_id = ?",
                        String.class,
                        importId))
                .singleElement()
                .asString()
                .contains("mo-hinh.xlsx", "3 dòng", "tạo mới 3");

        // when a corrected title comes in under the same number
        byte[] corrected = Workbooks.fill(template, List.of(with(draft, "title", "Tên đã sửa"), accepted, recognized));
        Api.Res refused = upload(w.api, "", corrected, w.token("reporterA"));
        Api.Res updated = upload(w.api, "?update=true", corrected, w.token("reporterA"));

        // then it is an error naming the column, unless the importer asks to update
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errors(refused)).containsExactly("3:externalId");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .contains("C-1", "title");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("updated").asInt()).isEqualTo(1);
        assertThat(updated.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(w.api.get("/api/v1/models?unit=" + w.communeA + "&q=" + Api.q("ten da sua"), w.token("reporterA"))
                        .json()
                        .get("page")
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
    }
}
