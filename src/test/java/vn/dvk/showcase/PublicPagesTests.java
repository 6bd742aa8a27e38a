package vn.dvk.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/** The public pages without sign-in: the library, a model's story with its tags, the form, the sitemap, the QR code. */
class PublicPagesTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private World w;
    private Showcase models;

    @BeforeEach
    void world() {
        w = new World(api());
        models = new Showcase(w);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(api().base() + path))
                        .header("Accept-Language", "vi")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A form posted as a browser of a citizen at {@code address} would (behind the reverse proxy). */
    private HttpResponse<String> post(String path, Map<String, String> form, String address) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(api().base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnonymousVisitorFindsAModelByAnAccentFreeWordAndReadsItsStoryWithOpenGraphTags() throws Exception {
        // given a recognized model and a draft of the same words
        long id = models.recognized("Hiến đất làm đường liên thôn", "31-QĐ/BCĐ");
        long draft = models.draft("Hiến đất làm đường nội đồng");

        // when an anonymous visitor searches the library for "hien dat" in the province
        HttpResponse<String> list = get("/cong-khai?q=hien+dat&province=" + w.province);

        // then the page lists the recognized model only, sets no cookie and may be kept by caches
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("<html lang=\"vi\"")
                .contains("Hiến đất làm đường liên thôn")
                .doesNotContain("nội đồng")
                .contains("/cong-khai/mo-hinh/" + id);
        assertThat(list.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(list.headers().firstValue("Cache-Control").orElse("")).contains("public");

        // and the model's page tells its story with the decision, Open Graph tags and headings
        HttpResponse<String> page = get("/cong-khai/mo-hinh/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1", "Hiến đất làm đường liên thôn", "31-QĐ/BCĐ", "20/11/2024")
                .contains("property=\"og:title\" content=\"Hiến đất làm đường liên thôn\"")
                .contains("property=\"og:url\" content=\"http://localhost:8080/cong-khai/mo-hinh/" + id + "\"")
                .contains("alt=\"");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(api().base() + "/cong-khai/mo-hinh/" + id))
                                        .header("Accept-Language", "vi")
                                        .header("If-None-Match", etag)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(304);
        // and a HEAD request (a link checker, a monitor) is answered as the GET, without the body
        for (String path : new String[] {"/cong-khai/mo-hinh/" + id, "/cong-khai", "/sitemap.xml"}) {
            HttpResponse<String> head = http.send(
                    HttpRequest.newBuilder(URI.create(api().base() + path))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
        }
        // and the draft's page is a 404 like an id that never existed
        assertThat(get("/cong-khai/mo-hinh/" + draft).statusCode()).isEqualTo(404);
        assertThat(get("/cong-khai/mo-hinh/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aPageKeptAsHtmlHoldsNothingOfWhoAskedFirstKeepsItsLanguageAndFollowsTheData() throws Exception {
        // given a public model whose page and list a signed-in officer opens first (each node keeps them as HTML)
        long id = models.recognized("Tổ dân phố không rác thải nhựa", "41-QĐ/BCĐ");
        vn.dvk.support.WebSession officer =
                vn.dvk.support.WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        String list = "/cong-khai?province=" + w.province;
        assertThat(officer.get("/cong-khai/mo-hinh/" + id).text()).contains("Tổ dân phố không rác thải nhựa");
        assertThat(officer.get(list).text()).contains("Tổ dân phố không rác thải nhựa");

        // when an anonymous visitor opens them, the pages are the same and hold nothing of the officer
        for (String path : new String[] {"/cong-khai/mo-hinh/" + id, list}) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body())
                    .contains("Tổ dân phố không rác thải nhựa", "<html lang=\"vi\"")
                    .doesNotContain(w.username("reporterA"))
                    .doesNotContain("Người dùng reporterA");
        }

        // and in English the page is the English one, then the Vietnamese one again for a visitor without the choice
        assertThat(get("/cong-khai/mo-hinh/" + id + "?lang=en").body()).contains("<html lang=\"en\"");
        assertThat(get("/cong-khai/mo-hinh/" + id).body()).contains("<html lang=\"vi\"");

        // and a change the public sees (the title corrected by SQL) shows at once on both pages
        jdbc.update("update model_model set title = ? where id = ?", "Tổ dân phố nói không với rác thải nhựa", id);
        assertThat(get("/cong-khai/mo-hinh/" + id).body()).contains("Tổ dân phố nói không với rác thải nhựa");
        assertThat(get(list).body()).contains("Tổ dân phố nói không với rác thải nhựa");
    }

    @Test
    void theSatisfactionFormKeepsARatingRefusesABadOneBesideItsFieldAndIgnoresTheHoneypot() throws Exception {
        // given a recognized model
        long id = models.recognized("Mô hình bếp ăn tình thương", "32-QĐ/BCĐ");
        String form = "/cong-khai/mo-hinh/" + id + "/danh-gia";

        // when a citizen rates it 4 with a comment holding markup
        HttpResponse<String> sent = post(
                form, Map.of("rating", "4", "comment", "<script>alert(1)</script> Tốt", "website", ""), "10.88.0.1");

        // then the form leads back to the page, which thanks them and counts the answer
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElse("")).contains("/cong-khai/mo-hinh/" + id + "?da-gui");
        HttpResponse<String> after = get("/cong-khai/mo-hinh/" + id + "?da-gui");
        assertThat(after.body()).contains("1 ý kiến").contains("Cảm ơn").doesNotContain("<script>alert(1)</script>");

        // and a rating out of range shows the page again with the message beside the field
        HttpResponse<String> bad = post(form, Map.of("rating", "9", "comment", ""), "10.88.0.2");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"rating-error\"").contains("từ 1 đến 5");

        // and a bot that fills the honeypot is thanked alike, but nothing is counted
        HttpResponse<String> bot = post(form, Map.of("rating", "1", "website", "http://spam.example"), "10.88.0.3");
        assertThat(bot.statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/public/models/" + id, null)
                        .json()
                        .get("feedback")
                        .get("count")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void theQrCodeReadsAsThePublicAddressOfTheModelAndTheSitemapListsIt() throws Exception {
        // given a recognized model
        long id = models.recognized("Dân vận khéo trong giảm nghèo", "33-QĐ/BCĐ");

        // when its QR code is read with ZXing's reader
        Api.Bytes png = api().getBytes("/api/v1/public/models/" + id + "/qr.png", null);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        String text = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png.body()))))))
                .getText();

        // then it is the absolute address of its public page on dvk.public-url
        assertThat(text).isEqualTo("http://localhost:8080/cong-khai/mo-hinh/" + id);

        // and the sitemap lists that page
        HttpResponse<String> sitemap = get("/sitemap.xml");
        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.body()).contains("<loc>http://localhost:8080/cong-khai/mo-hinh/" + id + "</loc>");
    }

    @Test
    void theSignedInModelPageShowsThePublicFaceAndItsUnitMakesAPhotoPublicThere() throws Exception {
        // given a recognized model with a private photo, and a model only accepted
        long id = models.recognized("Mô hình tổ hòa giải giỏi", "34-QĐ/BCĐ");
        long accepted = models.accepted("Mô hình mới được ghi nhận");
        long report = api().post(
                        "/api/v1/models/" + id + "/progress-reports",
                        Map.of("asOf", "2025-06-30", "indicators", List.of(), "narrative", "Kết quả"),
                        w.token("reporterA"))
                .json()
                .get("id")
                .asLong();
        long photo = new vn.dvk.support.Multipart()
                .file("file", "hoa-giai.png", vn.dvk.support.Multipart.png())
                .post(api(), "/api/v1/models/" + id + "/progress-reports/" + report + "/evidence", w.token("reporterA"))
                .json()
                .get(0)
                .get("id")
                .asLong();
        vn.dvk.support.WebSession reporter =
                vn.dvk.support.WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);

        // when the reporter opens the model page's public section, and that of the accepted model
        String section = reporter.get("/models/" + id + "/showcase").text();
        String notPublic = reporter.get("/models/" + accepted + "/showcase").text();

        // then the recognized one links its public page, QR code and signboards; the other says it is not public
        assertThat(section)
                .contains("/cong-khai/mo-hinh/" + id)
                .contains("signboard.pdf?size=A4")
                .contains("signboard.pdf?size=A5")
                .contains("Chưa có ý kiến");
        assertThat(notPublic).contains("chưa hiện trên trang công khai");
        assertThat(reporter.getBytes("/models/" + accepted + "/signboard.pdf").status())
                .isEqualTo(404);

        // and when the reporter shows the photo in public from the reports section, the public page lists it
        reporter.get("/models/" + id);
        assertThat(reporter.post("/models/" + id + "/evidence/" + photo + "/public", Map.of("shown", "true"))
                        .status())
                .isEqualTo(302);
        assertThat(api().get("/api/v1/public/models/" + id, null)
                        .json()
                        .get("photos")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(photo);
        assertThat(reporter.get("/models/" + id + "/progress").text()).contains("Thôi công khai");
    }

    @Test
    void aListOfMoreThanAThousandSaysSoAndItsPagesGoOnPastTheFiftieth() throws Exception {
        // given 1,001 public models in one province (written as another program would: a batch of SQL rows)
        long unit = jdbc.queryForObject("select id from unit_unit where code = ?", Long.class, w.communeA);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            rows.add(new Object[] {
                "Mô hình " + i,
                "ECONOMY",
                unit,
                "COMMUNE",
                2024,
                "COLLECTIVE",
                "Hội Nông dân",
                "NEW",
                "mo hinh " + i + " hoi nong dan",
                "RECOGNIZED",
                "ACCEPT",
                now,
                "COMMUNE",
                "seed",
                now,
                now
            });
        }
        jdbc.batchUpdate(
                "insert into model_model (title, field, unit_id, level, reg_year, holder_type, holder_name,"
                        + " origin, search_text, status, appraisal_outcome, submitted_at, recognized_level, created_by,"
                        + " created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                rows);

        // then the public list says "more than 1,000", through the API (a header) and on the page
        Api.Res first = api().get("/api/v1/public/models?province=" + w.province + "&size=20", null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("DVK-Total-Capped")).isEqualTo("true");
        assertThat(first.json().get("page").get("totalElements").asLong()).isEqualTo(1_000);
        HttpResponse<String> page = get("/cong-khai?province=" + w.province);
        assertThat(page.body())
                .contains("Hơn 1.000 mô hình")
                .contains("hơn 1.000 mục")
                .doesNotContain(">1.000 mô hình<");
        // and its pages go on past the fiftieth: the 51st holds the last model
        Api.Res last = api().get("/api/v1/public/models?province=" + w.province + "&size=20&page=50", null);
        assertThat(last.json().get("content")).hasSize(1);
        assertThat(get("/cong-khai?province=" + w.province + "&page=50").body()).contains("Mô hình 0");
        // and so does an officer's list of the province
        Api.Res officers = api().get("/api/v1/models?unit=" + w.province + "&size=20", w.token("viewerP"));
        assertThat(officers.header("DVK-Total-Capped")).isEqualTo("true");
        assertThat(officers.json().get("page").get("totalElements").asLong()).isEqualTo(1_000);
    }
}
