package vn.dvk.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.dvk.support.PdfText;

class CertificateRendererTests {

    private final DocumentRenderer renderer = new DocumentRenderer();

    @Test
    void aGiayKhenIsOneLandscapePageWithTitleRecipientAchievementDecisionAndSigner() throws Exception {
        // given a Giấy khen of a district committee to a collective
        Certificate c = new Certificate(
                "Ban Thường vụ Huyện ủy Văn Lãng",
                "Giấy khen",
                "Chi bộ thôn Nà Lầm",
                "Đã có thành tích xuất sắc trong thực hiện mô hình \"Dân vận khéo\" năm 2023",
                "125-QĐ/HU",
                LocalDate.of(2024, 1, 5),
                "Văn Lãng",
                "TM. Ban Thường vụ",
                "Nguyễn Văn A");

        // when it is rendered
        byte[] pdf = renderer.certificate(c);

        // then it is one landscape A4 page and reads in order, without doubling "Đã có thành tích"
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(reader.getPageSizeWithRotation(1).getWidth())
                .isGreaterThan(reader.getPageSizeWithRotation(1).getHeight());
        String text = PdfText.flat(pdf);
        assertThat(text)
                .containsSubsequence(
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "BAN THƯỜNG VỤ HUYỆN ỦY VĂN LÃNG",
                        "GIẤY KHEN",
                        "Tặng",
                        "Chi bộ thôn Nà Lầm",
                        "Đã có thành tích xuất sắc",
                        "125-QĐ/HU",
                        "Văn Lãng, ngày 05 tháng 01 năm 2024",
                        "TM. BAN THƯỜNG VỤ",
                        "Nguyễn Văn A");
        assertThat(text).doesNotContain("thành tích Đã có");
    }
}
