package vn.dvk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvk.support.Api;
import vn.dvk.support.Multipart;
import vn.dvk.support.S3Server;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * The whole application with {@code dvk.storage.type=s3} against a real S3 server in this JVM: evidence and exports go
 * to the bucket and come back whole; with the server down, the user gets a 503 that says why and nothing is recorded;
 * and the {@link StoredFilesContract} (rollback, orphan sweep) on the bucket.
 */
class S3StorageJourneyTests extends StoredFilesContract {

    private static final S3Server S3 = S3Server.start("dvk-journey");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        S3.register(registry);
    }

    @AfterAll
    static void stop() {
        S3.close();
    }

    @Test
    void evidenceGoesToTheBucketAndWithTheBucketDownNothingIsRecorded() {
        // given an accepted model with a filed report
        Api api = api();
        World w = new World(api);
        long id = w.draft(
                "reporterA",
                World.registration("Camera an ninh " + w.communeA, w.communeA, "DISTRICT", "DEFENSE_SECURITY"));
        w.submit("reporterA", id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        Api.Res filed = api.post(
                "/api/v1/models/" + id + "/progress-reports",
                Map.of("asOf", "2024-06-30", "indicators", List.of(Map.of("code", "SO_HO_THAM_GIA", "value", 120))),
                w.token("reporterA"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String evidence = "/api/v1/models/" + id + "/progress-reports/"
                + filed.json().get("id").asLong() + "/evidence";

        // when the reporter uploads a photo
        Api.Res up =
                new Multipart().file("file", "camera.png", Multipart.png()).post(api, evidence, w.token("reporterA"));

        // then it is an object of the bucket under <2 hex>/<32 hex>, and it is served back byte for byte
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        List<String> stored = S3.keys().stream()
                .filter(k -> Arrays.equals(S3.bytes(k), Multipart.png()))
                .toList();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).matches("[0-9a-f]{2}/[0-9a-f]{32}");
        String url = up.json().get(0).get("url").asString();
        Api.Bytes back = api.getBytes(url, w.token("appraiserD"));
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.contentType()).isEqualTo("image/png");
        assertThat(back.body()).isEqualTo(Multipart.png());

        // when the bucket's server is down
        int objects = S3.keys().size();
        S3.stop();
        try {
            // then another upload is answered 503 with the reason, in Vietnamese
            Api.Res refused = new Multipart()
                    .file("file", "bao-cao.pdf", Multipart.pdf())
                    .post(api, evidence, w.token("reporterA"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString())
                    .contains("Kho lưu tệp")
                    .contains("thử lại");
            assertThat(refused.header("Retry-After")).isEqualTo("60");
            // and reading the photo is 503 too, not 404 nor 500
            assertThat(api.getBytes(url, w.token("appraiserD")).status()).isEqualTo(503);
        } finally {
            S3.start();
        }

        // and the refused upload left no evidence row and no object
        Api.Res reports = api.get("/api/v1/models/" + id + "/progress-reports", w.token("reporterA"));
        assertThat(reports.json().get(0).get("evidence")).hasSize(1);
        assertThat(S3.keys()).hasSize(objects);
        assertThat(api.get("/api/v1/models/" + id + "/timeline", w.token("reporterA"))
                        .body())
                .doesNotContain("bao-cao.pdf");

        // and once the server is back, uploads work again
        assertThat(new Multipart()
                        .file("file", "bao-cao.pdf", Multipart.pdf())
                        .post(api, evidence, w.token("reporterA"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aBackgroundExportIsKeptInTheBucketAndDownloadedWhole() throws Exception {
        // given a viewer of a province
        World w = new World(api());
        WebSession viewer = WebSession.signedIn(api().base(), w.username("viewerP"), PASSWORD);
        viewer.get("/statistics?unit=" + w.province + "&year=2024");
        int before = S3.keys().size();

        // when the statistics are exported in the background
        WebSession.Page started =
                viewer.post("/statistics/jobs", Map.of("kind", "STATISTICS", "unit", w.province, "year", "2024"));
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String job = started.location().replaceFirst("^.*/statistics/jobs/", "");
        String progress = "";
        for (int i = 0; i < 120 && !progress.contains("job-download"); i++) {
            progress = viewer.get("/statistics/jobs/" + job + "/progress").body();
            Thread.sleep(250);
        }

        // then the finished file is one new object under exports/, and the download is that object
        assertThat(progress).contains("job-download");
        List<String> exports =
                S3.keys().stream().filter(k -> k.startsWith("exports/")).toList();
        assertThat(S3.keys()).hasSize(before + 1);
        Api.Bytes file = viewer.getBytes("/statistics/jobs/" + job + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith(0x50, 0x4b);
        assertThat(exports).anySatisfy(k -> assertThat(S3.bytes(k)).isEqualTo(file.body()));

        // and with the server down the download is a 503 page, not a broken file
        S3.stop();
        try {
            assertThat(viewer.getBytes("/statistics/jobs/" + job + "/file").status())
                    .isEqualTo(503);
        } finally {
            S3.start();
        }
    }
}
