package vn.dvk.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class DocxRendererTests {

    private final DocxRenderer renderer = new DocxRenderer();

    private static OfficialDocument.Builder report(OfficialDocument.Style style) {
        return OfficialDocument.builder()
                .style(style)
                .parentBody("Tỉnh ủy Bến Tre")
                .issuer("Ban Chỉ đạo 441")
                .number("35-BC/BCĐ")
                .place("Bến Tre")
                .date(LocalDate.of(2024, 12, 30))
                .type("Báo cáo")
                .summary("Tổng kết phong trào thi đua “Dân vận khéo” năm 2024")
                .heading("II. KẾT QUẢ THỰC HIỆN")
                .paragraph("Năm 2024, Ban Chỉ đạo 441 đã tiếp nhận đăng ký 272 mô hình.")
                .table(List.of("STT", "Lĩnh vực", "Đăng ký"), List.of(List.of("1", "Kinh tế", "130")), 8, 60, 32)
                .signature("T/M Ban Chỉ đạo", "Trưởng ban", "Bùi Văn Bia")
                .recipient("Ban Dân vận Trung ương");
    }

    @Test
    void aPartyReportCarriesItsHeaderTitleBodyTableSignatureAndRecipientsInWord() throws Exception {
        // given a Party body's report
        // when it is rendered to DOCX
        byte[] docx = renderer.docx(report(OfficialDocument.Style.PARTY).build());
        // then Word's text holds every part, in the Party's format
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            String text = x.getText().replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("TỈNH ỦY BẾN TRE")
                    .contains("BAN CHỈ ĐẠO 441")
                    .contains("Số 35-BC/BCĐ")
                    .contains("ĐẢNG CỘNG SẢN VIỆT NAM")
                    .doesNotContain("Độc lập - Tự do - Hạnh phúc")
                    .contains("Bến Tre, ngày 30 tháng 12 năm 2024")
                    .contains("BÁO CÁO")
                    .contains("Năm 2024, Ban Chỉ đạo 441 đã tiếp nhận đăng ký 272 mô hình.")
                    .contains("Kinh tế 130")
                    .contains("Nơi nhận:")
                    .contains("- Ban Dân vận Trung ương;")
                    .contains("- Lưu: VT.")
                    .contains("T/M BAN CHỈ ĐẠO")
                    .contains("TRƯỞNG BAN")
                    .contains("Bùi Văn Bia");
            // and on A4 with the decree's margins, numbered from page 2 (an empty first-page header)
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(((BigInteger) sect.getPgSz().getW()).intValue()).isEqualTo(11906);
            assertThat(((BigInteger) sect.getPgMar().getLeft()).intValue()).isEqualTo(1701);
            assertThat(sect.isSetTitlePg()).isTrue();
            assertThat(doc.getHeaderFooterPolicy().getFirstPageHeader().getText())
                    .isBlank();
            assertThat(doc.getHeaderFooterPolicy()
                            .getDefaultHeader()
                            .getParagraphs()
                            .get(0)
                            .getCTP()
                            .getFldSimpleArray(0)
                            .getInstr())
                    .isEqualTo("PAGE");
        }
    }

    @Test
    void aStateDocumentCarriesTheNationalMottoAndANumberWithAColon() throws Exception {
        byte[] docx = renderer.docx(report(OfficialDocument.Style.STATE).build());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            assertThat(x.getText())
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .contains("Độc lập - Tự do - Hạnh phúc")
                    .contains("Số: 35-BC/BCĐ")
                    .doesNotContain("ĐẢNG CỘNG SẢN VIỆT NAM");
        }
    }
}
