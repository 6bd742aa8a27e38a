package vn.dvk.document;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Renders an {@link OfficialDocument} to PDF on A4 with Liberation Serif (metric-compatible with Times New
 * Roman, covers Vietnamese), following the layout of Nghị định 30/2020/NĐ-CP, Appendix I, or of the Party's
 * Hướng dẫn 36-HD/VPTW for Party bodies.
 */
@Component
public class DocumentRenderer {

    private static final float MM = 72f / 25.4f;

    public byte[] pdf(OfficialDocument d) {
        return pdf(d, null);
    }

    /**
     * The document with the visible mark of a digital signature in the signature block ({@code stamp}, in place of
     * the space left for a handwritten signature); without a stamp, exactly {@link #pdf(OfficialDocument)}.
     */
    public byte[] pdf(OfficialDocument d, SignatureStamp stamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(new PageNumbers());
        doc.addTitle(d.type() + (d.summary() == null ? "" : " " + d.summary()));
        doc.addCreator("DVK");
        doc.open();
        doc.add(header(d));
        if (d.addressee() != null) {
            Paragraph to = new Paragraph("Kính gửi: " + d.addressee(), new Font(Fonts.REGULAR, 14));
            to.setAlignment(Element.ALIGN_CENTER);
            to.setSpacingBefore(6);
            doc.add(to);
        }
        Paragraph type = new Paragraph(d.type().toUpperCase(Locale.forLanguageTag("vi")), new Font(Fonts.BOLD, 14));
        type.setAlignment(Element.ALIGN_CENTER);
        type.setSpacingBefore(14);
        doc.add(type);
        if (d.summary() != null) {
            Paragraph summary = new Paragraph(d.summary(), new Font(Fonts.BOLD, 14));
            summary.setAlignment(Element.ALIGN_CENTER);
            doc.add(summary);
        }
        doc.add(shortRule(25));
        List<String> bases = d.bases();
        for (int i = 0; i < bases.size(); i++) {
            doc.add(body(bases.get(i) + (i == bases.size() - 1 ? "." : ";"), Fonts.ITALIC));
        }
        for (OfficialDocument.Block block : d.blocks()) {
            addBlock(doc, block);
        }
        doc.add(closing(d, stamp));
        doc.close();
        return out.toByteArray();
    }

    /** "ngày 05 tháng 01 năm 2020": a leading zero for days below 10 and for January and February. */
    public static String dateLine(String place, LocalDate date) {
        String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
        String month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
        return (place == null || place.isBlank() ? "" : place + ", ") + "ngày " + day + " tháng " + month + " năm "
                + date.getYear();
    }

    /** "Tỉnh Bến Tre" → "Bến Tre": a unit's name without its administrative kind, for the place of the date line. */
    public static String placeName(String unitName) {
        return unitName.replaceFirst("^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn)\\s+", "");
    }

    private PdfPTable header(OfficialDocument d) {
        PdfPTable t = new PdfPTable(new float[] {45, 55});
        t.setWidthPercentage(100);
        PdfPCell left = cell();
        if (d.parentBody() != null) {
            left.addElement(centered(d.parentBody().toUpperCase(), new Font(Fonts.REGULAR, 13)));
        }
        left.addElement(centered(d.issuer().toUpperCase(), new Font(Fonts.BOLD, 13)));
        left.addElement(shortRule(40));
        if (d.number() != null) {
            left.addElement(centered(DocxRenderer.numberLine(d), new Font(Fonts.REGULAR, 13)));
        }
        PdfPCell right = cell();
        if (d.style() == OfficialDocument.Style.PARTY) {
            Paragraph party = centered("ĐẢNG CỘNG SẢN VIỆT NAM", new Font(Fonts.BOLD, 15));
            right.addElement(party);
            right.addElement(shortRule(60));
        } else {
            right.addElement(centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new Font(Fonts.BOLD, 12)));
            Chunk motto = new Chunk("Độc lập - Tự do - Hạnh phúc", new Font(Fonts.BOLD, 13));
            motto.setUnderline(0.6f, -2.5f);
            Paragraph m = new Paragraph(motto);
            m.setAlignment(Element.ALIGN_CENTER);
            right.addElement(m);
        }
        Paragraph date = centered(dateLine(d.place(), d.date()), new Font(Fonts.ITALIC, 13));
        date.setSpacingBefore(8);
        right.addElement(date);
        t.addCell(left);
        t.addCell(right);
        return t;
    }

    private void addBlock(Document doc, OfficialDocument.Block block) {
        if (block instanceof OfficialDocument.Paragraph p) {
            doc.add(body(p.text(), Fonts.REGULAR));
        } else if (block instanceof OfficialDocument.Heading h) {
            Paragraph heading = new Paragraph(h.text(), new Font(Fonts.BOLD, 14));
            heading.setSpacingBefore(8);
            heading.setSpacingAfter(2);
            doc.add(heading);
        } else if (block instanceof OfficialDocument.Article a) {
            Paragraph article = new Paragraph();
            article.add(new Chunk(a.label() + " ", new Font(Fonts.BOLD, 14)));
            article.add(new Chunk(a.text(), new Font(Fonts.REGULAR, 14)));
            article.setAlignment(Element.ALIGN_JUSTIFIED);
            article.setFirstLineIndent(10 * MM);
            article.setSpacingBefore(6);
            article.setLeading(19);
            doc.add(article);
        } else if (block instanceof OfficialDocument.Table tb) {
            doc.add(table(tb));
        }
    }

    private PdfPTable table(OfficialDocument.Table tb) {
        PdfPTable t = tb.widths() == null || tb.widths().length != tb.headers().size()
                ? new PdfPTable(tb.headers().size())
                : new PdfPTable(tb.widths());
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        t.setSpacingAfter(6);
        t.setHeaderRows(1);
        for (String h : tb.headers()) {
            PdfPCell c = new PdfPCell(new Phrase(h, new Font(Fonts.BOLD, 12)));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setVerticalAlignment(Element.ALIGN_MIDDLE);
            c.setPadding(4);
            t.addCell(c);
        }
        for (List<String> row : tb.rows()) {
            for (int i = 0; i < tb.headers().size(); i++) {
                String v = i < row.size() && row.get(i) != null ? row.get(i) : "";
                PdfPCell c = new PdfPCell(new Phrase(v, new Font(Fonts.REGULAR, 12)));
                c.setPadding(4);
                c.setHorizontalAlignment(v.matches("[0-9.,%\\s-]+") ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                t.addCell(c);
            }
        }
        return t;
    }

    private PdfPTable closing(OfficialDocument d, SignatureStamp stamp) {
        PdfPTable t = new PdfPTable(new float[] {50, 50});
        t.setWidthPercentage(100);
        t.setSpacingBefore(16);
        t.setKeepTogether(true);
        PdfPCell left = cell();
        if (d.countersignature() != null) {
            sign(left, d.countersignature(), null);
        } else {
            Paragraph label = new Paragraph("Nơi nhận:", new Font(Fonts.BOLD_ITALIC, 12));
            left.addElement(label);
            List<String> items = new ArrayList<>(d.recipients());
            if (items.stream().noneMatch(r -> r.startsWith("Lưu"))) {
                items.add("Lưu: VT");
            }
            for (int i = 0; i < items.size(); i++) {
                left.addElement(new Paragraph(
                        "- " + items.get(i) + (i == items.size() - 1 ? "." : ";"), new Font(Fonts.REGULAR, 11)));
            }
        }
        PdfPCell right = cell();
        if (d.signature() != null) {
            sign(right, d.signature(), stamp);
        }
        t.addCell(left);
        t.addCell(right);
        return t;
    }

    /**
     * The authority and position in capitals, the space for the signature (empty, or the mark of a digital signature
     * when {@code stamp} is given), and the signer's name (may be blank).
     */
    private static void sign(PdfPCell cell, OfficialDocument.Signature s, SignatureStamp stamp) {
        if (s.authority() != null) {
            cell.addElement(centered(s.authority().toUpperCase(), new Font(Fonts.BOLD, 14)));
        }
        cell.addElement(centered(s.position().toUpperCase(), new Font(Fonts.BOLD, 14)));
        signatureSpace(cell, stamp, 48);
        cell.addElement(centered(s.name() == null ? "" : s.name(), new Font(Fonts.BOLD, 14)));
    }

    /**
     * The space left for the signature above the signer's name: empty, as for a handwritten signature, or holding the
     * framed mark of a digital signature of about the same height.
     */
    private static void signatureSpace(PdfPCell cell, SignatureStamp stamp, float height) {
        if (stamp == null) {
            Paragraph space = new Paragraph(" ", new Font(Fonts.REGULAR, 14));
            space.setSpacingBefore(height);
            cell.addElement(space);
            return;
        }
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(78);
        box.setSpacingBefore(6);
        box.setSpacingAfter(4);
        PdfPCell inner = new PdfPCell();
        inner.setBorderColor(new Color(176, 42, 55));
        inner.setBorderWidth(0.8f);
        inner.setPadding(3);
        inner.setPaddingBottom(5);
        inner.setMinimumHeight(height - 10);
        for (String line : stamp.lines()) {
            Paragraph p = new Paragraph(line, new Font(Fonts.REGULAR, 9.5f, Font.NORMAL, new Color(176, 42, 55)));
            p.setLeading(12);
            inner.addElement(p);
        }
        box.addCell(inner);
        cell.addElement(box);
    }

    private static Paragraph body(String text, BaseFont font) {
        Paragraph p = new Paragraph(text, new Font(font, 14));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(10 * MM);
        p.setSpacingBefore(4);
        p.setLeading(19);
        return p;
    }

    private static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setLeading(font.getSize() * 1.25f);
        return p;
    }

    private static Paragraph shortRule(float percent) {
        Paragraph p = new Paragraph();
        LineSeparator line = new LineSeparator(0.6f, percent, null, Element.ALIGN_CENTER, -2);
        p.add(new Chunk(line));
        p.setSpacingAfter(6);
        return p;
    }

    private static PdfPCell cell() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        return c;
    }

    /** The embedded fonts, read at the first document rather than at start-up (50 ms of it). */
    private static final class Fonts {
        static final BaseFont REGULAR = font("LiberationSerif-Regular.ttf");
        static final BaseFont BOLD = font("LiberationSerif-Bold.ttf");
        static final BaseFont ITALIC = font("LiberationSerif-Italic.ttf");
        static final BaseFont BOLD_ITALIC = font("LiberationSerif-BoldItalic.ttf");
    }

    private static BaseFont font(String file) {
        try (InputStream in = DocumentRenderer.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing: " + file);
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page numbers centred in the top margin, from page 2 on. */
    private static final class PageNumbers extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int page = writer.getPageNumber();
            if (page < 2) {
                return;
            }
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    Element.ALIGN_CENTER,
                    new Phrase(String.valueOf(page), new Font(Fonts.REGULAR, 13)),
                    (document.left() + document.right()) / 2,
                    document.top() + 10 * MM,
                    0);
        }
    }

    /**
     * A certificate of merit on landscape A4 inside a double frame: Quốc hiệu and tiêu ngữ, the granting authority,
     * the title ("BẰNG KHEN" / "GIẤY KHEN"), "Tặng" and the recipient, the achievement, then the decision number
     * and date on the left and the place, date and signature on the right.
     */
    public byte[] certificate(Certificate c) {
        return certificate(c, null);
    }

    /** The certificate with the visible mark of a digital signature; without a stamp, exactly {@link #certificate(Certificate)}. */
    public byte[] certificate(Certificate c, SignatureStamp stamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 25 * MM, 25 * MM, 22 * MM, 18 * MM);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(frame(new float[] {10 * MM, 3f}, new float[] {13 * MM, 0.8f}));
        Locale vi = Locale.forLanguageTag("vi");
        doc.addTitle(c.title() + " " + c.recipient());
        doc.addCreator("DVK");
        doc.open();
        doc.add(centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new Font(Fonts.BOLD, 14)));
        Chunk motto = new Chunk("Độc lập - Tự do - Hạnh phúc", new Font(Fonts.BOLD, 14));
        motto.setUnderline(0.6f, -2.5f);
        Paragraph m = new Paragraph(motto);
        m.setAlignment(Element.ALIGN_CENTER);
        doc.add(m);
        Paragraph authority = centered(c.authority().toUpperCase(vi), new Font(Fonts.BOLD, 16));
        authority.setSpacingBefore(14);
        doc.add(authority);
        Paragraph title =
                centered(c.title().toUpperCase(vi), new Font(Fonts.BOLD, 40, Font.NORMAL, new Color(176, 42, 55)));
        title.setSpacingBefore(10);
        doc.add(title);
        Paragraph to = centered("Tặng", new Font(Fonts.ITALIC, 16));
        to.setSpacingBefore(6);
        doc.add(to);
        doc.add(centered(c.recipient(), new Font(Fonts.BOLD, 22)));
        if (c.reason() != null && !c.reason().isBlank()) {
            String r = c.reason().trim();
            boolean prefixed = r.toLowerCase(vi).startsWith("đã có thành tích");
            Paragraph reason = centered(prefixed ? r : "Đã có thành tích " + r, new Font(Fonts.REGULAR, 16));
            reason.setSpacingBefore(8);
            doc.add(reason);
        }
        PdfPTable t = new PdfPTable(new float[] {45, 55});
        t.setWidthPercentage(100);
        t.setSpacingBefore(18);
        t.setKeepTogether(true);
        PdfPCell left = cell();
        left.addElement(new Paragraph("Quyết định số: " + c.decisionNumber(), new Font(Fonts.REGULAR, 13)));
        left.addElement(new Paragraph(dateLine(null, c.decisionDate()), new Font(Fonts.ITALIC, 13)));
        PdfPCell right = cell();
        right.addElement(centered(dateLine(c.place(), c.decisionDate()), new Font(Fonts.ITALIC, 14)));
        if (c.signerPosition() != null) {
            right.addElement(centered(c.signerPosition().toUpperCase(vi), new Font(Fonts.BOLD, 14)));
        }
        signatureSpace(right, stamp, 40);
        if (c.signerName() != null) {
            right.addElement(centered(c.signerName(), new Font(Fonts.BOLD, 14)));
        }
        t.addCell(left);
        t.addCell(right);
        doc.add(t);
        doc.close();
        return out.toByteArray();
    }

    /**
     * A signboard of a recognized model ({@link Signboard}) on A4 or A5 portrait inside a red frame: the movement's
     * name, the model's title, its unit and province, its recognitions, and the QR code of its public page; every
     * size scales with the paper.
     */
    public byte[] signboard(Signboard s) {
        boolean a4 = s.size() == Signboard.Size.A4;
        float k = a4 ? 1f : 0.7f;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(a4 ? PageSize.A4 : PageSize.A5, 20 * MM * k, 20 * MM * k, 22 * MM * k, 16 * MM * k);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(frame(new float[] {8 * MM * k, 4f * k}));
        Locale vi = Locale.forLanguageTag("vi");
        Color red = new Color(176, 42, 55);
        doc.addTitle("Biển mô hình " + s.title());
        doc.addCreator("DVK");
        doc.open();
        doc.add(centered("MÔ HÌNH \u201cDÂN VẬN KHÉO\u201d", new Font(Fonts.BOLD, 20 * k, Font.NORMAL, red)));
        Paragraph title = centered(s.title().toUpperCase(vi), new Font(Fonts.BOLD, 26 * k));
        title.setSpacingBefore(14 * k);
        doc.add(title);
        Paragraph unit =
                centered(s.unit() + (s.province() == null ? "" : ", " + s.province()), new Font(Fonts.REGULAR, 16 * k));
        unit.setSpacingBefore(10 * k);
        doc.add(unit);
        for (String r : s.recognitions()) {
            Paragraph line = centered(r, new Font(Fonts.ITALIC, 13 * k));
            line.setSpacingBefore(6 * k);
            doc.add(line);
        }
        try {
            Image qr = Image.getInstance(s.qrPng());
            qr.scaleAbsolute(80 * MM * k, 80 * MM * k);
            qr.setAlignment(Element.ALIGN_CENTER);
            qr.setSpacingBefore(14 * k);
            Paragraph holder = new Paragraph();
            holder.setAlignment(Element.ALIGN_CENTER);
            holder.setSpacingBefore(14 * k);
            holder.add(new Chunk(qr, 0, 0, true));
            doc.add(holder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        doc.add(centered("Quét mã để xem mô hình và gửi ý kiến của bạn", new Font(Fonts.BOLD, 13 * k)));
        doc.add(centered(s.url(), new Font(Fonts.REGULAR, 11 * k)));
        doc.close();
        return out.toByteArray();
    }

    /** Red frames drawn on every page, each given as {inset from the page's edge, line width}. */
    private static PdfPageEventHelper frame(float[]... lines) {
        return new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                Rectangle page = d.getPageSize();
                PdfContentByte cb = w.getDirectContentUnder();
                cb.setColorStroke(new Color(176, 42, 55));
                for (float[] line : lines) {
                    cb.setLineWidth(line[1]);
                    cb.rectangle(line[0], line[0], page.getWidth() - 2 * line[0], page.getHeight() - 2 * line[0]);
                    cb.stroke();
                }
            }
        };
    }
}
