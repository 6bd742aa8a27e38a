package vn.dvk.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * The public library's pages are kept per version of what the public sees: a write the public cannot see leaves
 * every copy current (304), and every change it can see — by the application or by SQL — makes them stale.
 */
class PublicVersionTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private World w;
    private Api api;
    private Showcase models;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
        models = new Showcase(w);
    }

    private Api.Res report(long model) {
        return api.post(
                "/api/v1/models/" + model + "/progress-reports",
                Map.of("asOf", "2025-06-30", "indicators", List.of(), "narrative", "Kết quả sáu tháng"),
                w.token("reporterA"));
    }

    @Test
    void writesThePublicCannotSeeKeepTheLibrarysCopiesCurrent() {
        // given a public model, its public answer and the library's first page as a browser keeps them
        long shown = models.recognized("Dân vận khéo trong hiến đất làm đường", "21-QĐ/BCĐ");
        String model = "/api/v1/public/models/" + shown;
        String list = "/api/v1/public/models?province=" + w.province;
        String modelTag = api.get(model, null).header("ETag");
        String listTag = api.get(list, null).header("ETag");

        // when registrations that are not public are written, appraised and reported on
        long accepted = models.accepted("Tổ tự quản đường hoa kiểu mẫu");
        models.rejected("Mô hình chưa đạt tiêu chí");
        models.draft("Bản nháp chưa gửi");
        assertThat(report(accepted).status()).isEqualTo(201);

        // then the public's copies are still current
        assertThat(api.getIfNoneMatch(model, null, modelTag).status()).isEqualTo(304);
        assertThat(api.getIfNoneMatch(list, null, listTag).status()).isEqualTo(304);
    }

    @Test
    void everyChangeThePublicCanSeeMakesTheCopiesStaleWhoeverMakesIt() {
        // given a public model and its public answer
        long shown = models.recognized("Camera an ninh cùng dân giữ bình yên", "22-QĐ/BCĐ");
        String model = "/api/v1/public/models/" + shown;
        String list = "/api/v1/public/models?province=" + w.province;
        String tag = api.get(model, null).header("ETag");

        // when its unit reports progress, the copy is stale
        assertThat(report(shown).status()).isEqualTo(201);
        Api.Res afterReport = api.getIfNoneMatch(model, null, tag);
        assertThat(afterReport.status()).isEqualTo(200);
        tag = afterReport.header("ETag");

        // when its commune is renamed by SQL (the unit tree's version), the answer shows the new name
        jdbc.update("update unit_unit set name = ? where code = ?", "Xã Hiến Đất " + w.communeA, w.communeA);
        Api.Res renamed = api.getIfNoneMatch(model, null, tag);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("unitName").asString()).isEqualTo("Xã Hiến Đất " + w.communeA);
        tag = renamed.header("ETag");

        // when its title is corrected by SQL, the answer shows the new title
        jdbc.update("update model_model set title = ? where id = ?", "Camera an ninh: dân cùng giữ bình yên", shown);
        Api.Res retitled = api.getIfNoneMatch(model, null, tag);
        assertThat(retitled.status()).isEqualTo(200);
        assertThat(retitled.json().get("title").asString()).isEqualTo("Camera an ninh: dân cùng giữ bình yên");

        // and when another model of the province is recognized, the province's list shows it at once
        String listTag = api.get(list, null).header("ETag");
        long second = models.recognized("Mặt trận cùng dân làm đường giao thông", "23-QĐ/BCĐ");
        Api.Res longer = api.getIfNoneMatch(list, null, listTag);
        assertThat(longer.status()).isEqualTo(200);
        assertThat(longer.json()
                        .get("content")
                        .valueStream()
                        .map(m -> m.get("id").asLong())
                        .toList())
                .contains(shown, second);

        // and once the first is retired, it leaves the library
        Api.Res review = api.post(
                "/api/v1/models/" + shown + "/reviews",
                Map.of("year", 2025, "outcome", "RETIRE", "comment", "Không còn duy trì."),
                w.token("appraiserD"));
        assertThat(review.status()).isEqualTo(200);
        assertThat(api.get(model, null).status()).isEqualTo(404);
        assertThat(api.get(list, null)
                        .json()
                        .get("content")
                        .valueStream()
                        .map(m -> m.get("id").asLong())
                        .toList())
                .containsExactly(second);
    }
}
