package vn.dvk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.recognition.RoundFixture;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.PdfText;
import vn.dvk.support.World;

/**
 * Signed decisions through the API: a unit's administrator uploads a throw-away certificate; the unit's commendation
 * certificates, round decisions and annual reports come out signed (PAdES B-B, checked with PDFBox and Bouncy Castle
 * and with poppler's pdfsig); the verify endpoint tells an intact file from a changed one; refusals store nothing.
 */
class SigningApiTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUnitsCertificateSignsItsCertificatesAndTheVerifyEndpointSeesChanges() throws Exception {
        // given a province whose administrator uploads an RSA certificate with a signer and a position
        World w = new World(api());
        TestCertificates.Issued cert = TestCertificates.rsa("Nguyễn Văn Ký");
        Api.Res up = upload(
                w.province, cert.p12(), TestCertificates.PASSWORD, "Nguyễn Văn Ký", "Trưởng ban", w.token("adminP"));

        // then the metadata is answered, and read back
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("subject").asString()).contains("CN=Nguyễn Văn Ký");
        assertThat(up.json().get("serialNumber").asString())
                .isEqualToIgnoringCase(cert.certificate().getSerialNumber().toString(16));
        assertThat(up.json().get("signerName").asString()).isEqualTo("Nguyễn Văn Ký");
        assertThat(up.json().get("position").asString()).isEqualTo("Trưởng ban");
        assertThat(up.json().get("notAfter").asString()).isNotBlank();
        Api.Res read = api().get(path(w.province), w.token("adminP"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("issuer").asString())
                .isEqualTo(up.json().get("issuer").asString());

        // when the province grants a Bằng khen and its certificate is printed
        byte[] signed = certificatePdf(w, w.province);

        // then it carries one PAdES signature that verifies over its byte range, by the uploaded certificate
        assertSigned(signed, cert.certificate());
        assertThat(PdfText.flat(signed))
                .contains("BẰNG KHEN", "Ký bởi: Nguyễn Văn Ký", "Chức vụ: Trưởng ban", "Thời gian ký:");
        // and poppler finds the signature valid (trust in a self-signed certificate is not asked)
        String pdfsig = pdfsig(signed);
        assertThat(pdfsig).contains("Signature is Valid", "ETSI.CAdES.detached");

        // when the signed file is checked
        JsonNode ok = verify(signed, w.token("reporterA")).json();
        // then it is signed, intact and covered, by the signer, with a certificate valid at signing
        assertThat(ok.get("signed").asBoolean()).isTrue();
        JsonNode s = ok.get("signatures").get(0);
        assertThat(s.get("signerName").asString()).isEqualTo("Nguyễn Văn Ký");
        assertThat(s.get("subject").asString()).contains("Nguyễn Văn Ký");
        assertThat(s.get("signingTime").asString()).isNotBlank();
        assertThat(s.get("intact").asBoolean()).isTrue();
        assertThat(s.get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(s.get("certificateValidAtSigning").asBoolean()).isTrue();

        // when one byte inside the signed range is changed (the creator "DVK" becomes "DVX")
        byte[] altered = signed.clone();
        int at = indexOf(altered, "DVK".getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive().isLessThan(new PdfSignatureRange(signed).firstEnd());
        altered[at + 2] = 'X';
        JsonNode changed = verify(altered, w.token("reporterA")).json();
        // then the signature is no longer intact
        assertThat(changed.get("signed").asBoolean()).isTrue();
        assertThat(changed.get("signatures").get(0).get("intact").asBoolean()).isFalse();

        // when a page's text is added after signing (an incremental update)
        byte[] appended = addText(signed);
        JsonNode added = verify(appended, w.token("reporterA")).json();
        // then the signature does not cover the whole file and is not intact
        assertThat(added.get("signatures").get(0).get("coversWholeDocument").asBoolean())
                .isFalse();
        assertThat(added.get("signatures").get(0).get("intact").asBoolean()).isFalse();

        // when a certificate of a unit without a certificate (the district) is checked
        byte[] plain = certificatePdf(w, w.district);
        // then it is not signed, and exactly as before (no signature field, no stamp)
        JsonNode unsigned = verify(plain, w.token("reporterA")).json();
        assertThat(unsigned.get("signed").asBoolean()).isFalse();
        assertThat(unsigned.get("signatures").size()).isZero();
        assertThat(PdfText.flat(plain)).doesNotContain("Ký bởi");

        // and a text file is refused naming the file
        Api.Res text = verify("Quyết định số 1".getBytes(StandardCharsets.UTF_8), w.token("reporterA"));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.errorFields()).containsExactly("file");
    }

    @Test
    void refusalsStoreNothingAndReplacingAndRemovingAreAudited() throws Exception {
        World w = new World(api());
        String admin = w.token("adminP");
        TestCertificates.Issued cert = TestCertificates.rsa("Trần Thị Hoa");

        // a wrong password, an expired certificate, a file that is not PKCS#12, one without a key, a certificate that
        // may not sign: 400 naming the field; a non-administrator: 403
        Api.Res wrong = upload(w.province, cert.p12(), "sai-mat-khau", null, null, admin);
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactly("password");
        Api.Res expired =
                upload(w.province, TestCertificates.expired("Cũ").p12(), TestCertificates.PASSWORD, null, null, admin);
        assertThat(expired.status()).as(expired.body()).isEqualTo(400);
        assertThat(expired.errorFields()).containsExactly("file");
        assertThat(expired.body()).contains("hết hạn");
        Api.Res notP12 = upload(w.province, Multipart.pdf(), TestCertificates.PASSWORD, null, null, admin);
        assertThat(notP12.errorFields()).containsExactly("file");
        Api.Res noKey = upload(
                w.province,
                TestCertificates.certificateOnly(cert.certificate()),
                TestCertificates.PASSWORD,
                null,
                null,
                admin);
        assertThat(noKey.errorFields()).containsExactly("file");
        Api.Res usage = upload(
                w.province,
                TestCertificates.encipherOnly("Mã hóa").p12(),
                TestCertificates.PASSWORD,
                null,
                null,
                admin);
        assertThat(usage.errorFields()).containsExactly("file");
        Api.Res approver = upload(w.province, cert.p12(), TestCertificates.PASSWORD, null, null, w.token("approverP"));
        assertThat(approver.status()).isEqualTo(403);
        // an administrator of the province cannot set the root's certificate
        assertThat(upload("TW", cert.p12(), TestCertificates.PASSWORD, null, null, admin)
                        .status())
                .isEqualTo(403);
        // and nothing was stored
        assertThat(api().get(path(w.province), admin).status()).isEqualTo(404);
        assertThat(api().get(path(w.province), w.token("reporterP")).status()).isEqualTo(403);

        // when a certificate (EC, the signer taken from its CN) is uploaded and then replaced by an RSA one
        TestCertificates.Issued ec = TestCertificates.ec("Lê Văn Nam");
        Api.Res first = upload(w.province, ec.p12(), TestCertificates.PASSWORD, null, null, admin);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("signerName").asString()).isEqualTo("Lê Văn Nam");
        assertSigned(certificatePdf(w, w.province), ec.certificate());
        Api.Res second =
                upload(w.province, cert.p12(), TestCertificates.PASSWORD, "Trần Thị Hoa", "Phó Trưởng ban", admin);
        assertThat(second.status()).isEqualTo(201);

        // then the unit has the second one, and its documents are signed with it
        assertThat(api().get(path(w.province), admin).json().get("serialNumber").asString())
                .isEqualTo(second.json().get("serialNumber").asString());
        assertSigned(certificatePdf(w, w.province), cert.certificate());

        // when it is removed, then it is gone and documents are unsigned again
        assertThat(api().delete(path(w.province), w.token("approverP")).status())
                .isEqualTo(403);
        assertThat(api().delete(path(w.province), admin).status()).isEqualTo(204);
        assertThat(api().get(path(w.province), admin).status()).isEqualTo(404);
        assertThat(api().delete(path(w.province), admin).status()).isEqualTo(404);
        assertThat(verify(certificatePdf(w, w.province), admin)
                        .json()
                        .get("signed")
                        .asBoolean())
                .isFalse();
        // and the trail holds the upload, the replacement (old and new serial) and the removal, never a password
        List<Map<String, Object>> trail = jdbc.queryForList(
                "select action, from_state, to_state, comment"
                        + " from shared_audit_entry where subject_type = 'SIGNING_CERTIFICATE' and subject_id ="
                        + " (select id from unit_unit where code = ?) order by id",
                w.province);
        assertThat(trail)
                .extracting(r -> r.get("action"))
                .containsExactly("SIGNING_CERT_UPLOAD", "SIGNING_CERT_REPLACE", "SIGNING_CERT_REMOVE");
        assertThat(String.valueOf(trail.get(1).get("comment")))
                .contains(
                        "serial " + second.json().get("serialNumber").asString(),
                        "replaces serial " + first.json().get("serialNumber").asString());
        assertThat(trail.get(2).get("from_state")).isEqualTo("ACTIVE");
        assertThat(trail)
                .allSatisfy(
                        r -> assertThat(String.valueOf(r.get("comment"))).doesNotContain(TestCertificates.PASSWORD));
        assertThat(jdbc.queryForObject(
                        "select count(*) from signing_certificate s join unit_unit u on u.id = s.unit_id"
                                + " where u.code = ?",
                        Integer.class,
                        w.province))
                .isZero();
    }

    @Test
    void aRoundsDecisionAndTheAnnualReportAreSignedWithTheUnitsCertificate() throws Exception {
        // given a decided province round, and the province's certificate
        RoundFixture f = new RoundFixture(api());
        f.proposeXandY();
        String approver = f.w.token("approverP");
        Api.Res created = api().post("/api/v1/recognition-rounds", f.round(), approver);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long round = created.json().get("id").asLong();
        assertThat(api().post(
                                "/api/v1/recognition-rounds/" + round + "/members",
                                Map.of("usernames", List.of(f.w.username("scorerP"))),
                                approver)
                        .status())
                .isEqualTo(200);
        api().post("/api/v1/recognition-rounds/" + round + "/assignments", Map.of(), approver);
        for (long proposal : List.of(f.proposalX, f.proposalY)) {
            Api.Res scored = api().post(
                            "/api/v1/recognition-proposals/" + proposal + "/scores",
                            RoundFixture.sheet(17, null),
                            f.w.token("scorerP"));
            assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        }
        Api.Res decided = api().post(
                        "/api/v1/recognition-rounds/" + round + "/decision",
                        Map.of("decisionNumber", "127-QĐ/BCĐ", "decisionDate", "2024-10-10"),
                        approver);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        TestCertificates.Issued cert = TestCertificates.rsa("Phạm Minh Đức");
        assertThat(upload(f.w.province, cert.p12(), TestCertificates.PASSWORD, null, "Trưởng ban", f.w.token("adminP"))
                        .status())
                .isEqualTo(201);

        // when the decision and the annual report are printed
        Api.Bytes decision = api().getBytes("/api/v1/recognition-rounds/" + round + "/decision.pdf", approver);
        Api.Bytes report = api().getBytes("/api/v1/reports/annual?unit=" + f.w.province + "&year=2024", approver);

        // then both are signed by the province's certificate, and poppler agrees
        assertThat(decision.status()).isEqualTo(200);
        assertSigned(decision.body(), cert.certificate());
        assertThat(PdfText.flat(decision.body())).contains("QUYẾT ĐỊNH", "Ký bởi: Phạm Minh Đức");
        assertThat(pdfsig(decision.body())).contains("Signature is Valid");
        assertThat(report.status()).isEqualTo(200);
        assertSigned(report.body(), cert.certificate());
        assertThat(pdfsig(report.body())).contains("Signature is Valid");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String path(String unit) {
        return "/api/v1/units/" + unit + "/signing-certificate";
    }

    private Api.Res upload(String unit, byte[] p12, String password, String signer, String position, String token) {
        Multipart m = new Multipart().file("file", "chu-ky.p12", p12).field("password", password);
        if (signer != null) {
            m.field("signerName", signer);
        }
        if (position != null) {
            m.field("position", position);
        }
        return m.post(api(), path(unit), token);
    }

    private Api.Res verify(byte[] pdf, String token) {
        return new Multipart().file("file", "van-ban.pdf", pdf).post(api(), "/api/v1/documents/verify", token);
    }

    private byte[] certificatePdf(World w, String issuer) {
        return certificatePdf(api(), w, issuer);
    }

    /** Issues a Bằng khen by the issuer to commune A's farmers and prints its certificate, as commune A's reporter. */
    static byte[] certificatePdf(Api api, World w, String issuer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("form", "BANG_KHEN");
        body.put("recipientType", "COLLECTIVE");
        body.put("recipientName", "Hội Nông dân xã Phú Hưng");
        body.put("unitCode", w.communeA);
        body.put("issuerUnitCode", issuer);
        body.put("decisionNumber", Api.unique("QĐ"));
        body.put("decisionDate", "2024-12-10");
        body.put("reason", "xuất sắc trong phong trào thi đua \"Dân vận khéo\" năm 2024");
        Api.Res issued = api.post("/api/v1/commendations", body, w.token("approverP"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Api.Bytes pdf = api.getBytes(
                "/api/v1/commendations/" + issued.json().get("id").asLong() + "/certificate.pdf", w.token("reporterA"));
        assertThat(pdf.status()).isEqualTo(200);
        return pdf.body();
    }

    /** One ETSI.CAdES.detached signature over the whole file, verifying, by the certificate, PAdES B-B attributes. */
    static void assertSigned(byte[] pdf, X509Certificate expected) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature sig = signatures.get(0);
            assertThat(sig.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(sig.getSignDate()).isNotNull();
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
            assertThat(holder.getEncoded()).isEqualTo(expected.getEncoded());
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder)))
                    .isTrue();
            // PAdES B-B: ESS signing-certificate-v2 naming the signer's certificate by its SHA-256; no signing-time
            SigningCertificateV2 scv2 = SigningCertificateV2.getInstance(signer.getSignedAttributes()
                    .get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)
                    .getAttrValues()
                    .getObjectAt(0));
            assertThat(scv2.getCerts()[0].getCertHash())
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected.getEncoded()));
            assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime))
                    .isNull();
            assertThat(signer.getSignedAttributes().get(CMSAttributes.contentType))
                    .isNotNull();
        }
    }

    /** pdfsig's report; its exit code is 0 for a file whose signatures it could read. */
    static String pdfsig(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("dvk-signed-", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdfsig", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] addText(byte[] signed) throws Exception {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            try (PDPageContentStream cs =
                    new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, true)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(50, 50);
                cs.showText("Sua sau khi ky");
                cs.endText();
            }
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The end of the first part of the first signature's byte range. */
    private record PdfSignatureRange(byte[] pdf) {
        int firstEnd() throws Exception {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                return doc.getSignatureDictionaries().get(0).getByteRange()[1];
            }
        }
    }
}
