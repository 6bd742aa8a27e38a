package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.PdfText;
import vn.dvk.support.World;

/** The registration dossier through the API: its eight sections, their limits, completeness, edits and the PDF. */
class DossierApiTests extends IntegrationTest {

    private static final List<String> SECTIONS =
            List.of("situation", "goals", "approach", "area", "forces", "resources", "outputs", "sustainability");

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    private static Map<String, Object> withDossier(String unit) {
        Map<String, Object> body = World.registration("Vận động hiến đất làm đường", unit, "DISTRICT", "ECONOMY");
        body.put("situation", "Đường thôn hẹp, lầy lội mùa mưa.");
        body.put("goals", "Mở rộng 2 km đường, 100% hộ đồng thuận.");
        body.put("approach", "Họp dân từng tổ, cán bộ gương mẫu hiến đất trước.");
        body.put("area", "Thôn Nà Lầu; 120 hộ dân.");
        body.put("forces", "Chi bộ chủ trì; Mặt trận, Hội Nông dân phối hợp.");
        body.put("resources", "Từ tháng 3 đến tháng 10; 1,2 tỷ đồng, 900 ngày công.");
        body.put("outputs", "2 km đường bê tông; biên bản hiến đất của 120 hộ.");
        body.put("sustainability", "Tổ tự quản duy tu; nhân rộng ra 3 thôn.");
        return body;
    }

    @Test
    void theSectionsGoInAndComeBackAndMakeTheDossierComplete() {
        // given a registration with all eight sections
        Api.Res created = w.api.post("/api/v1/models", withDossier(w.communeA), w.token("reporterA"));

        // then they come back from the POST, from GET and in the list, with dossierComplete true
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode read = w.api.get("/api/v1/models/" + id, w.token("reporterA")).json();
        for (JsonNode m : List.of(created.json(), read)) {
            assertThat(m.get("situation").asString()).isEqualTo("Đường thôn hẹp, lầy lội mùa mưa.");
            assertThat(m.get("sustainability").asString()).isEqualTo("Tổ tự quản duy tu; nhân rộng ra 3 thôn.");
            assertThat(m.get("dossierComplete").asBoolean()).isTrue();
            assertThat(m.has("dossier")).isFalse();
        }
        JsonNode listed = w.api.get("/api/v1/models?unit=" + w.communeA, w.token("reporterA"))
                .json()
                .get("content")
                .get(0);
        assertThat(listed.get("goals").asString()).isEqualTo("Mở rộng 2 km đường, 100% hộ đồng thuận.");
        assertThat(listed.get("dossierComplete").asBoolean()).isTrue();

        // and a registration without them (an old client) is accepted, incomplete, its sections null
        JsonNode bare = w.api.post(
                        "/api/v1/models",
                        World.registration("Mô hình cũ", w.communeA, "DISTRICT", "ECONOMY"),
                        w.token("reporterA"))
                .json();
        assertThat(bare.get("dossierComplete").asBoolean()).isFalse();
        assertThat(bare.get("situation").isNull()).isTrue();

        // and a blank section counts as missing
        Map<String, Object> blank = withDossier(w.communeA);
        blank.put("outputs", "   ");
        assertThat(w.api.post("/api/v1/models", blank, w.token("reporterA"))
                        .json()
                        .get("dossierComplete")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aSectionLongerThan4000CharactersIsRefusedNamingTheFieldAndNothingIsWritten() {
        // given a draft with its sections
        long id = w.draft("reporterA", withDossier(w.communeA));
        JsonNode before =
                w.api.get("/api/v1/models/" + id, w.token("reporterA")).json();

        // when a POST and a PUT carry a section of 4,001 characters
        Map<String, Object> tooLong = withDossier(w.communeA);
        tooLong.put("approach", "a".repeat(4001));
        Api.Res post = w.api.post("/api/v1/models", tooLong, w.token("reporterA"));
        Map<String, Object> edit = withDossier(w.communeA);
        edit.put("sustainability", "đ".repeat(4001));
        edit.put("version", before.get("version").asLong());
        Api.Res put = w.api.put("/api/v1/models/" + id, edit, w.token("reporterA"));

        // then both are 400 problem details naming that section, and the model is as it was
        assertThat(post.status()).isEqualTo(400);
        assertThat(post.contentType()).startsWith("application/problem+json");
        assertThat(post.errorFields()).containsExactly("approach");
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.errorFields()).containsExactly("sustainability");
        JsonNode after = w.api.get("/api/v1/models/" + id, w.token("reporterA")).json();
        assertThat(after.get("version").asLong())
                .isEqualTo(before.get("version").asLong());
        assertThat(after.get("sustainability").asString()).isEqualTo("Tổ tự quản duy tu; nhân rộng ra 3 thôn.");

        // and exactly 4,000 characters are accepted
        edit.put("sustainability", "đ".repeat(4000));
        Api.Res ok = w.api.put("/api/v1/models/" + id, edit, w.token("reporterA"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("sustainability").asString()).hasSize(4000);
    }

    @Test
    void aPutWithoutSectionsKeepsThemABlankOneClearsItAndTheTimelineNamesWhatChanged() {
        // given a draft with all eight sections
        long id = w.draft("reporterA", withDossier(w.communeA));
        long version = w.api.get("/api/v1/models/" + id, w.token("reporterA"))
                .json()
                .get("version")
                .asLong();

        // when an old client edits the title without sending any section
        Map<String, Object> old = World.registration("Vận động hiến đất mở đường", w.communeA, "DISTRICT", "ECONOMY");
        old.put("version", version);
        Api.Res kept = w.api.put("/api/v1/models/" + id, old, w.token("reporterA"));

        // then the title changes and every section keeps its text
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().get("title").asString()).isEqualTo("Vận động hiến đất mở đường");
        for (String s : SECTIONS) {
            assertThat(kept.json().get(s).asString()).as(s).isNotBlank();
        }
        assertThat(kept.json().get("dossierComplete").asBoolean()).isTrue();

        // when a client rewrites one section and sends another empty
        Map<String, Object> edit = new LinkedHashMap<>(old);
        edit.put("version", kept.json().get("version").asLong());
        edit.put("goals", "Mở rộng 3 km đường.");
        edit.put("outputs", "");
        Api.Res changed = w.api.put("/api/v1/models/" + id, edit, w.token("reporterA"));

        // then the one is replaced, the other cleared, the rest kept, and the dossier is incomplete
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("goals").asString()).isEqualTo("Mở rộng 3 km đường.");
        assertThat(changed.json().get("outputs").isNull()).isTrue();
        assertThat(changed.json().get("forces").asString())
                .isEqualTo("Chi bộ chủ trì; Mặt trận, Hội Nông dân phối hợp.");
        assertThat(changed.json().get("dossierComplete").asBoolean()).isFalse();

        // and the timeline has both edits, the second naming the sections it changed
        List<JsonNode> timeline = w.api.get("/api/v1/models/" + id + "/timeline", w.token("reporterA"))
                .json()
                .valueStream()
                .toList();
        assertThat(timeline).extracting(e -> e.get("action").asString()).containsExactly("CREATE", "EDIT", "EDIT");
        assertThat(timeline.get(1).get("comment").isNull()).isTrue();
        assertThat(timeline.get(2).get("comment").asString())
                .isEqualTo("Hồ sơ đăng ký, sửa: Mục tiêu, tiêu chí; Sản phẩm, kết quả đầu ra kiểm chứng được.");
    }

    @Test
    void theRegistrationFormPrintsTheTitleFieldsAndSectionsForThoseWhoMayReadTheModel() {
        // given a submitted model with a complete dossier and one without sections
        long id = w.draft("reporterA", withDossier(w.communeA));
        w.submit("reporterA", id);
        long bare =
                w.draft("reporterA", World.registration("Mô hình chưa có hồ sơ", w.communeA, "DISTRICT", "ECONOMY"));

        // when its unit's reporter and the district's appraiser print it
        Api.Bytes pdf = w.api.getBytes("/api/v1/models/" + id + "/registration.pdf", w.token("reporterA"));
        Api.Bytes appraiser = w.api.getBytes("/api/v1/models/" + id + "/registration.pdf", w.token("appraiserD"));

        // then it is the administrative form with every section's heading and text
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(appraiser.status()).isEqualTo(200);
        String text = PdfText.flat(pdf.body());
        assertThat(text)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Độc lập - Tự do - Hạnh phúc")
                .contains("PHIẾU ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO”")
                .contains("Kính gửi: Ban Chỉ đạo phong trào thi đua “Dân vận khéo” Huyện "
                        + w.district.substring(0, w.district.length() - 1))
                .contains("Vận động hiến đất làm đường")
                .contains("Kinh tế")
                .contains("1. Thực trạng, lý do xây dựng mô hình")
                .contains("2. Mục tiêu, tiêu chí")
                .contains("3. Nội dung, cách thức thực hiện")
                .contains("4. Địa bàn, đối tượng")
                .contains("5. Lực lượng thực hiện, phối hợp")
                .contains("6. Thời gian, nguồn lực")
                .contains("7. Sản phẩm, kết quả đầu ra kiểm chứng được")
                .contains("8. Khả năng duy trì, nhân rộng")
                .contains("Đường thôn hẹp, lầy lội mùa mưa.")
                .contains("Hồ sơ đầy đủ.")
                .contains("THỦ TRƯỞNG ĐƠN VỊ");
        // and a model without sections says what is missing
        assertThat(PdfText.flat(w.api.getBytes("/api/v1/models/" + bare + "/registration.pdf", w.token("reporterA"))
                        .body()))
                .contains("(Chưa có nội dung.)")
                .contains("Hồ sơ chưa đầy đủ: thiếu thực trạng, lý do xây dựng mô hình;");

        // and another province, a sibling commune and an appraiser asking for a draft get 404, as reading the model
        // does
        World other = new World(api());
        assertThat(w.api.getBytes("/api/v1/models/" + id + "/registration.pdf", other.token("reporterP"))
                        .status())
                .isEqualTo(404);
        assertThat(w.api.getBytes("/api/v1/models/" + id + "/registration.pdf", w.token("reporterB"))
                        .status())
                .isEqualTo(404);
        assertThat(w.api.getBytes("/api/v1/models/" + bare + "/registration.pdf", w.token("appraiserD"))
                        .status())
                .isEqualTo(404);
        assertThat(w.api.getBytes("/api/v1/models/" + id + "/registration.pdf", null)
                        .status())
                .isEqualTo(401);
    }
}
