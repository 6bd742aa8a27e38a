package vn.dvk.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

/** The public library's API, without sign-in: what is public, what is never, the search, and HTTP caching. */
class PublicLibraryApiTests extends IntegrationTest {

    private World w;
    private Api api;
    private Showcase models;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
        models = new Showcase(w);
    }

    private List<Long> ids(Api.Res list) {
        return list.json()
                .get("content")
                .valueStream()
                .map(m -> m.get("id").asLong())
                .toList();
    }

    @Test
    void onlyRecognizedModelsThatAreNotRetiredArePublicAndAnythingElseIsA404LikeAMissingId() {
        // given a model in every state of its life in one province
        long draft = models.draft("Mô hình nháp");
        long submitted = models.submitted("Mô hình chờ thẩm định");
        long accepted = models.accepted("Mô hình được ghi nhận");
        long rejected = models.rejected("Mô hình không được ghi nhận");
        long recognized = models.recognized("Dân vận khéo trong hiến đất làm đường", "127-QĐ/BCĐ");
        long retired = models.retired("Mô hình đã loại bỏ");

        // when an anonymous caller lists the province's public models
        Api.Res list = api.get("/api/v1/public/models?province=" + w.province, null);

        // then only the recognized one is there, with its decision, unit, province and no feedback yet
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list)).containsExactly(recognized);
        JsonNode m = list.json().get("content").get(0);
        assertThat(m.get("title").asString()).isEqualTo("Dân vận khéo trong hiến đất làm đường");
        assertThat(m.get("unitName").asString()).isEqualTo("Xã A " + w.province.substring(0, w.province.length() - 1));
        assertThat(m.get("provinceName").asString()).startsWith("Tỉnh ");
        assertThat(m.get("recognitions").get(0).get("level").asString()).isEqualTo("DISTRICT");
        assertThat(m.get("recognitions").get(0).get("decisionNumber").asString())
                .isEqualTo("127-QĐ/BCĐ");
        assertThat(m.get("recognitions").get(0).get("decisionDate").asString()).isEqualTo("2024-11-20");
        assertThat(m.get("feedback").get("count").asLong()).isZero();
        assertThat(m.has("createdBy")).isFalse();
        assertThat(m.has("status")).isFalse();

        // and the recognized model reads alone; every other state answers exactly as an id that never existed
        assertThat(api.get("/api/v1/public/models/" + recognized, null)
                        .json()
                        .get("url")
                        .asString())
                .endsWith("/cong-khai/mo-hinh/" + recognized);
        Api.Res missing = api.get("/api/v1/public/models/999999999", null);
        assertThat(missing.status()).isEqualTo(404);
        for (long hidden : List.of(draft, submitted, accepted, rejected, retired)) {
            Api.Res res = api.get("/api/v1/public/models/" + hidden, null);
            assertThat(res.status()).as("model %s", hidden).isEqualTo(404);
            assertThat(res.json().get("detail").asString())
                    .isEqualTo(missing.json().get("detail").asString());
            assertThat(api.get("/api/v1/public/models/" + hidden + "/qr.png", null)
                            .status())
                    .isEqualTo(404);
            assertThat(api.post("/api/v1/public/models/" + hidden + "/feedback", Map.of("rating", 5), null)
                            .status())
                    .isEqualTo(404);
        }
        // and every signed-in endpoint stays closed to the same anonymous caller
        assertThat(api.get("/api/v1/models/" + recognized, null).status()).isEqualTo(401);
    }

    @Test
    void aPublicModelTellsItsStoryWithTheDossierSectionsItsUnitWrote() {
        // given a recognized model whose registration wrote two of the eight dossier sections
        long id = models.recognized(
                "Vận động hiến đất làm đường liên thôn",
                "31-QĐ/BCĐ",
                Map.of(
                        "situation", "Đường liên thôn hẹp, mùa mưa lầy lội; 12 hộ có đất dọc tuyến.",
                        "outputs", "1,2 km đường bê tông rộng 5 m; 12 hộ hiến 3.400 m² đất."));

        // when an anonymous caller reads it through the API and on its public page
        JsonNode m = api.get("/api/v1/public/models/" + id, null).json();
        Api.Res page = api.get("/cong-khai/mo-hinh/" + id, null);

        // then the JSON carries the written sections under their API names, the others empty, and the completeness
        assertThat(m.get("situation").asString()).startsWith("Đường liên thôn hẹp");
        assertThat(m.get("outputs").asString()).contains("3.400 m²");
        assertThat(m.get("goals").isNull()).isTrue();
        assertThat(m.get("dossierComplete").asBoolean()).isFalse();
        // and the page shows the written sections with their headings, and no heading of a section left empty
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Hồ sơ đăng ký",
                        "Thực trạng, lý do",
                        "12 hộ có đất dọc tuyến",
                        "Sản phẩm, kết quả đầu ra",
                        "1,2 km đường bê tông");
        assertThat(page.body()).doesNotContain("Mục tiêu, tiêu chí");
    }

    @Test
    void theSearchFindsAModelByAWordWrittenWithoutAccentsAndTheFiltersNarrowIt() {
        // given two recognized models in the province
        long road = models.recognized("Hiến đất mở đường giao thông nông thôn", "12-QĐ/BCĐ");
        long bees = models.recognized("Nuôi ong lấy mật giúp thoát nghèo", "13-QĐ/BCĐ");

        // when the public searches "hien dat" without accents
        Api.Res found = api.get("/api/v1/public/models?province=" + w.province + "&q=hien%20dat", null);

        // then the road model is found, not the bees
        assertThat(ids(found)).containsExactly(road);
        // and the filters of field, level and year narrow the list
        assertThat(ids(api.get(
                        "/api/v1/public/models?province=" + w.province + "&field=ECONOMY&level=DISTRICT&year=2024",
                        null)))
                .containsExactlyInAnyOrder(road, bees);
        assertThat(ids(api.get("/api/v1/public/models?province=" + w.province + "&level=PROVINCE", null)))
                .isEmpty();
        assertThat(ids(api.get("/api/v1/public/models?province=" + w.province + "&year=2023", null)))
                .isEmpty();
        assertThat(ids(api.get("/api/v1/public/models?province=NO-SUCH-PROVINCE", null)))
                .isEmpty();
        // and bad parameters are problem details naming them
        Api.Res bad = api.get("/api/v1/public/models?size=1000", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).contains("size");
    }

    @Test
    void publicAnswersAreCacheableAndAConditionalGetIsAnsweredNotModifiedUntilTheDataChanges() {
        // given a recognized model
        long id = models.recognized("Camera an ninh cùng dân giữ bình yên", "14-QĐ/BCĐ");

        // when its public answer is read
        Api.Res first = api.get("/api/v1/public/models/" + id, null);

        // then proxies may keep it a while, and its validator makes a second read 304
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=60");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(api.getIfNoneMatch("/api/v1/public/models/" + id, null, etag).status())
                .isEqualTo(304);
        assertThat(first.header("Set-Cookie")).isNull();

        // and once a citizen rates it, the copy is stale and the new answer counts the rating
        assertThat(api.from("10.13.0.1")
                        .post("/api/v1/public/models/" + id + "/feedback", Map.of("rating", 4), null)
                        .status())
                .isEqualTo(201);
        Api.Res changed = api.getIfNoneMatch("/api/v1/public/models/" + id, null, etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("feedback").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void onlyThePhotosTheUnitMarkedPublicAreShownAndServed() {
        // given a recognized model with a report, a photo uploaded as public and one uploaded as private
        long id = models.recognized("Xây dựng nghĩa trang nhân dân", "15-QĐ/BCĐ");
        long report = api.post(
                        "/api/v1/models/" + id + "/progress-reports",
                        Map.of("asOf", "2025-06-30", "indicators", List.of(), "narrative", "Kết quả"),
                        w.token("reporterA"))
                .json()
                .get("id")
                .asLong();
        String evidence = "/api/v1/models/" + id + "/progress-reports/" + report + "/evidence";
        Api.Res shown = new Multipart()
                .file("file", "le-khanh-thanh.png", Multipart.png())
                .post(api, evidence + "?public=true", w.token("reporterA"));
        Api.Res kept = new Multipart()
                .file("file", "ho-so-noi-bo.png", Multipart.png())
                .post(api, evidence, w.token("reporterA"));
        assertThat(shown.status()).isEqualTo(201);
        assertThat(shown.json().get(0).get("public").asBoolean()).isTrue();
        assertThat(kept.json().get(0).get("public").asBoolean()).isFalse();
        long privateId = kept.json().get(0).get("id").asLong();

        // when the public reads the model
        JsonNode page = api.get("/api/v1/public/models/" + id, null).json();

        // then only the public photo is listed and served; the private one answers 404
        assertThat(page.get("photos").size()).isEqualTo(1);
        assertThat(page.get("photos").get(0).get("alt").asString()).isEqualTo("le-khanh-thanh.png");
        assertThat(api.getBytes(page.get("photos").get(0).get("url").asString(), null)
                        .body())
                .isEqualTo(Multipart.png());
        assertThat(api.get("/api/v1/public/models/" + id + "/photos/" + privateId, null)
                        .status())
                .isEqualTo(404);

        // and when the unit marks the private one public on the model page, it is shown too; another commune may not
        assertThat(api.post(
                                "/api/v1/models/" + id + "/evidence/" + privateId + "/public",
                                Map.of("public", true),
                                w.token("reporterB"))
                        .status())
                .isEqualTo(404);
        Api.Res marked = api.post(
                "/api/v1/models/" + id + "/evidence/" + privateId + "/public",
                Map.of("public", true),
                w.token("reporterA"));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/public/models/" + id, null)
                        .json()
                        .get("photos")
                        .size())
                .isEqualTo(2);
        assertThat(api.getBytes("/api/v1/public/models/" + id + "/photos/" + privateId, null)
                        .status())
                .isEqualTo(200);
    }
}
