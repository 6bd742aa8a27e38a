package vn.dvk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.PdfText;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

class InspectionApiTests extends IntegrationTest {

    private World w;
    private Api api;

    @BeforeEach
    void world() {
        api = api();
        w = new World(api);
    }

    private long acceptedModel(String reporter, String unit, String title) {
        long id = w.draft(reporter, World.registration(title, unit, "DISTRICT", "ECONOMY"));
        w.submit(reporter, id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        return id;
    }

    private Map<String, Object> plan(List<Long> models) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitCode", w.communeA);
        body.put("plannedOn", "2026-12-05");
        body.put("purpose", "Kiểm tra việc duy trì các mô hình “Dân vận khéo” năm 2026");
        body.put("members", List.of("Hoàng Văn Minh — Trưởng ban Dân vận", "Lý Thị Hoa"));
        body.put("modelIds", models);
        return body;
    }

    private List<String> actions(long modelId) {
        return api.get("/api/v1/models/" + modelId + "/timeline", w.token("reporterA"))
                .json()
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }

    @Test
    void anAppraiserInspectsTheUnitAnswersAndTheReportIsIssued() throws Exception {
        // given two accepted models of commune A
        long anise = acceptedModel("reporterA", w.communeA, "Vận động trồng hồi thôn Nà Pàn " + w.communeA);
        long honey = acceptedModel("reporterA", w.communeA, "Tổ hợp tác nuôi ong " + w.communeA);

        // when the district board plans an inspection of both
        Api.Res planned = api.post("/api/v1/inspections", plan(List.of(anise, honey)), w.token("appraiserD"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long id = planned.json().get("id").asLong();
        assertThat(planned.json().get("status").asString()).isEqualTo("PLANNED");
        assertThat(planned.json().get("models")).hasSize(2);

        // and records a finding with a photo for each model
        Api.Res meets = new Multipart()
                .field("modelId", String.valueOf(anise))
                .field("criterion", "Lan tỏa, mang lại kết quả thiết thực, kiểm chứng được")
                .field("verdict", "MEETS")
                .field("notes", "120 hộ, 100 ha hồi như báo cáo.")
                .file("photos", "doi-hoi.png", Multipart.png())
                .post(api, "/api/v1/inspections/" + id + "/findings", w.token("appraiserD"));
        Api.Res partly = new Multipart()
                .field("modelId", String.valueOf(honey))
                .field("criterion", "Được Nhân dân đồng tình, hưởng ứng")
                .field("verdict", "PARTLY")
                .field("notes", "Một số nội dung chưa rõ.")
                .post(api, "/api/v1/inspections/" + id + "/findings", w.token("appraiserD"));
        assertThat(meets.status()).as(meets.body()).isEqualTo(201);
        assertThat(meets.json().get("photos")).hasSize(1);
        assertThat(partly.status()).as(partly.body()).isEqualTo(201);

        // and asks the unit for one follow-up on the honey model
        Api.Res fu = api.post(
                "/api/v1/inspections/" + id + "/follow-ups",
                Map.of(
                        "modelId",
                        honey,
                        "request",
                        "Bổ sung sổ theo dõi sản lượng mật theo tháng",
                        "dueOn",
                        "2026-12-31"),
                w.token("appraiserD"));
        assertThat(fu.status()).as(fu.body()).isEqualTo(201);
        long followUp = fu.json().get("id").asLong();

        // then the reporter of commune A finds it in "Việc cần làm" and answers it
        WebSession reporterPages = WebSession.signedIn(api.base(), w.username("reporterA"), PASSWORD);
        assertThat(reporterPages.get("/").text()).contains("Bổ sung sổ theo dõi sản lượng mật theo tháng");
        Api.Res answered = api.post(
                "/api/v1/follow-ups/" + followUp + "/answer",
                Map.of("answer", "Đã lập sổ theo dõi từ tháng 12/2026."),
                w.token("reporterA"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("answeredBy").asString()).isEqualTo(w.username("reporterA"));
        // and may not answer it twice, nor may the board answer for the unit
        assertThat(api.post(
                                "/api/v1/follow-ups/" + followUp + "/answer",
                                Map.of("answer", "Lần hai"),
                                w.token("reporterA"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/follow-ups/" + followUp + "/answer",
                                Map.of("answer", "Thay"),
                                w.token("appraiserD"))
                        .status())
                .isEqualTo(403);

        // when the board concludes
        Api.Res concluded = api.post(
                "/api/v1/inspections/" + id + "/conclusion",
                Map.of(
                        "conclusion",
                        "2 mô hình tại xã thực hiện theo đúng tiêu chí, tuy nhiên một số nội dung chưa rõ."),
                w.token("appraiserD"));
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);
        assertThat(concluded.json().get("status").asString()).isEqualTo("CONCLUDED");
        // then nothing more can be recorded
        assertThat(new Multipart()
                        .field("modelId", String.valueOf(anise))
                        .field("criterion", "Muộn")
                        .field("verdict", "MEETS")
                        .post(api, "/api/v1/inspections/" + id + "/findings", w.token("appraiserD"))
                        .status())
                .isEqualTo(409);

        // and the models' timelines tell the inspection, each with its own finding
        assertThat(actions(anise))
                .contains("INSPECTION_PLANNED", "INSPECTION_FINDING", "INSPECTION_CONCLUDED")
                .doesNotContain("INSPECTION_FOLLOW_UP");
        assertThat(actions(honey))
                .contains(
                        "INSPECTION_PLANNED",
                        "INSPECTION_FINDING",
                        "INSPECTION_FOLLOW_UP",
                        "INSPECTION_ANSWER",
                        "INSPECTION_CONCLUDED");
        assertThat(api.get("/api/v1/models/" + honey + "/timeline", w.token("reporterA"))
                        .body())
                .contains("Được Nhân dân đồng tình, hưởng ứng: Đạt một phần");

        // and the report PDF carries the findings, the conclusion, the follow-up and the answer
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/inspections/" + id + "/report.pdf"))
                                .header("Authorization", "Bearer " + w.token("reporterA"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = PdfText.flat(pdf.body());
        assertThat(text)
                .contains("ĐẢNG CỘNG SẢN VIỆT NAM")
                .contains("BÁO CÁO")
                .contains("Kết quả kiểm tra mô hình")
                .contains("Vận động trồng hồi")
                .contains("Đạt một")
                .contains("Lan tỏa, mang lại")
                .contains("một số nội dung chưa rõ")
                .contains("Bổ sung sổ theo dõi")
                .contains("31/12/2026")
                .contains("Đã lập sổ theo dõi")
                .contains("TRƯỞNG ĐOÀN")
                .contains("Hoàng Văn Minh");

        // and the photo is served to the inspected unit, not to the other commune
        String photo = meets.json().get("photos").get(0).get("url").asString();
        assertThat(api.get(photo, w.token("reporterA")).status()).isEqualTo(200);
        assertThat(api.get(photo, w.token("reporterB")).status()).isEqualTo(404);
    }

    @Test
    void badPlansAndFindingsAreRefusedNamingTheFieldAndNothingIsSaved() {
        long inA = acceptedModel("reporterA", w.communeA, "Mô hình xã A " + w.communeA);
        long inB = acceptedModel("reporterB", w.communeB, "Mô hình xã B " + w.communeB);

        // when a plan names a model of another commune and no member
        Map<String, Object> body = plan(List.of(inA, inB));
        body.put("members", List.of());
        Api.Res bad = api.post("/api/v1/inspections", body, w.token("appraiserD"));

        // then each problem names its field, and no inspection appears
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("members", "modelIds[1]");
        assertThat(api.get("/api/v1/inspections", w.token("appraiserD"))
                        .json()
                        .get("page")
                        .get("totalElements")
                        .asLong())
                .isZero();
        // and a reporter may not plan, nor a commune board inspect a unit outside its subtree
        assertThat(api.post("/api/v1/inspections", plan(List.of(inA)), w.token("reporterA"))
                        .status())
                .isEqualTo(403);

        long id = api.post("/api/v1/inspections", plan(List.of(inA)), w.token("appraiserD"))
                .json()
                .get("id")
                .asLong();
        // when a finding misses its verdict and brings a program disguised as a photo
        Api.Res finding = new Multipart()
                .field("modelId", String.valueOf(inA))
                .field("criterion", "Có tên gọi")
                .file("photos", "anh.jpg", Multipart.windowsProgram())
                .post(api, "/api/v1/inspections/" + id + "/findings", w.token("appraiserD"));
        // then both are named and nothing is recorded
        assertThat(finding.status()).isEqualTo(400);
        assertThat(finding.errorFields()).containsExactlyInAnyOrder("verdict", "photos");
        assertThat(finding.body()).contains("chương trình chạy được");
        JsonNode after =
                api.get("/api/v1/inspections/" + id, w.token("appraiserD")).json();
        assertThat(after.get("models").get(0).get("findings")).isEmpty();
        assertThat(actions(inA)).doesNotContain("INSPECTION_FINDING");
        // and a model outside the inspection, a deadline before the visit, a conclusion without findings
        assertThat(new Multipart()
                        .field("modelId", String.valueOf(inB))
                        .field("criterion", "X")
                        .field("verdict", "MEETS")
                        .post(api, "/api/v1/inspections/" + id + "/findings", w.token("appraiserD"))
                        .errorFields())
                .containsExactly("modelId");
        assertThat(api.post(
                                "/api/v1/inspections/" + id + "/follow-ups",
                                Map.of(
                                        "request",
                                        "Sớm quá",
                                        "dueOn",
                                        LocalDate.of(2026, 12, 1).toString()),
                                w.token("appraiserD"))
                        .errorFields())
                .containsExactly("dueOn");
        assertThat(api.post(
                                "/api/v1/inspections/" + id + "/conclusion",
                                Map.of("conclusion", "Xong"),
                                w.token("appraiserD"))
                        .status())
                .isEqualTo(409);

        // and commune B's reporter cannot see the inspection of commune A
        assertThat(api.get("/api/v1/inspections/" + id, w.token("reporterB")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/inspections/" + id, w.token("reporterA")).status())
                .isEqualTo(200);
    }
}
