package vn.dvk.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
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

/**
 * A streaming workbook (Apache POI SXSSF: only a window of 100 rows stays in memory, the rest goes to a compressed
 * temporary file) with the styles DVK's sheets share: bold wrapped headers, counts as {@code #,##0} (shown 1.234 by a
 * spreadsheet set to Vietnamese), codes and years as {@code 0}, dates as {@code dd/mm/yyyy}.
 */
final class Xlsx implements AutoCloseable {

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

    Xlsx() {
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

    /** A sheet with an optional title line, then the header row, frozen; returns the sheet and its next row. */
    Sheet sheet(String name, String titleText, String... headers) {
        SXSSFSheet s = wb.createSheet(name);
        int r = 0;
        if (titleText != null) {
            Cell c = s.createRow(r++).createCell(0);
            c.setCellValue(titleText);
            c.setCellStyle(title);
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
    final class Sheet {
        private final SXSSFSheet sheet;
        private int next;
        private Row row;
        private int col;
        private boolean strong;

        Sheet(SXSSFSheet sheet, int next) {
            this.sheet = sheet;
            this.next = next;
        }

        Sheet row() {
            row = sheet.createRow(next++);
            col = 0;
            strong = false;
            return this;
        }

        /** A total line: its text and numbers in bold. */
        Sheet totalRow() {
            row();
            strong = true;
            return this;
        }

        Sheet text(String value) {
            Cell c = row.createCell(col++);
            if (value != null) {
                c.setCellValue(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value);
            }
            c.setCellStyle(strong ? bold : text);
            return this;
        }

        Sheet number(long value) {
            Cell c = row.createCell(col++);
            c.setCellValue(value);
            c.setCellStyle(strong ? boldInteger : integer);
            return this;
        }

        Sheet number(Number value) {
            if (value == null) {
                col++;
                return this;
            }
            return number(value.longValue());
        }

        /** A number that is a code or a year (an id, 2024): no thousands separator. */
        Sheet code(Number value) {
            Cell c = row.createCell(col++);
            if (value != null) {
                c.setCellValue(value.longValue());
                c.setCellStyle(plain);
            }
            return this;
        }

        Sheet date(LocalDate value) {
            Cell c = row.createCell(col++);
            if (value != null) {
                c.setCellValue(value);
                c.setCellStyle(date);
            }
            return this;
        }

        void width(int column, int chars) {
            sheet.setColumnWidth(column, chars * 256);
        }
    }

    void write(OutputStream out) throws IOException {
        wb.write(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        wb.close();
    }
}
