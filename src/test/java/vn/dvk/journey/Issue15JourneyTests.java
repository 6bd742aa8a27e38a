package vn.dvk.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvk.recognition.RoundFixture;
import vn.dvk.signing.TestCertificates;
import vn.dvk.support.Browser;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.PdfText;

/**
 * Issue 15 in the browser: the province launches a registration campaign that requires the complete dossier; a
 * commune's reporter sees it in "Việc cần làm", registers a model writing the eight sections and submits it in the
 * window, while a second one with half a dossier is refused naming the campaign, and a late one too; the council
 * votes by secret ballot on its sheets, with the confirmation step, and the approver decides; the province's
 * administrator uploads a certificate, the decision comes out signed, and the verify page says who signed it and that
 * it is unchanged.
 * Screenshots go to target/screenshots (1366 px wide), as the other journeys' do; docs/screenshots holds copies.
 */
@Tag("journey")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Issue15JourneyTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final Path DOCS = Paths.get("target", "screenshots");
    private static final Map<String, String> SECTIONS = sections();

    private Browser browser;
    private RoundFixture f;

    @BeforeAll
    void open() {
        browser = new Browser(api().base());
        // the world and its three accepted models for the council, registered before any campaign
        f = new RoundFixture(api());
        f.proposeXandY();
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void aCampaignADossierABallotAndASignedDecisionVerifiedOnThePage() throws Exception {
        String year = String.valueOf(TODAY.getYear());
        String campaignTitle = "Phát động đăng ký mô hình \"Dân vận khéo\" năm " + year + " " + f.w.province;

        // 1. given the province's approver, who launches a campaign on the campaigns page: open since yesterday for
        // three weeks, district level, the complete dossier required
        Page approver = browser.signIn(f.w.username("approverP"), PASSWORD, 1366);
        approver.locator("nav a[href$='/campaigns']").click();
        approver.waitForURL(u -> u.endsWith("/campaigns"));
        approver.locator("a[href$='/campaigns/new']").click();
        approver.getByLabel("Tên đợt phát động").fill(campaignTitle);
        approver.getByLabel("Số văn bản phát động").fill("15-KH/BDVTU");
        approver.getByLabel("Ngày văn bản").fill(TODAY.minusDays(3).toString());
        approver.getByLabel("Mở đăng ký từ ngày").fill(TODAY.minusDays(1).toString());
        approver.getByLabel("Đến hết ngày").fill(TODAY.plusDays(20).toString());
        approver.locator("input[name=levels][value=DISTRICT]").check();
        approver.locator("input[type=checkbox][name=requireDossier]").check();
        approver.locator("main form button[type=submit]").click();

        // then the list shows it open, with its document, its window and the dossier required
        approver.waitForURL(u -> u.endsWith("/campaigns"));
        assertThat(approver.locator("[role=status]")).containsText("Đã lưu đợt phát động.");
        String window = fmt(TODAY.minusDays(1)) + " – " + fmt(TODAY.plusDays(20));
        assertThat(approver.locator("#campaigns tbody tr")).hasCount(1);
        assertThat(approver.locator("#campaigns tbody tr").first()).containsText(campaignTitle);
        assertThat(approver.locator("#campaigns tbody tr").first()).containsText("15-KH/BDVTU");
        assertThat(approver.locator("#campaigns tbody tr").first()).containsText(window);
        assertThat(approver.locator("#campaigns tbody tr").first()).containsText("đang mở");
        assertThat(approver.locator("#campaigns tbody tr").first()).containsText("Bắt buộc");
        shot(approver, "campaign-page");

        // 2. when commune A's reporter signs in, "Việc cần làm" says registration is open and until when
        Page reporter = browser.signIn(f.w.username("reporterA"), PASSWORD, 1366);
        assertThat(reporter.locator("#work-campaignsOpen"))
                .containsText("Đăng ký mô hình mở đến " + fmt(TODAY.plusDays(20)) + " (còn 21 ngày)");
        assertThat(reporter.locator("#work-campaignsOpen")).containsText(campaignTitle);

        // and the reporter follows it to the form and registers a model writing the eight sections of the dossier
        String title = "Dân vận khéo trong vận động hiến đất làm đường giao thông nông thôn " + f.w.communeA;
        reporter.locator("#work-campaignsOpen a").first().click();
        reporter.waitForURL(u -> u.endsWith("/models/new"));
        fillModel(reporter, title, SECTIONS);
        assertThat(reporter.locator("#situation-count")).containsText("/ 4.000 ký tự");
        reporter.locator("#sustainability").blur();
        shot(reporter, "dossier-form");
        reporter.locator("main form button[type=submit]").last().click();
        assertThat(reporter.locator("#model-status")).hasText("Nháp");

        // and submits it inside the window: it is accepted
        reporter.locator("#submit-model").click();
        assertThat(reporter.locator("#model-status")).hasText("Chờ thẩm định");
        assertThat(reporter.locator("[role=status]")).containsText("Đã gửi đăng ký.");
        long complete = Long.parseLong(reporter.url().replaceAll("^.*/models/(\\d+).*$", "$1"));
        assertThat(api().get("/api/v1/models/" + complete, f.w.token("reporterA"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SUBMITTED");
        // and its registration form prints with the sections written
        APIResponse form = reporter.request().get(browser.url("/models/" + complete + "/registration.pdf"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(PdfText.flat(form.body()))
                .contains(SECTIONS.get("situation"))
                .contains(SECTIONS.get("outputs"));

        // when a second model with half a dossier is registered and submitted
        String halfTitle = "Vận động hộ dân chỉnh trang hàng rào xanh " + f.w.communeA;
        Map<String, String> half = new LinkedHashMap<>();
        SECTIONS.entrySet().stream().limit(4).forEach(e -> half.put(e.getKey(), e.getValue()));
        reporter.navigate(browser.url("/models/new"));
        fillModel(reporter, halfTitle, half);
        reporter.locator("main form button[type=submit]").last().click();
        assertThat(reporter.locator("#model-status")).hasText("Nháp");
        reporter.locator("#submit-model").click();

        // then it is refused with the campaign's message naming what is missing, and stays a draft
        assertThat(reporter.locator(".alert-danger[role=alert]"))
                .containsText("yêu cầu hồ sơ đăng ký đầy đủ; còn thiếu");
        assertThat(reporter.locator(".alert-danger[role=alert]")).containsText(campaignTitle);
        assertThat(reporter.locator(".alert-danger[role=alert]")).containsText("Lực lượng thực hiện, phối hợp");
        assertThat(reporter.locator("#model-status")).hasText("Nháp");

        // and when last year's campaign (launched through the API: closed yesterday) meets a late registration
        String lastYear = String.valueOf(TODAY.getYear() - 1);
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("unitCode", f.w.province);
        closed.put("year", TODAY.getYear() - 1);
        closed.put("title", "Phát động đăng ký mô hình năm " + lastYear + " " + f.w.province);
        closed.put("registrationOpens", TODAY.minusDays(40).toString());
        closed.put("registrationCloses", TODAY.minusDays(1).toString());
        closed.put("levels", List.of("DISTRICT"));
        closed.put("requireDossier", false);
        assertThat(api().post("/api/v1/campaigns", closed, f.w.token("approverP"))
                        .status())
                .isEqualTo(201);
        reporter.navigate(browser.url("/models/new"));
        fillModel(reporter, "Vận động hộ dân làm nhà tiêu hợp vệ sinh " + f.w.communeA, SECTIONS);
        reporter.locator("#year").fill(lastYear);
        reporter.locator("main form button[type=submit]").last().click();
        assertThat(reporter.locator("#model-status")).hasText("Nháp");
        reporter.locator("#submit-model").click();
        // then it is refused: the campaign's registration is over, since yesterday
        assertThat(reporter.locator(".alert-danger[role=alert]"))
                .containsText("đã hết hạn đăng ký (ngày " + fmt(TODAY.minusDays(1)) + ")");
        assertThat(reporter.locator("#model-status")).hasText("Nháp");

        // and when the province's approver follows the campaign from the list to its page
        approver.navigate(browser.url("/campaigns"));
        approver.locator("#campaigns a", new Page.LocatorOptions().setHasText(campaignTitle))
                .click();
        approver.waitForURL(u -> u.matches(".*/campaigns/\\d+$"));
        // then the consolidation counts the district's one complete registration, and the Women's Union, which
        // registered nothing, is flagged; the totals say one unit of two
        String district = "[id='unit-" + f.w.district + "']";
        String union = "[id='unit-" + f.womenUnion + "']";
        assertThat(approver.locator(district + " td").first()).hasText("1");
        assertThat(approver.locator(district + " td").last()).hasText("1");
        assertThat(approver.locator(union)).containsText("Chưa đăng ký");
        assertThat(approver.locator("#consolidation")).containsText("1/2 đơn vị đã đăng ký");
        assertThat(approver.locator("#consolidation-total td").first()).hasText("1");
        shot(approver, "campaign-consolidation");
        // and the filter keeps only the units that have not registered, in place
        approver.locator("#onlyMissing").check();
        approver.locator("#consolidation form button[type=submit]").click();
        assertThat(approver.locator(district)).hasCount(0);
        assertThat(approver.locator(union)).isVisible();
        assertThat(approver.locator("a#consolidation-xlsx"))
                .hasAttribute("href", Pattern.compile("/consolidation\\.xlsx\\?onlyMissing=true$"));

        // 3. when the approver opens a ballot round on the rounds page (2/3 of those voting, at least 2 voting)
        approver.locator("nav").getByText("Xét công nhận").click();
        approver.getByLabel("Năm").fill("2024");
        approver.locator("#round-method").selectOption("BALLOT");
        approver.locator("#round-share").fill("2/3");
        approver.locator("#round-quorum").fill("2");
        approver.getByLabel("Kết thúc chấm").fill(TODAY.plusDays(30).toString());
        approver.getByLabel("Cơ quan ban hành quyết định").fill("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh");
        approver.locator("#new-round button[type=submit]").click();
        assertThat(approver.locator("#round-method")).hasText("Bỏ phiếu kín");
        assertThat(approver.locator("#round-ballot-rule")).containsText("2/3");
        String roundUrl = approver.url();
        long round = Long.parseLong(roundUrl.replaceAll("^.*/recognition/rounds/(\\d+).*$", "$1"));
        // and forms the council: the province's member and the Women's Union's
        approver.locator("#cand-" + f.w.username("scorerP")).check();
        approver.locator("#cand-" + f.w.username("scorerWU")).check();
        approver.locator("#add-members button[type=submit]").click();
        assertThat(approver.locator("#members li")).hasCount(2);
        approver.locator("#assign button[type=submit]").click();
        assertThat(approver.locator("#assignments-table")).containsText("Chưa bỏ phiếu");

        // and the members vote on their ballot sheets: X agree twice, Y agree once and disagree once
        vote(browser.signIn(f.w.username("scorerP"), PASSWORD, 1366), roundUrl, "AGREE", "AGREE");
        vote(browser.signIn(f.w.username("scorerWU"), PASSWORD, 1366), roundUrl, "AGREE", "DISAGREE");

        // then the approver sees the count: X passed, Y did not, and X alone is ticked for recognition
        approver.navigate(roundUrl);
        assertThat(approver.locator("#ballot-summary")).hasText("Hội đồng có 2 thành viên; 2 thành viên đã bỏ phiếu.");
        assertThat(approver.locator("#ballot-" + f.proposalX + " .agree")).hasText("2");
        assertThat(approver.locator("#ballot-" + f.proposalX + " .outcome")).hasText("Đạt");
        assertThat(approver.locator("#ballot-" + f.proposalY + " .agree")).hasText("1");
        assertThat(approver.locator("#ballot-" + f.proposalY + " .disagree")).hasText("1");
        assertThat(approver.locator("#ballot-" + f.proposalY + " .outcome")).hasText("Không đạt");
        assertThat(approver.locator("#recognize-" + f.proposalX)).isChecked();
        assertThat(approver.locator("#recognize-" + f.proposalY)).not().isChecked();
        APIResponse minutes = approver.request()
                .get(browser.url(approver.locator("#ballot-minutes").getAttribute("href")));
        assertThat(minutes.status()).isEqualTo(200);
        assertThat(PdfText.flat(minutes.body())).contains("BIÊN BẢN").contains("Đạt (1 mô hình): " + f.titleX + ".");

        // when the approver issues the decision
        approver.getByLabel("Số quyết định").fill("215-QĐ/BCĐ");
        approver.getByLabel("Ngày quyết định").fill(TODAY.toString());
        approver.locator("#decision button[type=submit]").click();

        // then X is recognized and the decision is on the round's page
        assertThat(approver.locator("#round-decision")).containsText("215-QĐ/BCĐ");
        assertThat(api().get("/api/v1/models/" + f.modelX, f.w.token("approverP"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RECOGNIZED");
        assertThat(api().get("/api/v1/models/" + f.modelY, f.w.token("approverP"))
                        .json()
                        .get("status")
                        .asString())
                .isNotEqualTo("RECOGNIZED");

        // 4. when the province's administrator uploads a certificate on the signing page
        TestCertificates.Issued cert = TestCertificates.rsa("Nguyễn Thị Phương Thảo");
        Page admin = browser.signIn(f.w.username("adminP"), PASSWORD, 1366);
        admin.navigate(browser.url("/admin/signing?unit=" + f.w.province));
        assertThat(admin.locator("#current-certificate")).containsText("Đơn vị chưa có chứng thư số");
        admin.locator("#file").setInputFiles(new FilePayload("chu-ky-so.p12", "application/x-pkcs12", cert.p12()));
        admin.locator("#password").fill(TestCertificates.PASSWORD);
        admin.locator("#position").fill("Trưởng Ban Dân vận");
        admin.locator("#upload-form button[type=submit]").click();

        // then the page shows the certificate in use
        assertThat(admin.locator("[role=status]")).containsText("Đã lưu chứng thư số");
        assertThat(admin.locator("#current-certificate")).containsText("Nguyễn Thị Phương Thảo");
        assertThat(admin.locator("#current-certificate")).containsText("Trưởng Ban Dân vận");

        // when the approver downloads the decision
        approver.navigate(roundUrl);
        APIResponse decision = approver.request()
                .get(browser.url(approver.locator("#decision-pdf").getAttribute("href")));

        // then it is a PDF with one PAdES signature, by the uploaded certificate, over the whole file
        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.headers().get("content-type")).startsWith("application/pdf");
        byte[] pdf = decision.body();
        assertSignedBy(pdf, cert);
        assertThat(PdfText.flat(pdf))
                .contains("QUYẾT ĐỊNH")
                .contains("Số 215-QĐ/BCĐ")
                .contains("Căn cứ kết quả bỏ phiếu của Hội đồng")
                .contains("Ký bởi: Nguyễn Thị Phương Thảo");
        Path file = Files.createTempFile("quyet-dinh-" + round + "-", ".pdf");
        try {
            Files.write(file, pdf);
            assertThat(run("pdfsig", file.toString()))
                    .contains("Signature is Valid")
                    .contains("ETSI.CAdES.detached");
            // (page 1 rendered for the README)
            Files.createDirectories(DOCS);
            run(
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    file.toString(),
                    DOCS.resolve("signed-decision").toString());
            assertThat(DOCS.resolve("signed-decision.png")).exists();
        } finally {
            Files.deleteIfExists(file);
        }

        // and when it is uploaded on the verify page, the page says who signed it and that it is unchanged
        approver.navigate(browser.url("/documents/verify"));
        assertThat(approver.locator("h1")).hasText("Xác minh văn bản ký số");
        approver.locator("#file").setInputFiles(new FilePayload("quyet-dinh-215.pdf", "application/pdf", pdf));
        approver.locator("main form button[type=submit]").click();
        assertThat(approver.locator("#verify-result .alert-success"))
                .containsText("Văn bản được ký bởi Nguyễn Thị Phương Thảo, lúc ");
        assertThat(approver.locator("#verify-result .alert-success"))
                .containsText("nội dung không bị thay đổi sau khi ký");
        assertThat(approver.locator("#verify-result")).containsText("CN=Nguyễn Thị Phương Thảo");
        shot(approver, "signed-decision-verified");
    }

    private static void fillModel(Page page, String title, Map<String, String> sections) {
        page.locator("#title").fill(title);
        page.locator("#field").selectOption("ECONOMY");
        page.locator("#level").selectOption("DISTRICT");
        page.locator("#year").fill(String.valueOf(TODAY.getYear()));
        page.locator("#holderName").fill("Chi hội Nông dân ấp Phú Thạnh");
        page.locator("#summary").fill("Vận động 126 hộ hiến đất, mở rộng 3,2 km đường liên ấp.");
        sections.forEach((field, text) -> page.locator("#" + field).fill(text));
    }

    /** Opens the ballot from the round page, chooses for X and Y, reviews, confirms, and sees both locked. */
    private void vote(Page member, String roundUrl, String onX, String onY) {
        member.navigate(roundUrl);
        member.locator("#ballot-link").click();
        assertThat(member.locator("h1")).hasText("Phiếu bầu của tôi");
        assertThat(member.locator("#nominee-" + f.proposalX)).containsText(f.titleX);
        member.locator("#vote-" + f.proposalX + "-" + onX).check();
        member.locator("#vote-" + f.proposalY + "-" + onY).check();
        member.locator("#ballot-review").click();
        assertThat(member.locator("#ballot-confirm")).containsText("Xác nhận phiếu bầu");
        assertThat(member.locator("#choice-" + f.proposalX)).containsText(label(onX));
        assertThat(member.locator("#choice-" + f.proposalY)).containsText(label(onY));
        member.locator("#ballot-cast").click();
        assertThat(member.locator("[role=status]")).containsText("Đã ghi nhận phiếu bầu.");
        assertThat(member.locator("#nominee-" + f.proposalX + " .voted")).containsText("Đã bỏ phiếu");
        assertThat(member.locator("#nominee-" + f.proposalY + " .voted")).containsText("Đã bỏ phiếu");
        assertThat(member.locator("#vote-" + f.proposalX + "-AGREE")).hasCount(0);
        member.context().close();
    }

    private static String label(String vote) {
        return vote.equals("AGREE") ? "Đồng ý" : "Không đồng ý";
    }

    /** One ETSI.CAdES.detached signature covering the whole file that verifies with the uploaded certificate. */
    private static void assertSignedBy(byte[] pdf, TestCertificates.Issued cert) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature sig = signatures.get(0);
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = sig.getByteRange();
            assertThat(range[0]).isZero();
            assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);
            CMSSignedData cms =
                    new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), sig.getContents(pdf));
            SignerInformation signer =
                    cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder holder = (X509CertificateHolder)
                    cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            assertThat(holder.getEncoded()).isEqualTo(cert.certificate().getEncoded());
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder)))
                    .isTrue();
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /**
     * A full-page screenshot in target/screenshots (copied to docs/screenshots for the README): the page's whole height, the window's width (what
     * a 1366 px window shows, even where the page is wider than the window).
     */
    private static void shot(Page page, String name) throws Exception {
        Files.createDirectories(DOCS);
        int width = page.viewportSize().width;
        Number height = (Number) page.evaluate("document.documentElement.scrollHeight");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(DOCS.resolve(name + ".png"))
                .setFullPage(true)
                .setClip(0, 0, width, height.doubleValue()));
    }

    private static String fmt(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private static Map<String, String> sections() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(
                "situation",
                "Đường liên ấp chỉ rộng 2 m, mùa mưa lầy lội; xe cứu thương, xe chở nông sản" + " không vào được.");
        m.put(
                "goals",
                "Mở rộng 3,2 km đường lên 5 m; 100% hộ hai bên đường đồng thuận hiến đất," + " không phải bồi thường.");
        m.put(
                "approach",
                "Cán bộ ấp đến từng nhà vận động; đảng viên, người có uy tín hiến đất trước;"
                        + " họp dân công khai phương án và kinh phí.");
        m.put("area", "Ấp Phú Thạnh; 126 hộ có đất hai bên tuyến đường.");
        m.put("forces", "Chi bộ ấp chủ trì; Mặt trận, Hội Nông dân, Hội Phụ nữ, Đoàn Thanh niên phối hợp.");
        m.put("resources", "Từ tháng 3 đến tháng 10; Nhà nước hỗ trợ xi măng, Nhân dân góp 1.250 ngày công.");
        m.put("outputs", "8.400 m² đất được hiến; 3,2 km đường bê tông; biên bản hiến đất có xác nhận của xã.");
        m.put("sustainability", "Tổ tự quản duy tu đường hằng quý; cách làm được giới thiệu cho các ấp lân cận.");
        return m;
    }
}
