package vn.dvk.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/** Citizens' ratings: counted per model, checked field by field, and limited per client address in the database. */
class FeedbackApiTests extends IntegrationTest {

    private World w;
    private Api api;
    private Showcase models;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
        models = new Showcase(w);
    }

    private static String address() {
        return "10.77." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void ratingsAreCountedAndAveragedOnThePublicModel() {
        // given a recognized model
        long id = models.recognized("Tổ tự quản đường hoa", "21-QĐ/BCĐ");
        String path = "/api/v1/public/models/" + id + "/feedback";

        // when three citizens rate it 5, 4 and 2 (one with a comment)
        Api.Res first =
                api.from(address()).post(path, Map.of("rating", 5, "comment", "Đường sạch đẹp <b>lắm</b>"), null);
        api.from(address()).post(path, Map.of("rating", 4), null);
        Api.Res last = api.from(address()).post(path, Map.of("rating", 2), null);

        // then each is created, and the model counts 3 answers averaging 3.7
        assertThat(first.status()).isEqualTo(201);
        assertThat(last.json().get("count").asLong()).isEqualTo(3);
        assertThat(last.json().get("averageRating").decimalValue()).isEqualByComparingTo("3.7");
        Api.Res model = api.get("/api/v1/public/models/" + id, null);
        assertThat(model.json().get("feedback").get("count").asLong()).isEqualTo(3);
        assertThat(model.json().get("feedback").get("averageRating").decimalValue())
                .isEqualByComparingTo("3.7");
    }

    @Test
    void aBadRatingIsAProblemNamingItsFieldAndNothingIsKept() {
        // given a recognized model
        long id = models.recognized("Dân vận khéo trong chuyển đổi số", "22-QĐ/BCĐ");
        String path = "/api/v1/public/models/" + id + "/feedback";
        Api client = api.from(address());

        // when ratings out of range, missing, or with a comment too long are sent
        Api.Res zero = client.post(path, Map.of("rating", 0), null);
        Api.Res six = client.post(path, Map.of("rating", 6), null);
        Api.Res none = client.post(path, Map.of("comment", "Không chấm điểm"), null);
        Api.Res longComment = client.post(path, Map.of("rating", 3, "comment", "x".repeat(1001)), null);
        Api.Res text = client.postRaw(path, "{\"rating\": \"năm\"}", null);

        // then each is a 400 problem naming the field, and the model still has no answer
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.contentType()).startsWith("application/problem+json");
        assertThat(zero.errorFields()).containsExactly("rating");
        assertThat(six.errorFields()).containsExactly("rating");
        assertThat(none.errorFields()).containsExactly("rating");
        assertThat(longComment.errorFields()).containsExactly("comment");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.errorFields()).containsExactly("rating");
        assertThat(api.get("/api/v1/public/models/" + id, null)
                        .json()
                        .get("feedback")
                        .get("count")
                        .asLong())
                .isZero();
    }

    @Test
    void oneAddressThatSendsTooManyRatingsIsAnswered429WithRetryAfterWhileOthersStillMaySend() {
        // given a recognized model and a client that sent the 5 ratings an hour allows
        long id = models.recognized("Camera giám sát an ninh trật tự", "23-QĐ/BCĐ");
        String path = "/api/v1/public/models/" + id + "/feedback";
        Api busy = api.from(address());
        for (int i = 0; i < 5; i++) {
            assertThat(busy.post(path, Map.of("rating", 5), null).status()).isEqualTo(201);
        }

        // when it sends a sixth
        Api.Res refused = busy.post(path, Map.of("rating", 5), null);

        // then it is refused with 429, Retry-After and problem details, and nothing more is counted
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(api.get("/api/v1/public/models/" + id, null)
                        .json()
                        .get("feedback")
                        .get("count")
                        .asLong())
                .isEqualTo(5);
        // and another address is not held back by it
        assertThat(api.from(address()).post(path, Map.of("rating", 1), null).status())
                .isEqualTo(201);
    }

    @Test
    void lowRatingsOverEnoughAnswersMakeAFormalismSignalAndTheStatisticsOfTheScopeCountThem() {
        // given a recognized model rated 1 or 2 by nine citizens (fewer than the 10 answers a signal needs)
        long id = models.recognized("Mô hình chỉ có trên giấy", "24-QĐ/BCĐ");
        String path = "/api/v1/public/models/" + id + "/feedback";
        for (int i = 0; i < 9; i++) {
            assertThat(api.from(address())
                            .post(path, Map.of("rating", 1 + i % 2), null)
                            .status())
                    .isEqualTo(201);
        }
        String signals = "/api/v1/models/" + id + "/formalism-signals";
        assertThat(api.get(signals, w.token("appraiserD")).body()).doesNotContain("LOW_CITIZEN_RATING");

        // when the tenth low rating arrives
        api.from(address()).post(path, Map.of("rating", 2), null);

        // then the model is flagged for its low citizens' rating, on its own and in the subtree's list
        assertThat(api.get(signals, w.token("appraiserD")).body()).contains("LOW_CITIZEN_RATING");
        assertThat(api.get("/api/v1/formalism-signals?unit=" + w.province, w.token("viewerP"))
                        .body())
                .contains("LOW_CITIZEN_RATING");
        // and the province's statistics of this year count the 10 ratings and their average
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        Api.Res stats = api.get("/api/v1/statistics?unit=" + w.province + "&year=" + year, w.token("viewerP"));
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("feedback").get("count").asLong()).isEqualTo(10);
        assertThat(stats.json().get("feedback").get("averageRating").decimalValue())
                .isEqualByComparingTo("1.5");
    }
}
