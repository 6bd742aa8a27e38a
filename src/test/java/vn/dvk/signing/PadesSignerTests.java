package vn.dvk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvk.document.Certificate;
import vn.dvk.document.DocumentRenderer;
import vn.dvk.document.OfficialDocument;
import vn.dvk.document.SignatureStamp;
import vn.dvk.support.PdfText;

/** The signature itself, without the application: render with the stamp, sign, read back. */
class PadesSignerTests {

    private final DocumentRenderer renderer = new DocumentRenderer();

    @Test
    void aCertificateSignedWithAnEcKeyVerifiesAndShowsTheStamp() throws Exception {
        // given an EC P-256 certificate and a Giấy khen rendered with its stamp
        TestCertificates.Issued ec = TestCertificates.ec("Đặng Thùy Trâm");
        SignatureStamp stamp = new SignatureStamp("Đặng Thùy Trâm", "Bí thư", LocalDateTime.of(2026, 12, 3, 9, 5));
        byte[] pdf = renderer.certificate(
                new Certificate(
                        "Ủy ban nhân dân tỉnh Bến Tre",
                        "Giấy khen",
                        "Hội Nông dân",
                        "xuất sắc",
                        "15/QĐ-UBND",
                        LocalDate.of(2026, 12, 3),
                        "Bến Tre",
                        "TM. Ủy ban nhân dân",
                        null),
                stamp);

        // when it is signed
        byte[] signed = PadesSigner.sign(
                pdf,
                new PadesSigner.Signer(
                        ec.keys().getPrivate(),
                        List.of(ec.certificate()),
                        "Đặng Thùy Trâm",
                        "Ký ban hành văn bản",
                        null),
                Instant.now());
        Path out = Path.of("target", "signing", "giay-khen-ky-so.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, signed);

        // then the original bytes are kept (an incremental update), the signature verifies, and the stamp reads
        assertThat(Arrays.copyOf(signed, pdf.length)).isEqualTo(pdf);
        SigningApiTests.assertSigned(signed, ec.certificate());
        PdfSignatures.Report report = PdfSignatures.verify(signed);
        assertThat(report.signed()).isTrue();
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.signerName()).isEqualTo("Đặng Thùy Trâm");
            assertThat(s.certificateValidAtSigning()).isTrue();
        });
        assertThat(PdfText.flat(signed))
                .contains("Ký bởi: Đặng Thùy Trâm", "Chức vụ: Bí thư", "Thời gian ký: 03/12/2026 09:05");
        assertThat(SigningApiTests.pdfsig(signed)).contains("Signature is Valid");
    }

    @Test
    void withoutAStampTheDocumentIsRenderedAsBefore() {
        // given a decision
        OfficialDocument d = OfficialDocument.builder()
                .issuer("Ban Chỉ đạo")
                .type("Quyết định")
                .date(LocalDate.of(2026, 12, 3))
                .article("Điều 1.", "Công nhận.")
                .signature("TM. Ban Chỉ đạo", "Trưởng ban", "Nguyễn Văn A")
                .build();

        // when it is rendered without a stamp and with one
        String plain = PdfText.flat(renderer.pdf(d));
        String stamped = PdfText.flat(
                renderer.pdf(d, new SignatureStamp("Nguyễn Văn A", null, LocalDateTime.of(2026, 12, 3, 8, 0))));

        // then only the stamped one carries the mark, and both carry the signer's name
        assertThat(plain).contains("TRƯỞNG BAN", "Nguyễn Văn A").doesNotContain("Ký bởi");
        assertThat(stamped)
                .contains("Ký bởi: Nguyễn Văn A", "Thời gian ký: 03/12/2026 08:00")
                .doesNotContain("Chức vụ:");
    }
}
