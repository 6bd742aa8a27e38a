package vn.dvk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.PdfText;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Issue 13: an anonymous visitor finds a recognized model by a word typed without accents, opens it, follows its QR
 * code's link (the code is decoded, not scanned), sends a rating and sees it counted.
 */
@Tag("journey")
class PublicLibraryJourneyTests extends IntegrationTest {

    @Test
    void aVisitorFindsAModelWithoutAccentsFollowsItsQrCodeAndRatesIt() throws Exception {
        // given a recognized model with a photo its commune shows in public
        World w = new World(api());
        String title = "Dân vận khéo trong hiến đất mở rộng đường giao thông nông thôn " + w.communeA;
        Map<String, Object> body = World.registration(title, w.communeA, "DISTRICT", "ECONOMY");
        body.put(
                "summary",
                "Cán bộ thôn đến từng nhà vận động; 126 hộ hiến 8.400 m² đất, mở rộng 3,2 km đường"
                        + " liên thôn, Nhân dân góp 1.250 ngày công.");
        long id = w.draft("reporterA", body);
        w.submit("reporterA", id);
        w.appraise("appraiserD", id, "ACCEPT", null);
        long proposal = w.api.post(
                        "/api/v1/models/" + id + "/recognition-proposals",
                        Map.of("level", "DISTRICT", "year", 2024),
                        w.token("reporterA"))
                .json()
                .get("id")
                .asLong();
        assertThat(w.api.post(
                                "/api/v1/recognition-proposals/" + proposal + "/decision",
                                Map.of(
                                        "decision",
                                        "RECOGNIZE",
                                        "decisionNumber",
                                        "127-QĐ/BCĐ",
                                        "decisionDate",
                                        "2024-11-20"),
                                w.token("approverD"))
                        .status())
                .isEqualTo(200);
        long report = w.api.post(
                        "/api/v1/models/" + id + "/progress-reports",
                        Map.of("asOf", "2025-06-30", "indicators", List.of(), "narrative", "Khánh thành đường"),
                        w.token("reporterA"))
                .json()
                .get("id")
                .asLong();
        new Multipart()
                .file("file", "Khánh thành đường liên thôn.jpg", Multipart.photo(640, 400))
                .post(
                        w.api,
                        "/api/v1/models/" + id + "/progress-reports/" + report + "/evidence?public=true",
                        w.token("reporterA"));

        try (Browser browser = new Browser(api().base())) {
            Page page = browser.person(false);
            // a citizen's own address, as the reverse proxy reports it
            page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", "10.123.45.67"));

            // when the visitor searches the library for "hien dat mo rong" in the province, without signing in
            page.navigate(browser.url("/cong-khai?province=" + w.province));
            page.getByLabel("Tìm kiếm (có dấu hoặc không dấu)").fill("hien dat mo rong");
            page.locator("#filters button[type=submit]").click();
            page.waitForURL(u -> u.contains("q=hien"));

            // then the model is found, and opens on its public page with its decision and photo
            page.getByText(title).click();
            page.waitForURL(u -> u.contains("/cong-khai/mo-hinh/" + id));
            assertThat(page.locator("h1").textContent()).isEqualTo(title);
            assertThat(page.locator("main").textContent())
                    .contains("127-QĐ/BCĐ")
                    .contains("20/11/2024");
            assertThat(page.locator("img.public-photo").count()).isEqualTo(1);
            Browser.shot(page, "public-model-page");

            // and its QR code reads as the model's public address, which the visitor follows
            byte[] png = page.request()
                    .get(
                            page.locator("#qr").getAttribute("src").startsWith("http")
                                    ? page.locator("#qr").getAttribute("src")
                                    : browser.url(page.locator("#qr").getAttribute("src")))
                    .body();
            String link = new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))))
                    .getText();
            assertThat(link).isEqualTo("http://localhost:8080/cong-khai/mo-hinh/" + id);
            // (dvk.public-url names the public host; the test server listens on a random port of this machine)
            page.navigate(browser.url(URI.create(link).getPath()));

            // and rates it 4 with a comment, and sees the answer counted
            page.getByLabel("4 — Hài lòng").check();
            page.getByLabel("Góp ý (không bắt buộc, tối đa 1.000 ký tự)")
                    .fill("Đường rộng, sạch, bà con đi lại thuận tiện.");
            page.locator("#feedback-form button[type=submit]").click();
            page.waitForURL(u -> u.contains("da-gui"));
            assertThat(page.locator("#feedback-summary").textContent())
                    .contains("1 ý kiến")
                    .contains("4/5");
            assertThat(page.locator("[role=status]").textContent()).contains("Cảm ơn");
        }

        // and the signboard printed from the model's signed-in page carries its name, decision and QR code
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        Api.Bytes pdf = reporter.getBytes("/models/" + id + "/signboard.pdf?size=A4");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(PdfText.of(pdf.body())).contains("127-QĐ/BCĐ").contains("/cong-khai/mo-hinh/" + id);
        assertThat(reporter.getBytes("/models/" + id + "/signboard.pdf?size=A5").status())
                .isEqualTo(200);
        Path out = Paths.get("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve("signboard-a4.pdf"), pdf.body());
    }
}
