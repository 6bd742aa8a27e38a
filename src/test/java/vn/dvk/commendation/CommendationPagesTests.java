package vn.dvk.commendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.PdfText;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

class CommendationPagesTests extends IntegrationTest {

    private World w;
    private Api api;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
    }

    private long acceptedModel() {
        long id = w.draft(
                "reporterA",
                World.registration("Chi hội nông dân giúp nhau thoát nghèo", w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        w.appraise("appraiserD", id, "ACCEPT", null);
        return id;
    }

    @Test
    void anIssuedBangKhenHasACertificateAndIsListedOnTheModelAndTheRecipientUnit() {
        // given a model and a Bằng khen of the province for the commune's farmers' association, linked to it
        long model = acceptedModel();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("form", "BANG_KHEN");
        body.put("recipientType", "COLLECTIVE");
        body.put("recipientName", "Hội Nông dân xã Phú Hưng");
        body.put("unitCode", w.communeA);
        body.put("issuerUnitCode", w.province);
        body.put("decisionNumber", "2345/QĐ-UBND");
        body.put("decisionDate", "2024-12-10");
        body.put("reason", "xuất sắc trong phong trào thi đua \"Dân vận khéo\" năm 2024");
        body.put("modelIds", List.of(model));
        Api.Res issued = api.post("/api/v1/commendations", body, w.token("approverP"));
        assertThat(issued.status()).isEqualTo(201);
        long id = issued.json().get("id").asLong();

        // when it is read, its certificate printed and the model's commendations listed
        Api.Res one = api.get("/api/v1/commendations/" + id, w.token("reporterA"));
        Api.Bytes pdf = api.getBytes("/api/v1/commendations/" + id + "/certificate.pdf", w.token("reporterA"));
        Api.Res ofModel = api.get("/api/v1/models/" + model + "/commendations", w.token("reporterA"));

        // then each shows it, and the certificate reads as a Bằng khen of the issuer to the recipient
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("decisionNumber").asString()).isEqualTo("2345/QĐ-UBND");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text = PdfText.flat(pdf.body());
        assertThat(text)
                .contains(
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "BẰNG KHEN",
                        "Tặng",
                        "Hội Nông dân xã Phú Hưng",
                        "Dân vận khéo",
                        "2345/QĐ-UBND",
                        "ngày 10 tháng 12 năm 2024",
                        "TM. TỈNH " + w.province.substring(0, w.province.length() - 1));
        assertThat(ofModel.json().valueStream().map(c -> c.get("id").asLong()).toList())
                .containsExactly(id);
        // and a user outside the recipient's subtree does not see it
        assertThat(api.get("/api/v1/commendations/" + id, w.token("reporterB")).status())
                .isEqualTo(404);
        assertThat(api.getBytes("/api/v1/commendations/" + id + "/certificate.pdf", w.token("reporterB"))
                        .status())
                .isEqualTo(404);

        // and the pages list it on the model and on the recipient unit's list, with the certificate link
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        assertThat(reporter.get("/models/" + model + "/commendations").text())
                .contains("Bằng khen", "Hội Nông dân xã Phú Hưng", "/commendations/" + id + "/certificate.pdf");
        assertThat(reporter.get("/commendations?unit=" + w.communeA).text()).contains("2345/QĐ-UBND", "10/12/2024");
        assertThat(reporter.getBytes("/commendations/" + id + "/certificate.pdf")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anApproverIssuesOnThePageWithMessagesBesideTheFields() {
        // given the province's approver on the issue form
        WebSession approver = WebSession.signedIn(api().base(), w.username("approverP"), PASSWORD);
        assertThat(approver.get("/commendations/new").status()).isEqualTo(200);

        // when the recipient is missing, then the form comes back with the message beside that field
        Map<String, String> form = new LinkedHashMap<>();
        form.put("form", "GIAY_KHEN");
        form.put("recipientType", "INDIVIDUAL");
        form.put("recipientName", "");
        form.put("unitCode", w.communeB);
        form.put("issuerUnitCode", w.province);
        form.put("decisionNumber", "88/QĐ-BDV");
        form.put("decisionDate", "2025-01-15");
        form.put("reason", "vận động Nhân dân hiến đất");
        form.put("modelIds", "");
        WebSession.Page refused = approver.post("/commendations", form);
        assertThat(refused.status()).isEqualTo(200);
        String html = refused.text();
        int field = html.indexOf("id=\"recipientName\"");
        assertThat(field).isPositive();
        assertThat(html.indexOf("invalid-feedback", field)).isLessThan(html.indexOf("id=\"unitCode\""));
        assertThat(html).contains("88/QĐ-BDV");

        // when it is complete, it is saved and listed under the recipient unit
        form.put("recipientName", "Ông Nguyễn Văn Tám");
        WebSession.Page saved = approver.post("/commendations", form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(approver.get("/commendations?unit=" + w.communeB).text())
                .contains("Ông Nguyễn Văn Tám", "Giấy khen");
        // and a reporter cannot issue
        assertThat(WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD)
                        .get("/commendations/new")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theListOfAUnitOutsideTheSubtreeOrOfAnUnknownUnitIsA400PageNotA500() {
        // given a reporter of commune A, signed in on the pages
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);

        // when it asks for the list of commune B, of an unknown unit, and of an injection string (found by wapiti)
        // then each is a 400 page that names the problem
        for (String unit : List.of(w.communeB, "KHONG-CO", "' OR '1'='1")) {
            WebSession.Page page = reporter.get("/commendations?unit=" + Api.q(unit));
            assertThat(page.status()).as(unit).isEqualTo(400);
            assertThat(page.text()).contains("Không tìm thấy đơn vị");
        }
    }
}
