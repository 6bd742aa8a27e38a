package vn.dvk.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.stereotype.Component;

/**
 * Renders an {@link OfficialDocument} to Word (DOCX, Apache POI XWPF) with the same layout as
 * {@link DocumentRenderer#pdf}: A4, margins 20/15/20/30 mm, Times New Roman, the two-column header with the
 * issuing body and the national motto (or the Party header), the title, the body, and the recipients beside the
 * signature; page numbers centred at the top from page 2. Boards edit the DOCX before they sign it.
 */
@Component
public class DocxRenderer {

    private static final String FONT = "Times New Roman";
    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;

    private static final int TEXT_WIDTH_TWIPS = (int) Math.round((210 - 30 - 15) * TWIPS_PER_MM);
    private static final Locale VI = Locale.forLanguageTag("vi");

    public byte[] docx(OfficialDocument d) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            doc.getProperties().getCoreProperties().setTitle(d.type() + (d.summary() == null ? "" : " " + d.summary()));
            doc.getProperties().getCoreProperties().setCreator("DVK");
            header(doc, d);
            if (d.addressee() != null) {
                XWPFParagraph to = paragraph(doc, ParagraphAlignment.CENTER);
                run(to, "Kính gửi: " + d.addressee(), 14, false, false);
            }
            XWPFParagraph type = paragraph(doc, ParagraphAlignment.CENTER);
            type.setSpacingBefore(280);
            run(type, d.type().toUpperCase(VI), 14, true, false);
            if (d.summary() != null) {
                run(paragraph(doc, ParagraphAlignment.CENTER), d.summary(), 14, true, false);
            }
            rule(paragraph(doc, ParagraphAlignment.CENTER), 20, TEXT_WIDTH_TWIPS);
            List<String> bases = d.bases();
            for (int i = 0; i < bases.size(); i++) {
                body(doc, bases.get(i) + (i == bases.size() - 1 ? "." : ";"), false, true);
            }
            for (OfficialDocument.Block block : d.blocks()) {
                block(doc, block);
            }
            closing(doc, d);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(210)));
        size.setH(BigInteger.valueOf(twips(297)));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(twips(20)));
        mar.setBottom(BigInteger.valueOf(twips(20)));
        mar.setLeft(BigInteger.valueOf(twips(30)));
        mar.setRight(BigInteger.valueOf(twips(15)));
        mar.setHeader(BigInteger.valueOf(twips(10)));
        mar.setFooter(BigInteger.valueOf(twips(10)));
        // page numbers in the top margin from page 2: an empty first-page header and a PAGE field in the others
        sect.addNewTitlePg();
        doc.createHeader(HeaderFooterType.FIRST);
        XWPFHeader numbers = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = numbers.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
    }

    private void header(XWPFDocument doc, OfficialDocument d) {
        XWPFTable t = table(doc, 2, new int[] {45, 55});
        t.removeBorders();
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        XWPFParagraph first = left.getParagraphs().get(0);
        first.setAlignment(ParagraphAlignment.CENTER);
        if (d.parentBody() != null) {
            run(first, d.parentBody().toUpperCase(VI), 13, false, false);
            first = left.addParagraph();
            first.setAlignment(ParagraphAlignment.CENTER);
        }
        run(first, d.issuer().toUpperCase(VI), 13, true, false);
        rule(cellParagraph(left), 40, TEXT_WIDTH_TWIPS * 45 / 100);
        if (d.number() != null) {
            run(cellParagraph(left), numberLine(d), 13, false, false);
        }
        XWPFParagraph r0 = right.getParagraphs().get(0);
        r0.setAlignment(ParagraphAlignment.CENTER);
        if (d.style() == OfficialDocument.Style.PARTY) {
            run(r0, "ĐẢNG CỘNG SẢN VIỆT NAM", 15, true, false);
            rule(cellParagraph(right), 60, TEXT_WIDTH_TWIPS * 55 / 100);
        } else {
            run(r0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
            XWPFRun motto = run(cellParagraph(right), "Độc lập - Tự do - Hạnh phúc", 13, true, false);
            motto.setUnderline(UnderlinePatterns.SINGLE);
        }
        XWPFParagraph date = cellParagraph(right);
        date.setSpacingBefore(160);
        run(date, DocumentRenderer.dateLine(d.place(), d.date()), 13, false, true);
    }

    /** "Số: 15/QĐ-UBND" for state bodies, "Số 06-BC/BCĐ" for Party bodies (Hướng dẫn 36 writes no colon). */
    static String numberLine(OfficialDocument d) {
        return (d.style() == OfficialDocument.Style.PARTY ? "Số " : "Số: ") + d.number();
    }

    private void block(XWPFDocument doc, OfficialDocument.Block block) {
        if (block instanceof OfficialDocument.Paragraph p) {
            body(doc, p.text(), false, false);
        } else if (block instanceof OfficialDocument.Heading h) {
            XWPFParagraph heading = paragraph(doc, ParagraphAlignment.BOTH);
            heading.setSpacingBefore(160);
            heading.setSpacingAfter(40);
            heading.setIndentationFirstLine(twips(10));
            run(heading, h.text(), 14, true, false);
        } else if (block instanceof OfficialDocument.Article a) {
            XWPFParagraph article = paragraph(doc, ParagraphAlignment.BOTH);
            article.setIndentationFirstLine(twips(10));
            article.setSpacingBefore(120);
            run(article, a.label() + " ", 14, true, false);
            run(article, a.text(), 14, false, false);
        } else if (block instanceof OfficialDocument.Table tb) {
            int[] widths = new int[tb.headers().size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = tb.widths() != null && tb.widths().length == widths.length ? Math.round(tb.widths()[i]) : 1;
            }
            XWPFTable t = table(doc, widths.length, widths);
            XWPFTableRow head = t.getRow(0);
            head.setRepeatHeader(true);
            for (int i = 0; i < widths.length; i++) {
                XWPFParagraph p = head.getCell(i).getParagraphs().get(0);
                p.setAlignment(ParagraphAlignment.CENTER);
                run(p, tb.headers().get(i), 12, true, false);
            }
            for (List<String> values : tb.rows()) {
                XWPFTableRow row = t.createRow();
                for (int i = 0; i < widths.length; i++) {
                    String v = i < values.size() && values.get(i) != null ? values.get(i) : "";
                    XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
                    p.setAlignment(v.matches("[0-9.,%\\s-]+") ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
                    run(p, v, 12, false, false);
                }
            }
            doc.createParagraph();
        }
    }

    private void closing(XWPFDocument doc, OfficialDocument d) {
        XWPFTable t = table(doc, 2, new int[] {50, 50});
        t.removeBorders();
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        if (d.countersignature() != null) {
            sign(left, d.countersignature());
        } else {
            run(left.getParagraphs().get(0), "Nơi nhận:", 12, true, true);
            List<String> items = new ArrayList<>(d.recipients());
            if (items.stream().noneMatch(r -> r.startsWith("Lưu"))) {
                items.add("Lưu: VT");
            }
            for (int i = 0; i < items.size(); i++) {
                run(cellParagraph(left), "- " + items.get(i) + (i == items.size() - 1 ? "." : ";"), 11, false, false);
            }
        }
        if (d.signature() != null) {
            sign(right, d.signature());
        }
    }

    /** The authority and position in capitals, room for the signature, and the signer's name (may be blank). */
    private void sign(XWPFTableCell cell, OfficialDocument.Signature s) {
        XWPFParagraph r0 = cell.getParagraphs().get(0);
        r0.setAlignment(ParagraphAlignment.CENTER);
        if (s.authority() != null) {
            run(r0, s.authority().toUpperCase(VI), 14, true, false);
            r0 = cellParagraph(cell);
        }
        run(r0, s.position().toUpperCase(VI), 14, true, false);
        XWPFParagraph space = cellParagraph(cell);
        space.setSpacingBefore(1200);
        run(cellParagraph(cell), s.name() == null ? "" : s.name(), 14, true, false);
    }

    private static XWPFTable table(XWPFDocument doc, int columns, int[] relativeWidths) {
        XWPFTable t = doc.createTable(1, columns);
        t.setWidthType(TableWidthType.DXA);
        t.setWidth(String.valueOf(TEXT_WIDTH_TWIPS));
        t.setTableAlignment(TableRowAlign.CENTER);
        int sum = 0;
        for (int w : relativeWidths) {
            sum += w;
        }
        for (int i = 0; i < columns; i++) {
            XWPFTableCell c = t.getRow(0).getCell(i);
            c.setWidthType(TableWidthType.DXA);
            c.setWidth(String.valueOf(TEXT_WIDTH_TWIPS * relativeWidths[i] / Math.max(1, sum)));
        }
        return t;
    }

    private static XWPFParagraph cellParagraph(XWPFTableCell cell) {
        XWPFParagraph p = cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    private static void body(XWPFDocument doc, String text, boolean bold, boolean italic) {
        XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(twips(10));
        p.setSpacingBefore(80);
        run(p, text, 14, bold, italic);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingAfter(0);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
        return r;
    }

    /** A short centred rule under a title or an issuing body: a bottom border on an indented empty paragraph. */
    private static void rule(XWPFParagraph p, int percent, int widthTwips) {
        int side = widthTwips * (100 - percent) / 200;
        p.setIndentationLeft(side);
        p.setIndentationRight(side);
        p.setBorderBottom(Borders.SINGLE);
        p.setSpacingAfter(120);
    }

    private static int twips(double mm) {
        return (int) Math.round(mm * TWIPS_PER_MM);
    }
}
