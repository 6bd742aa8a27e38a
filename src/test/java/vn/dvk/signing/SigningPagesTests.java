package vn.dvk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/** The administrator's certificate page and the verify page, in Vietnamese. */
class SigningPagesTests extends IntegrationTest {

    @Test
    void anAdministratorUploadsOnThePageAndAReporterVerifiesTheSignedCertificate() {
        // given the province's administrator on the certificate page
        World w = new World(api());
        WebSession admin = WebSession.signedIn(api().base(), w.username("adminP"), PASSWORD);
        String page = admin.get("/admin/signing?unit=" + w.province).text();
        assertThat(page).contains("Chứng thư số của đơn vị", "Đơn vị chưa có chứng thư số", "/admin/signing");

        // when a wrong password is sent, then the message stands beside the password and nothing is stored
        TestCertificates.Issued cert = TestCertificates.rsa("Võ Thị Sáu");
        WebSession.Page wrong = admin.post(
                "/admin/signing",
                new Multipart()
                        .field("unit", w.province)
                        .field("password", "sai")
                        .file("file", "ky.p12", cert.p12()));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.text()).contains("id=\"password-error\"", "Mật khẩu của tệp chứng thư số không đúng.");
        assertThat(api().get("/api/v1/units/" + w.province + "/signing-certificate", w.token("adminP"))
                        .status())
                .isEqualTo(404);

        // when the right password is sent with a position, then the page redirects and shows the certificate
        admin.get("/admin/signing?unit=" + w.province);
        WebSession.Page saved = admin.post(
                "/admin/signing",
                new Multipart()
                        .field("unit", w.province)
                        .field("password", TestCertificates.PASSWORD)
                        .field("position", "Chủ tịch")
                        .file("file", "ky.p12", cert.p12()));
        assertThat(saved.status()).isEqualTo(302);
        String after =
                admin.get(saved.location().replaceFirst("^https?://[^/]+", "")).text();
        assertThat(after).contains("Đã lưu chứng thư số", "Võ Thị Sáu", "Chủ tịch", "Gỡ chứng thư số");

        // when a reporter checks a signed certificate of the province on the verify page
        byte[] pdf = SigningApiTests.certificatePdf(api(), w, w.province);
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        assertThat(reporter.get("/documents/verify").text()).contains("Xác minh văn bản ký số");
        String ok = reporter.post("/documents/verify", new Multipart().file("file", "giay-khen.pdf", pdf))
                .text();
        // then it says who signed, when, and that nothing changed since
        assertThat(ok).contains("Văn bản được ký bởi Võ Thị Sáu, lúc ", "nội dung không bị thay đổi sau khi ký");

        // when the file is changed after signing, then the page says so
        byte[] changed = pdf.clone();
        changed[changed.length / 3] ^= 0x01;
        reporter.get("/documents/verify");
        String bad = reporter.post("/documents/verify", new Multipart().file("file", "giay-khen.pdf", changed))
                .text();
        assertThat(bad).contains("Văn bản đã bị sửa sau khi ký");

        // and a file that is not a PDF gets the message beside the file field
        reporter.get("/documents/verify");
        String notPdf = reporter.post("/documents/verify", new Multipart().file("file", "a.txt", "xin chào".getBytes()))
                .text();
        assertThat(notPdf).contains("id=\"file-error\"", "Tệp không phải là văn bản PDF đọc được.");

        // when the administrator removes it, then the page says so and the reporter cannot reach the page
        admin.get("/admin/signing?unit=" + w.province);
        WebSession.Page removed = admin.post("/admin/signing/remove", Map.of("unit", w.province));
        assertThat(removed.status()).isEqualTo(302);
        assertThat(admin.get("/admin/signing?unit=" + w.province).text())
                .contains("Đã gỡ chứng thư số", "Đơn vị chưa có chứng thư số");
        assertThat(reporter.get("/admin/signing").status()).isEqualTo(403);
    }
}
