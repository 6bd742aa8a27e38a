package vn.dvk.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Import files for tests, written with POI: from scratch (headers and rows) or by filling a downloaded template. */
final class Workbooks {

    /** The columns every model row of these tests fills, in this order. */
    static final List<String> MODEL_KEYS = List.of(
            "externalId",
            "unitCode",
            "title",
            "field",
            "level",
            "year",
            "holderType",
            "holderName",
            "status",
            "submittedOn",
            "appraisedOn",
            "recognitionLevel1",
            "decisionNumber1",
            "decisionDate1");

    private Workbooks() {}

    /** A model row with sensible values (a draft); callers change what they test. */
    static Map<String, String> model(String externalId, String unit) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("externalId", externalId);
        m.put("unitCode", unit);
        m.put("title", "Mô hình " + externalId);
        m.put("field", "ECONOMY");
        m.put("level", "DISTRICT");
        m.put("year", "2024");
        m.put("holderType", "COLLECTIVE");
        m.put("holderName", "Hội Phụ nữ xã");
        m.put("status", "DRAFT");
        return m;
    }

    static Map<String, String> with(Map<String, String> row, String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>(row);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                m.remove(keyValues[i]);
            } else {
                m.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    /** A workbook whose header row holds these headers and whose rows hold the values of those keys. */
    static byte[] sheet(List<String> headers, List<String> keys, List<Map<String, String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Dữ liệu");
            Row h = s.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                for (int i = 0; i < keys.size(); i++) {
                    String v = rows.get(r).get(keys.get(i));
                    if (v != null) {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Model rows under the keys as headers. */
    static byte[] models(List<Map<String, String>> rows) {
        return sheet(MODEL_KEYS, MODEL_KEYS, rows);
    }

    /**
     * A downloaded template with its example row overwritten by the first row, the next rows below it: values put
     * under the columns whose second-row key names them.
     */
    static byte[] fill(byte[] template, List<Map<String, String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet s = wb.getSheetAt(0);
            Row keysRow = s.getRow(1);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < keysRow.getLastCellNum(); i++) {
                keys.add(keysRow.getCell(i).getStringCellValue());
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.getRow(r + 2) == null ? s.createRow(r + 2) : s.getRow(r + 2);
                for (int i = 0; i < keys.size(); i++) {
                    String v = rows.get(r).get(keys.get(i));
                    row.createCell(i).setCellValue(v == null ? "" : v);
                }
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
