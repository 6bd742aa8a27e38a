package vn.dvk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

class ProgressReportApiTests extends IntegrationTest {

    private static final int TEN_MB = 10 * 1024 * 1024;

    private World w;
    private Api api;

    @BeforeEach
    void world() {
        api = api();
        w = new World(api);
    }

    private long acceptedModel(String title) {
        long id = w.draft("reporterA", World.registration(title, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        return id;
    }

    private long report(long modelId, Map<String, Object> body) {
        Api.Res r = api.post("/api/v1/models/" + modelId + "/progress-reports", body, w.token("reporterA"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void theContractsReportStillWorksAndFallsInTheHalfYearOfItsDate() {
        // given an accepted model
        long id = acceptedModel("Chính quyền thân thiện vì nhân dân phục vụ " + w.communeA);

        // when a report is filed the way the contract has always said, without a period
        Api.Res r = api.post(
                "/api/v1/models/" + id + "/progress-reports",
                Map.of(
                        "asOf",
                        "2024-06-30",
                        "indicators",
                        List.of(
                                Map.of("code", "HO_SO_DUNG_HAN", "value", 986),
                                Map.of("code", "PHIEU_HAI_LONG", "value", 589)),
                        "narrative",
                        "Giải quyết 986 hồ sơ đúng hạn; 589/589 phiếu hài lòng."),
                w.token("reporterA"));

        // then it is kept for the first half of 2024, with its values
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("period").asString()).isEqualTo("2024-H1");
        assertThat(r.json().get("indicators")).hasSize(2);
        assertThat(r.json().get("evidence")).isEmpty();
        JsonNode list = api.get("/api/v1/models/" + id + "/progress-reports", w.token("appraiserD"))
                .json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("indicators").get(0).get("value").decimalValue())
                .isEqualByComparingTo("986");
    }

    @Test
    void aPeriodIsNamedAndTheDateMustFallInsideIt() {
        long id = acceptedModel("Tổ hợp tác nuôi ong " + w.communeA);

        // when a whole-year report is filed
        Api.Res year = api.post(
                "/api/v1/models/" + id + "/progress-reports",
                Map.of(
                        "asOf",
                        "2024-12-31",
                        "period",
                        "2024-Y",
                        "indicators",
                        List.of(
                                Map.of("code", "DAN_ONG", "value", 970),
                                Map.of("code", "SAN_LUONG_MAT_ONG", "value", 9.8),
                                Map.of("code", "DOANH_THU", "value", 1_900_000_000L))),
                w.token("reporterA"));
        assertThat(year.status()).as(year.body()).isEqualTo(201);
        assertThat(year.json().get("period").asString()).isEqualTo("2024-Y");

        // then a date outside the period, a bad period, an unknown indicator and a bad value are each refused
        Api.Res bad = api.post(
                "/api/v1/models/" + id + "/progress-reports",
                Map.of(
                        "asOf",
                        "2024-08-01",
                        "period",
                        "2024-H1",
                        "indicators",
                        List.of(
                                Map.of("code", "KHONG_CO_MA", "value", 1),
                                Map.of("code", "DAN_ONG", "value", 0.123456))),
                w.token("reporterA"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("asOf", "indicators[0].code", "indicators[1].value");
        assertThat(bad.body()).contains("KHONG_CO_MA");
        Api.Res badPeriod = api.post(
                "/api/v1/models/" + id + "/progress-reports",
                Map.of("asOf", "2024-08-01", "period", "2024-Q3", "indicators", List.of()),
                w.token("reporterA"));
        assertThat(badPeriod.errorFields()).containsExactly("period");
        assertThat(api.get("/api/v1/models/" + id + "/progress-reports", w.token("reporterA"))
                        .json())
                .hasSize(1);
    }

    @Test
    void evidenceIsCheckedByContentStoredUnderANewNameAndServedSafely() throws Exception {
        // given a filed report
        long id = acceptedModel("Di chuyển mộ về nghĩa trang tập trung " + w.communeA);
        long report = report(
                id, Map.of("asOf", "2024-06-30", "indicators", List.of(Map.of("code", "MO_DI_CHUYEN", "value", 7398))));

        // when its reporter uploads a photo and a PDF
        Api.Res up = new Multipart()
                .file("file", "nghia-trang.png", Multipart.png())
                .file("file", "Báo cáo kết quả.pdf", Multipart.pdf())
                .post(api, "/api/v1/models/" + id + "/progress-reports/" + report + "/evidence", w.token("reporterA"));

        // then both are kept with the type their content shows
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json()).hasSize(2);
        assertThat(up.json().get(0).get("contentType").asString()).isEqualTo("image/png");
        assertThat(up.json().get(0).get("image").asBoolean()).isTrue();
        assertThat(up.json().get(1).get("contentType").asString()).isEqualTo("application/pdf");

        // and the photo is served to who may see the model, with safe headers
        String url = up.json().get(0).get("url").asString();
        HttpResponse<byte[]> photo = raw(url, w.token("appraiserD"));
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(photo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(photo.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("inline")
                .contains("nghia-trang.png");
        assertThat(photo.body()).isEqualTo(Multipart.png());
        // and the PDF's Vietnamese name travels in RFC 5987 form (spaces as %20, never '+')
        HttpResponse<byte[]> pdf = raw(up.json().get(1).get("url").asString(), w.token("appraiserD"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("inline")
                .contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20k%E1%BA%BFt%20qu%E1%BA%A3.pdf");

        // and not to a reporter of another commune (404, as for the model itself)
        assertThat(raw(url, w.token("reporterB")).statusCode()).isEqualTo(404);

        // and the stored file's name is generated, not the sender's
        Path stored;
        try (var files = Files.walk(Paths.get("target", "test-uploads"))) {
            stored = files.filter(Files::isRegularFile)
                    .filter(p -> Arrays.equals(read(p), Multipart.png()))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(stored.getFileName().toString()).matches("[0-9a-f]{32}");

        // and the report lists them; the timeline says evidence was added
        JsonNode listed = api.get("/api/v1/models/" + id + "/progress-reports", w.token("reporterA"))
                .json();
        assertThat(listed.get(0).get("evidence")).hasSize(2);
        assertThat(api.get("/api/v1/models/" + id + "/timeline", w.token("reporterA"))
                        .body())
                .contains("PROGRESS_EVIDENCE")
                .contains("nghia-trang.png");
    }

    @Test
    void aRenamedProgramAnOversizedFileAndAnEmptyFileAreEachRefusedWithAClearMessage() {
        // given a filed report
        long id = acceptedModel("Trồng hồi " + w.communeA);
        long report = report(
                id,
                Map.of("asOf", "2024-06-30", "indicators", List.of(Map.of("code", "SO_HO_THAM_GIA", "value", 120))));
        String path = "/api/v1/models/" + id + "/progress-reports/" + report + "/evidence";

        // when a Windows program named like a photo is uploaded
        Api.Res exe = new Multipart()
                .file("file", "anh-hien-truong.jpg", Multipart.windowsProgram())
                .post(api, path, w.token("reporterA"));
        // and a file one byte over 10 MB
        byte[] big = new byte[TEN_MB + 1];
        System.arraycopy(Multipart.pdf(), 0, big, 0, Multipart.pdf().length);
        Api.Res oversized =
                new Multipart().file("file", "ho-so-day-du.pdf", big).post(api, path, w.token("reporterA"));
        // and an empty file
        Api.Res empty = new Multipart().file("file", "trong.png", new byte[0]).post(api, path, w.token("reporterA"));

        // then each is refused naming the file and why
        assertThat(exe.status()).as(exe.body()).isEqualTo(400);
        assertThat(exe.errorFields()).containsExactly("file");
        assertThat(message(exe))
                .contains("anh-hien-truong.jpg")
                .contains("chương trình chạy được")
                .contains("Windows");
        assertThat(oversized.status()).as(oversized.body()).isEqualTo(400);
        assertThat(message(oversized))
                .contains("ho-so-day-du.pdf")
                .contains("vượt giới hạn")
                .contains("10 MB");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(message(empty)).contains("trong.png").contains("rỗng");

        // and nothing was kept
        assertThat(api.get("/api/v1/models/" + id + "/progress-reports", w.token("reporterA"))
                        .json()
                        .get(0)
                        .get("evidence"))
                .isEmpty();

        // and a good file among bad ones does not slip in either
        Api.Res mixed = new Multipart()
                .file("file", "tot.png", Multipart.png())
                .file("file", "xau.exe.png", Multipart.windowsProgram())
                .post(api, path, w.token("reporterA"));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.errorFields()).containsExactly("file[1]");
        assertThat(api.get("/api/v1/models/" + id + "/progress-reports", w.token("reporterA"))
                        .json()
                        .get(0)
                        .get("evidence"))
                .isEmpty();
    }

    @Test
    void theChartShowsEachIndicatorOverTimeAgainstItsTarget() {
        // given a model that chose bee colonies (500 → 1000) and reported twice
        long id = acceptedModel("Nuôi ong lấy mật " + w.communeA);
        api.put(
                "/api/v1/models/" + id + "/indicators",
                Map.of("indicators", List.of(Map.of("code", "DAN_ONG", "baseline", 500, "target", 1000))),
                w.token("reporterA"));
        report(
                id,
                Map.of(
                        "asOf",
                        "2024-06-30",
                        "indicators",
                        List.of(Map.of("code", "DAN_ONG", "value", 700), Map.of("code", "HOI_VIEN", "value", 26))));
        report(
                id,
                Map.of(
                        "asOf",
                        "2024-12-31",
                        "period",
                        "2024-H2",
                        "indicators",
                        List.of(Map.of("code", "DAN_ONG", "value", 970), Map.of("code", "HOI_VIEN", "value", 33))));

        // when the chart data is read
        JsonNode chart = api.get("/api/v1/models/" + id + "/progress-chart", w.token("viewerP"))
                .json();

        // then the chosen indicator comes first with its target and both points in time order
        assertThat(chart).hasSize(2);
        assertThat(chart.get(0).get("code").asString()).isEqualTo("DAN_ONG");
        assertThat(chart.get(0).get("target").decimalValue()).isEqualByComparingTo("1000");
        assertThat(chart.get(0).get("points")).hasSize(2);
        assertThat(chart.get(0).get("points").get(1).get("value").decimalValue())
                .isEqualByComparingTo("970");
        assertThat(chart.get(0).get("points").get(1).get("period").asString()).isEqualTo("2024-H2");
        // and an indicator reported but not chosen follows, without a target
        assertThat(chart.get(1).get("code").asString()).isEqualTo("HOI_VIEN");
        assertThat(chart.get(1).get("target").isNull()).isTrue();
    }

    private static String message(Api.Res r) {
        return r.json().get("errors").get(0).get("message").asString();
    }

    private HttpResponse<byte[]> raw(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
