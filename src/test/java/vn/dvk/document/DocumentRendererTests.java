package vn.dvk.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvk.support.PdfText;

class DocumentRendererTests {

    private final DocumentRenderer renderer = new DocumentRenderer();

    private static OfficialDocument.Builder decision() {
        return OfficialDocument.builder()
                .parentBody("Tỉnh ủy Bến Tre")
                .issuer("Ban Chỉ đạo 441")
                .number("15/QĐ-BCĐ")
                .place("Bến Tre")
                .date(LocalDate.of(2024, 12, 10))
                .type("Quyết định")
                .summary("Về việc công nhận mô hình \"Dân vận khéo\" cấp tỉnh năm 2024")
                .basis("Căn cứ Quy chế hoạt động của Ban Chỉ đạo")
                .basis("Xét đề nghị của Hội đồng xét công nhận")
                .article("Điều 1.", "Công nhận 2 mô hình \"Dân vận khéo\" cấp tỉnh năm 2024 (danh sách kèm theo).")
                .table(
                        List.of("STT", "Tên mô hình", "Đơn vị"),
                        List.of(
                                List.of(
                                        "1",
                                        "Vận động hộ dân trồng dừa đăng ký mã số vùng trồng",
                                        "Hội Nông dân xã Hưng Lễ"),
                                List.of(
                                        "2",
                                        "Vận động người dân thực hiện dịch vụ công trực tuyến",
                                        "UBND thị trấn Bình Đại")),
                        8,
                        60,
                        32)
                .signature("TM. Ban Chỉ đạo", "Trưởng ban", "Nguyễn Văn A")
                .recipient("Như Điều 1");
    }

    @Test
    void aStateDecisionCarriesTheNationalHeaderNumberDateArticlesAndRecipients() {
        String text = PdfText.flat(renderer.pdf(decision().build()));
        assertThat(text)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Độc lập - Tự do - Hạnh phúc")
                .contains("TỈNH ỦY BẾN TRE")
                .contains("BAN CHỈ ĐẠO 441")
                .contains("Số: 15/QĐ-BCĐ")
                .contains("Bến Tre, ngày 10 tháng 12 năm 2024")
                .contains("QUYẾT ĐỊNH")
                .contains("Căn cứ Quy chế hoạt động của Ban Chỉ đạo;")
                .contains("Xét đề nghị của Hội đồng xét công nhận.")
                .contains("Điều 1.")
                .contains("Vận động hộ dân trồng dừa")
                .contains("Nơi nhận:")
                .contains("- Như Điều 1;")
                .contains("- Lưu: VT.")
                .contains("TRƯỞNG BAN")
                .contains("Nguyễn Văn A");
    }

    @Test
    void minutesSignedByTwoCarryBothSignaturePlacesInsteadOfTheRecipients() {
        // given minutes with a countersignature on the left
        OfficialDocument minutes = decision()
                .type("Biên bản")
                .countersignature(null, "Người kiểm phiếu", "Trần Thị B")
                .build();

        // when rendered, then both places are there and "Nơi nhận" is not
        String text = PdfText.flat(renderer.pdf(minutes));
        assertThat(text)
                .contains("BIÊN BẢN")
                .contains("NGƯỜI KIỂM PHIẾU")
                .contains("Trần Thị B")
                .contains("TRƯỞNG BAN")
                .contains("Nguyễn Văn A")
                .doesNotContain("Nơi nhận");
    }

    @Test
    void aPartyDocumentCarriesThePartyHeaderInsteadOfTheNationalMotto() {
        String text = PdfText.flat(
                renderer.pdf(decision().style(OfficialDocument.Style.PARTY).build()));
        assertThat(text)
                .contains("ĐẢNG CỘNG SẢN VIỆT NAM")
                .doesNotContain("Độc lập - Tự do - Hạnh phúc")
                .contains("Số 15/QĐ-BCĐ")
                .doesNotContain("Số: ");
    }

    @Test
    void longDocumentsAreNumberedFromPageTwo() {
        OfficialDocument.Builder b = decision();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of(String.valueOf(i), "Mô hình số " + i, "Đơn vị " + i));
        }
        b.table(List.of("STT", "Tên mô hình", "Đơn vị"), rows, 8, 60, 32);
        String text = PdfText.of(renderer.pdf(b.build()));
        String[] pages = text.split("\f");
        assertThat(pages.length).isGreaterThanOrEqualTo(3);
        assertThat(pages[1].strip()).startsWith("2");
        assertThat(pages[0].strip()).doesNotStartWith("1");
    }

    @Test
    void datesHaveLeadingZerosForDaysBelowTenAndForJanuaryAndFebruary() {
        assertThat(DocumentRenderer.dateLine("Hà Nội", LocalDate.of(2020, 1, 5)))
                .isEqualTo("Hà Nội, ngày 05 tháng 01 năm 2020");
        assertThat(DocumentRenderer.dateLine("Hà Nội", LocalDate.of(2020, 11, 25)))
                .isEqualTo("Hà Nội, ngày 25 tháng 11 năm 2020");
        assertThat(DocumentRenderer.dateLine(null, LocalDate.of(2020, 3, 9))).isEqualTo("ngày 09 tháng 3 năm 2020");
    }
}
