package vn.dvk.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The template of a kind: a data sheet with the Vietnamese headers (required ones bold on a coloured ground), the
 * keys as a second, English header row, an example row and drop-down lists for every choice; a sheet of the lists;
 * and a sheet that explains every column. The importer skips the second header row and an untouched example.
 */
@Component
class Templates {

    static final String DATA_SHEET = "Dữ liệu";
    private static final String LISTS_SHEET = "Danh mục";
    private static final String GUIDE_SHEET = "Hướng dẫn";
    /** Rows of the data sheet that get the drop-down lists. */
    private static final int VALIDATED_ROWS = 100_000;

    private final Labels labels;

    Templates(Labels labels) {
        this.labels = labels;
    }

    byte[] of(ImportKind kind) {
        List<Column> columns = kind.columns();
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = wb.createSheet(DATA_SHEET);
            Sheet lists = wb.createSheet(LISTS_SHEET);
            Sheet guide = wb.createSheet(GUIDE_SHEET);
            CellStyle required = style(wb, true, IndexedColors.LIGHT_YELLOW, false);
            CellStyle optional = style(wb, false, IndexedColors.GREY_25_PERCENT, false);
            CellStyle english = style(wb, false, null, true);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Row vi = data.createRow(0);
            Row en = data.createRow(1);
            Row example = data.createRow(2);
            DataValidationHelper dv = data.getDataValidationHelper();
            int listColumn = 0;
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                vi.createCell(i).setCellValue(labels.header(c));
                vi.getCell(i).setCellStyle(c.required() ? required : optional);
                en.createCell(i).setCellValue(c.key());
                en.getCell(i).setCellStyle(english);
                String sample = c.example();
                if (!c.codes().isEmpty() && !sample.isEmpty()) {
                    sample = labels.choice(Labels.VI, c, sample);
                }
                example.createCell(i).setCellValue(sample);
                example.getCell(i).setCellStyle(english);
                data.setDefaultColumnStyle(i, text);
                data.setColumnWidth(
                        i, Math.min(60, Math.max(14, labels.header(c).length() + 4)) * 256);
                if (!c.codes().isEmpty()) {
                    String name = listOf(wb, lists, listColumn++, c);
                    DataValidation v = dv.createValidation(
                            dv.createFormulaListConstraint(name), new CellRangeAddressList(2, VALIDATED_ROWS, i, i));
                    v.setShowErrorBox(true);
                    if (c.key().equals("roles")) {
                        v.setErrorStyle(DataValidation.ErrorStyle.WARNING); // several roles, separated by commas
                    }
                    v.createErrorBox(labels.header(c), labels.text(Labels.VI, "imports.template.chooseFromList"));
                    data.addValidationData(v);
                }
            }
            data.createFreezePane(1, 2);
            guide(guide, columns, wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column of the lists sheet with the Vietnamese labels of a choice, named for the data validation. */
    private String listOf(XSSFWorkbook wb, Sheet lists, int col, Column c) {
        Row head = row(lists, 0);
        head.createCell(col).setCellValue(labels.header(c));
        for (int j = 0; j < c.codes().size(); j++) {
            row(lists, j + 1)
                    .createCell(col)
                    .setCellValue(labels.choice(Labels.VI, c, c.codes().get(j)));
        }
        lists.setColumnWidth(col, 36 * 256);
        String name = "ds_" + c.key();
        Name n = wb.createName();
        n.setNameName(name);
        String letter = CellReference.convertNumToColString(col);
        n.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$"
                + (c.codes().size() + 1));
        return name;
    }

    private void guide(Sheet guide, List<Column> columns, XSSFWorkbook wb) {
        CellStyle bold = style(wb, true, IndexedColors.LIGHT_YELLOW, false);
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        Row intro = guide.createRow(0);
        intro.createCell(0).setCellValue(labels.text(Labels.VI, "imports.template.intro"));
        String[] heads = {
            "imports.template.guide.column",
            "imports.template.guide.key",
            "imports.template.guide.required",
            "imports.template.guide.values",
            "imports.template.guide.note"
        };
        Row h = guide.createRow(2);
        for (int i = 0; i < heads.length; i++) {
            h.createCell(i).setCellValue(labels.text(Labels.VI, heads[i]));
            h.getCell(i).setCellStyle(bold);
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Row r = guide.createRow(3 + i);
            r.createCell(0).setCellValue(labels.header(c));
            r.createCell(1).setCellValue(c.key());
            r.createCell(2)
                    .setCellValue(
                            labels.text(Labels.VI, c.required() ? "imports.template.yes" : "imports.template.no"));
            StringBuilder values = new StringBuilder();
            for (String code : c.codes()) {
                values.append(values.isEmpty() ? "" : "; ")
                        .append(labels.choice(Labels.VI, c, code))
                        .append(" (")
                        .append(code)
                        .append(')');
            }
            r.createCell(3).setCellValue(values.toString());
            r.getCell(3).setCellStyle(wrap);
            r.createCell(4).setCellValue(labels.text(Labels.VI, c.label() + ".note"));
            r.getCell(4).setCellStyle(wrap);
        }
        int[] widths = {28, 20, 10, 50, 80};
        for (int i = 0; i < widths.length; i++) {
            guide.setColumnWidth(i, widths[i] * 256);
        }
    }

    private static Row row(Sheet s, int i) {
        Row r = s.getRow(i);
        return r == null ? s.createRow(i) : r;
    }

    private static CellStyle style(XSSFWorkbook wb, boolean bold, IndexedColors fill, boolean italic) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(bold);
        f.setItalic(italic);
        if (italic) {
            f.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        }
        s.setFont(f);
        if (fill != null) {
            s.setFillForegroundColor(fill.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            s.setBorderBottom(BorderStyle.THIN);
        }
        s.setWrapText(true);
        return s;
    }

    static String fileName(ImportKind kind) {
        return "mau-nhap-" + kind.path().toLowerCase(Locale.ROOT) + ".xlsx";
    }
}
