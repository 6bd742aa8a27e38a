package vn.dvk.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A streaming workbook (Apache POI SXSSF: only a window of 100 rows stays in memory, the rest goes to a compressed
 * temporary file) with the styles DVK's sheets share: bold wrapped headers, counts as {@code #,##0} (shown 1.234 by a
 * spreadsheet set to Vietnamese), codes and years as {@code 0}, dates as {@code dd/mm/yyyy}. Every workbook DVK
 * downloads is written with it, in this module and in others (a campaign's consolidation).
 */
public final class Xlsx implements AutoCloseable {

    /** The media type of a workbook. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Excel's limit on the text of one cell. */
    static final int MAX_TEXT = 32_767;

    final SXSSFWorkbook wb = new SXSSFWorkbook(100);
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle integer;
    private final CellStyle plain;
    private final CellStyle date;
    private final CellStyle text;
    private final CellStyle bold;
    private final CellStyle boldInteger;

    /** Sets the headers of a workbook download (the name also in RFC 5987 form). */
    public static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** {@code attachment} with the name in RFC 5987 form ({@code filename*=UTF-8''…}), as every download here. */
    public static String attachment(String fileName) {
        return ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString();
    }

    public Xlsx() {
        wb.setCompressTempFiles(false);
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 13);
        header = wb.createCellStyle();
        header.setFont(boldFont);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        title = wb.createCellStyle();
        title.setFont(titleFont);
        short intFormat = wb.createDataFormat().getFormat("#,##0");
        integer = wb.createCellStyle();
        integer.setDataFormat(intFormat);
        plain = wb.createCellStyle();
        plain.setDataFormat(wb.createDataFormat().getFormat("0"));
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        boldInteger = wb.createCellStyle();
        boldInteger.setFont(boldFont);
        boldInteger.setDataFormat(intFormat);
    }

    /** A sheet with a title line, then the header row, frozen; returns the sheet and its next row. */
    public Sheet sheet(String name, String titleText, String... headers) {
        return sheet(name, List.of(titleText), headers);
    }

    /**
     * A sheet whose top lines say what it is (the first as its title, the others plain: a document's number and
     * date, a unit), then an empty line and the header row, frozen; no lines, the header row on top.
     */
    public Sheet sheet(String name, List<String> titleLines, String... headers) {
        SXSSFSheet s = wb.createSheet(name);
        int r = 0;
        for (String line : titleLines) {
            Cell c = s.createRow(r).createCell(0);
            c.setCellValue(line);
            c.setCellStyle(r == 0 ? title : text);
            r++;
        }
        if (!titleLines.isEmpty()) {
            r++;
        }
        Row h = s.createRow(r);
        for (int i = 0; i < headers.length; i++) {
            Cell c = h.createCell(i);
            c.setCellValue(headers[i]);
            c.setCellStyle(header);
            s.setColumnWidth(i, Math.min(60, Math.max(10, headers[i].length() + 4)) * 256);
        }
        s.createFreezePane(0, r + 1);
        return new Sheet(s, r + 1);
    }

    /** One sheet being written row after row. */
    public final class Sheet {
        private final SXSSFSheet sheet;
        private int next;
        private Row row;
        private int col;
        private boolean strong;

        Sheet(SXSSFSheet sheet, int next) {
            this.sheet = sheet;
            this.next = next;
        }

        public Sheet row() {
            row = sheet.createRow(next++);
            col = 0;
            strong = false;
            return this;
        }

        /** A total line: its text and numbers in bold. */
        public Sheet totalRow() {
            row();
            strong = true;
            return this;
        }

        public Sheet text(String value) {
            Cell c = row.createCell(col++);
            if (value != null) {
                c.setCellValue(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value);
            }
            c.setCellStyle(strong ? bold : text);
            return this;
        }

        public Sheet number(long value) {
            Cell c = row.createCell(col++);
            c.setCellValue(value);
            c.setCellStyle(strong ? boldInteger : integer);
            return this;
        }

        public Sheet number(Number value) {
            if (value == null) {
                col++;
                return this;
            }
            return number(value.longValue());
        }

        /** A number that is a code or a year (an id, 2024): no thousands separator. */
        public Sheet code(Number value) {
            Cell c = row.createCell(col++);
            if (value != null) {
                c.setCellValue(value.longValue());
                c.setCellStyle(plain);
            }
            return this;
        }

        public Sheet date(LocalDate value) {
            Cell c = row.createCell(col++);
            if (value != null) {
                c.setCellValue(value);
                c.setCellStyle(date);
            }
            return this;
        }

        public void width(int column, int chars) {
            sheet.setColumnWidth(column, chars * 256);
        }
    }

    public void write(OutputStream out) throws IOException {
        wb.write(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        wb.close();
    }
}
