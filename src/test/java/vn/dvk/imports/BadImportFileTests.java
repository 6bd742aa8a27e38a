package vn.dvk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvk.imports.Workbooks.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

/**
 * Files that are not a plain filled template are refused with a Vietnamese problem detail naming the reason, and
 * nothing is written: another format, an old .xls, a password, macros, a zip bomb, a formula, a file over the size
 * limit, an empty sheet, a required header missing. Headers in another order are read by name.
 */
class BadImportFileTests extends IntegrationTest {

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    private Api.Res importFile(String name, byte[] bytes) {
        return new Multipart().file("file", name, bytes).post(w.api, "/api/v1/imports/models", w.token("reporterA"));
    }

    private void assertRefused(Api.Res r, int status, String words) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains(words);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(w.api.get("/api/v1/models?unit=" + w.communeA, w.token("reporterA"))
                        .json()
                        .get("page")
                        .get("totalElements")
                        .asLong())
                .isZero();
    }

    private byte[] good() {
        return Workbooks.models(List.of(model("G-1", w.communeA)));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefused() {
        assertRefused(importFile("bien-ban.pdf", Multipart.pdf()), 422, "không phải bảng tính Excel .xlsx");
        assertRefused(
                importFile("trong.xlsx", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)),
                422,
                "không phải bảng tính Excel .xlsx");
    }

    @Test
    void anOldXlsWorkbookIsRefusedWithHowToSaveIt() throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("Dữ liệu").createRow(0).createCell(0).setCellValue("externalId");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            assertRefused(importFile("cu.xls", out.toByteArray()), 422, "Excel cũ (.xls)");
        }
    }

    @Test
    void aPasswordProtectedWorkbookIsRefused() throws Exception {
        // given a good file encrypted with a password (what Excel writes for "Encrypt with Password")
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("mat-khau");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(good()));
                    OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            fs.writeFilesystem(out);
        }
        // when it is imported, then it is refused as protected by a password
        assertRefused(importFile("mat-khau.xlsx", out.toByteArray()), 422, "đặt mật khẩu");
    }

    @Test
    void aMacroEnabledWorkbookIsRefused() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
            wb.createSheet("Dữ liệu").createRow(0).createCell(0).setCellValue("externalId");
            assertRefused(importFile("macro.xlsm", Workbooks.bytes(wb)), 422, "macro");
        }
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        // given a good file whose sheet is padded with 30 MB of spaces (it compresses about a thousand times)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>");
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 30; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(bytes);
                }
                zip.closeEntry();
            }
        }
        assertThat(out.size()).isLessThan(1 << 20);
        assertRefused(importFile("bom.xlsx", out.toByteArray()), 422, "nén bất thường");
    }

    @Test
    void aCellWithAFormulaIsRefusedNamingTheCell() throws Exception {
        // given a good row, then a row whose year is a formula
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(good()))) {
            Row row = wb.getSheetAt(0).createRow(2);
            List<String> keys = Workbooks.MODEL_KEYS;
            Map<String, String> m = model("G-2", w.communeA);
            for (int i = 0; i < keys.size(); i++) {
                if (m.containsKey(keys.get(i))) {
                    row.createCell(i).setCellValue(m.get(keys.get(i)));
                }
            }
            row.createCell(keys.indexOf("year")).setCellFormula("2020+4");
            // when it is imported, then the formula's cell is named and nothing is written
            assertRefused(importFile("cong-thuc.xlsx", Workbooks.bytes(wb)), 422, "Ô F3 chứa công thức");
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWith413() throws Exception {
        // given a part of 100 MB and one byte, streamed (never held in memory)
        String boundary = "----dvkbig";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.xlsx\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long size = 100L * 1024 * 1024 + 1;
        InputStream zeros = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        List<InputStream> parts =
                new ArrayList<>(List.of(new ByteArrayInputStream(head), zeros, new ByteArrayInputStream(tail)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(w.api.base() + "/api/v1/imports/models"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + w.token("reporterA"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(Collections.enumeration(parts))))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        // then it is refused as too large, saying the limit
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("100 MB");
    }

    @Test
    void anEmptySheetAndAMissingRequiredHeaderAreRefused() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Dữ liệu");
            assertRefused(importFile("trong.xlsx", Workbooks.bytes(wb)), 422, "trống");
        }
        List<String> withoutTitle =
                Workbooks.MODEL_KEYS.stream().filter(k -> !k.equals("title")).toList();
        assertRefused(
                importFile(
                        "thieu-cot.xlsx",
                        Workbooks.sheet(withoutTitle, withoutTitle, List.of(model("G-3", w.communeA)))),
                422,
                "Tên mô hình (title)");
    }

    @Test
    void headersInAnotherOrderAndInVietnameseAreReadByName() {
        // given the columns reversed, headed by their Vietnamese names without accents
        List<String> keys = new ArrayList<>(Workbooks.MODEL_KEYS);
        Collections.reverse(keys);
        Map<String, String> vi = Map.of(
                "externalId",
                "SO HO SO",
                "unitCode",
                "ma don vi",
                "title",
                "Tên mô hình",
                "field",
                "Lĩnh vực",
                "level",
                "Cấp đăng ký",
                "year",
                "Năm",
                "holderType",
                "Chủ thể",
                "holderName",
                "Tên tập thể, cá nhân",
                "status",
                "Trạng thái");
        List<String> headers = keys.stream().map(k -> vi.getOrDefault(k, k)).toList();

        // when it is imported
        Api.Res r = importFile("dao-cot.xlsx", Workbooks.sheet(headers, keys, List.of(model("G-4", w.communeA))));

        // then the row is read by the headers' names
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(1);
    }
}
