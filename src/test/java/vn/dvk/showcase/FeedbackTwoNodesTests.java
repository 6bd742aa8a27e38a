package vn.dvk.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.SecondNode;
import vn.dvk.support.World;

/**
 * The per-address limit of ratings is counted in the database: a client whose ratings go to two nodes in turn (as
 * behind a load balancer) is refused on both once it has sent the limit in total, not the limit per node.
 */
class FeedbackTwoNodesTests extends IntegrationTest {

    private SecondNode second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void fiveRatingsSpreadOverTwoNodesCloseTheLimitOnBoth() {
        // given a recognized model and a second node on the same database
        World w = new World(api());
        long id = new Showcase(w).recognized("Mô hình dân vận khéo hai máy chủ", "41-QĐ/BCĐ");
        second = SecondNode.start("--dvk.progress.overdue-cron=-", "--dvk.unit.reorganization-cron=-");
        String path = "/api/v1/public/models/" + id + "/feedback";
        Api onFirst = api().from("198.51.100.77");
        Api onSecond = new Api(second.base()).from("198.51.100.77");

        // when one client sends 5 ratings, alternating between the nodes
        for (int i = 0; i < 5; i++) {
            Api node = i % 2 == 0 ? onFirst : onSecond;
            assertThat(node.post(path, Map.of("rating", 4), null).status())
                    .as("rating " + (i + 1))
                    .isEqualTo(201);
        }

        // then the sixth is refused on either node with Retry-After, and the model counts the 5
        for (Api node : new Api[] {onFirst, onSecond}) {
            Api.Res refused = node.post(path, Map.of("rating", 4), null);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotBlank();
        }
        assertThat(onSecond.get("/api/v1/public/models/" + id, null)
                        .json()
                        .get("feedback")
                        .get("count")
                        .asLong())
                .isEqualTo(5);
    }
}
