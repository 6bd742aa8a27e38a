package vn.dvk.statistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Reads back what DVK wrote: workbook cells with POI, the text of a DOCX with POI XWPF. */
final class Documents {

    private Documents() {}

    static XSSFWorkbook workbook(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number in {@code column} of the first row of the sheet whose first cell reads {@code label}. */
    static long number(XSSFWorkbook wb, String sheet, String label, int column) {
        Row row = row(wb.getSheet(sheet), label);
        Cell c = row.getCell(column);
        if (c == null || c.getCellType() != CellType.NUMERIC) {
            throw new AssertionError("no number in " + sheet + " / " + label + " / column " + column);
        }
        return (long) c.getNumericCellValue();
    }

    static Row row(Sheet s, String label) {
        if (s == null) {
            throw new AssertionError("no such sheet");
        }
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null
                    && c.getCellType() == CellType.STRING
                    && c.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label + " in sheet " + s.getSheetName());
    }

    /** The index of the header cell reading {@code header} in the sheet's header row (the row holding it). */
    static int column(Sheet s, String header) {
        for (Row r : s) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(header)) {
                    return c.getColumnIndex();
                }
            }
        }
        throw new AssertionError("no header " + header + " in sheet " + s.getSheetName());
    }

    /** The text of a DOCX with white space collapsed, tables included. */
    static String docxText(byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText().replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
