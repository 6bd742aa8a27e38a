package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Search as users expect it, on both databases: every word, in any order, with or without accents and punctuation;
 * the models whose title (or holder) holds the words before those whose summary does, each group newest first;
 * whole words only; pages that cross from one group to the other; a total that says "more than" past the cap.
 */
class ModelSearchTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private static List<String> titles(Api.Res r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode m : r.json().get("content")) {
            out.add(m.get("title").asString());
        }
        return out;
    }

    private static String search(World w, String q, String extra) {
        return "/api/v1/models?unit=" + w.province + "&q=" + Api.q(q) + extra;
    }

    @Test
    void findsEveryWordInAnyOrderWithOrWithoutAccentsTitleFirst() {
        World w = new World(api());
        Map<String, Object> inTitle =
                World.registration("Dân vận khéo trong hiến đất làm đường", w.communeA, "COMMUNE", "ECONOMY");
        w.draft("reporterA", inTitle);
        Map<String, Object> inSummary =
                World.registration("Mô hình giao thông nông thôn", w.communeB, "COMMUNE", "ECONOMY");
        inSummary.put("summary", "Vận động 120 hộ hiến đất làm đường (dân vận khéo), không đền bù.");
        // registered after the first: newer, yet listed after it, because only its summary holds the words
        w.draft("reporterB", inSummary);
        Map<String, Object> neither =
                World.registration("Nuôi ong mật dưới tán rừng", w.communeA, "COMMUNE", "ECONOMY");
        w.draft("reporterA", neither);
        String token = w.token("reporterP");

        List<String> expected = List.of("Dân vận khéo trong hiến đất làm đường", "Mô hình giao thông nông thôn");
        assertThat(titles(api().get(search(w, "dan van kheo hien dat", ""), token)))
                .isEqualTo(expected);
        assertThat(titles(api().get(search(w, "hiến đất Dân Vận", ""), token))).isEqualTo(expected);
        assertThat(titles(api().get(search(w, "  lam-duong, KHÉO! ", ""), token)))
                .isEqualTo(expected);
        // the words of the title only: the summary's model does not hold "trong"
        assertThat(titles(api().get(search(w, "trong dan van", ""), token)))
                .containsExactly("Dân vận khéo trong hiến đất làm đường");
        assertThat(titles(api().get(search(w, "ong mat tan rung", ""), token)))
                .containsExactly("Nuôi ong mật dưới tán rừng");
        // whole words: a piece of a word finds nothing, nor does a word no model has
        assertThat(titles(api().get(search(w, "hie", ""), token))).isEmpty();
        assertThat(titles(api().get(search(w, "dan van camera", ""), token))).isEmpty();

        // a page of one crosses from the title's matches to the summary's
        Api.Res first = api().get(search(w, "dân vận khéo", "&size=1&page=0"), token);
        assertThat(titles(first)).containsExactly("Dân vận khéo trong hiến đất làm đường");
        assertThat(first.json().get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(titles(api().get(search(w, "dân vận khéo", "&size=1&page=1"), token)))
                .containsExactly("Mô hình giao thông nông thôn");
        Api.Res past = api().get(search(w, "dân vận khéo", "&size=1&page=2"), token);
        assertThat(titles(past)).isEmpty();
        // past the last page the total is still the number of matches
        assertThat(past.json().get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(first.header("DVK-Total-Capped")).isNull();
        // without words: the province's list, paged, with its total on every page
        Api.Res all = api().get("/api/v1/models?unit=" + w.province + "&size=2&page=0", token);
        assertThat(titles(all)).hasSize(2);
        assertThat(all.json().get("page").get("totalElements").asLong()).isEqualTo(3);
        assertThat(titles(api().get("/api/v1/models?unit=" + w.province + "&size=2&page=1", token)))
                .hasSize(1);
    }

    @Test
    void aProvincesSearchFollowsACommuneThatAReorganizationMoved() {
        World w = new World(api());
        World other = new World(api());
        String title = "Camera an ninh " + Api.unique("khu");
        w.draft("reporterB", World.registration(title, w.communeB, "COMMUNE", "DEFENSE_SECURITY"));
        String words = title.toLowerCase(Locale.ROOT);
        assertThat(titles(api().get(search(w, words, ""), w.token("reporterP"))))
                .containsExactly(title);
        assertThat(titles(api().get(search(other, words, ""), other.token("reporterP"))))
                .isEmpty();

        Map<String, Object> move = Map.of(
                "type",
                "MOVE",
                "effectiveDate",
                "2025-07-01",
                "from",
                List.of(w.communeB),
                "to",
                List.of(Map.of("code", other.district)),
                "note",
                "Sắp xếp");
        assertThat(api().post("/api/v1/reorganizations", move, w.adminToken).status())
                .isEqualTo(201);

        // the commune and its model now lie in the other province: its search finds it, the first one's does not
        assertThat(titles(api().get(search(other, words, ""), other.token("reporterP"))))
                .containsExactly(title);
        assertThat(titles(api().get(search(w, words, ""), w.token("reporterP"))))
                .isEmpty();
        assertThat(titles(api().get("/api/v1/models?q=" + Api.q(words), w.adminToken)))
                .containsExactly(title);
        // and so do the provinces' lists without words (read by the model's area on PostgreSQL)
        assertThat(titles(api().get("/api/v1/models?unit=" + other.province + "&size=100", other.token("reporterP"))))
                .contains(title);
        assertThat(titles(api().get("/api/v1/models?unit=" + w.province + "&size=100", w.token("reporterP"))))
                .doesNotContain(title);
    }

    @Test
    void aProvincesSearchPastTheCapIsPagedInTheListsOrderTitleFirst() {
        // given a province with 1,005 submitted models whose title holds a word, a minute apart (written by SQL, as
        // an import of years of registrations would leave them), and then two whose summary only holds it
        World w = new World(api());
        String word = Api.unique("cuaso");
        long unit = jdbc.queryForObject("select id from unit_unit where code = ?", Long.class, w.communeA);
        Instant start = Instant.now().minus(Duration.ofDays(30));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1005; i++) {
            String title = "Mô hình " + word + " số " + i;
            Timestamp at = Timestamp.from(start.plusSeconds(60L * i));
            rows.add(new Object[] {title, unit, DvkModel.searchText(title, "Hội Nông dân"), at, at, at});
        }
        jdbc.batchUpdate(
                "insert into model_model (title, field, unit_id, level, reg_year, holder_type, holder_name,"
                        + " origin, search_text, status, submitted_at, created_by, created_at, updated_at, version) values"
                        + " (?, 'ECONOMY', ?, 'COMMUNE', 2025, 'COLLECTIVE', 'Hội Nông dân', 'NEW', ?, 'SUBMITTED', ?, 'test',"
                        + " ?, ?, 0)",
                rows);
        for (String t : List.of("Giao thông nông thôn", "Nước sạch cho bản")) {
            Map<String, Object> r = World.registration(t, w.communeB, "COMMUNE", "ECONOMY");
            r.put("summary", "Làm theo cách " + word + " của xã bạn.");
            w.draft("reporterB", r);
        }
        String token = w.token("reporterP");

        // when the province's reporter asks for the first page, the eleventh and the one past the title's matches
        Api.Res first = api().get(search(w, word, "&size=20&page=0"), token);
        Api.Res eleventh = api().get(search(w, word, "&size=20&page=10"), token);
        Api.Res crossing = api().get(search(w, word, "&size=20&page=50"), token);

        // then each holds the title's matches newest first, then the summary's, and the total says "more than 1,000"
        assertThat(titles(first)).isEqualTo(numbered(word, 1004, 985));
        assertThat(first.json().get("page").get("totalElements").asLong()).isEqualTo(ModelRegistry.COUNT_CAP);
        assertThat(first.header("DVK-Total-Capped")).isEqualTo("true");
        assertThat(titles(eleventh)).isEqualTo(numbered(word, 804, 785));
        List<String> expected = new ArrayList<>(numbered(word, 4, 0));
        expected.addAll(List.of("Nước sạch cho bản", "Giao thông nông thôn"));
        assertThat(titles(crossing)).isEqualTo(expected);
    }

    /** The titles "Mô hình {word} số {from}" down to {@code to}. */
    private static List<String> numbered(String word, int from, int to) {
        return IntStream.rangeClosed(to, from)
                .map(i -> from + to - i)
                .mapToObj(i -> "Mô hình " + word + " số " + i)
                .toList();
    }

    @Test
    void aPageIsLookedForInTheListsOrderWhenItsMatchesAreDenseEnough() {
        // 900 matches among a province's 14,600 models: the first page lies within its first few hundred rows
        assertThat(ModelRegistry.inWindow(900, 20, 14_600)).isTrue();
        // 50 matches: a page would need some 5,800 rows, past the window
        assertThat(ModelRegistry.inWindow(50, 20, 14_600)).isFalse();
        // no matches, or a page beyond the window
        assertThat(ModelRegistry.inWindow(0, 20, 10)).isFalse();
        assertThat(ModelRegistry.inWindow(1000, 4_020, 1_000)).isFalse();
        // the bound: a page of 20 among 1,000 matches in a list of up to 50,000
        assertThat(ModelRegistry.inWindow(1000, 20, 50_000)).isTrue();
        assertThat(ModelRegistry.inWindow(1000, 20, 50_001)).isFalse();
    }

    @Test
    void theSearchWordsAreFoldedSplitAndBounded() {
        assertThat(ModelRegistry.isArea("/1/5/")).isTrue();
        assertThat(ModelRegistry.isArea("/1/")).isFalse();
        assertThat(ModelRegistry.isArea("/1/5/12/")).isFalse();
        assertThat(ModelRegistry.searchWords("  Dân vận KHÉO, dân-vận!! ")).containsExactly("dan", "van", "kheo");
        assertThat(ModelRegistry.searchWords("%_'\\ ; --")).isEmpty();
        assertThat(ModelRegistry.searchWords("a b c d e f g h i j")).hasSize(8);
        assertThat(DvkModel.searchText("Mô hình \"Camera an ninh\" (2024)", "Hội Phụ nữ"))
                .isEqualTo("mo hinh camera an ninh 2024 hoi phu nu");
    }
}
