package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.SecondNode;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The statistics, the dashboard and "Việc cần làm" are computed once per version of the data and kept in each node's
 * cache (vn.dvk.shared.VersionedCache). Two nodes on one database, as behind a load balancer: after a write on either
 * node, a read on either node gives the new figure at once; a write in another province leaves a province's answers
 * (and the browser's copy, 304) as they are; and the cached figures equal a count taken from the models themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheFreshnessTests extends IntegrationTest {

    @Autowired
    Statistics statistics;

    @Autowired
    UnitDirectory units;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private SecondNode second;
    private Api other;
    private String otherBase;

    @BeforeAll
    void startSecondNode() {
        second = SecondNode.start();
        otherBase = second.base();
        other = new Api(otherBase);
    }

    @AfterAll
    void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    private static String stats(String unit) {
        return "/api/v1/statistics?unit=" + unit + "&year=2024";
    }

    private static long figure(Api.Res r, String name) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(name).asLong();
    }

    private long register(World w, String title) {
        long id = w.draft("reporterA", World.registration(title, w.communeA, "COMMUNE", "ECONOMY"));
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        return id;
    }

    @Test
    void aWriteOnOneNodeIsSeenAtOnceOnBothNodesInTheProvinceAndTheCountry() {
        World w = new World(api());
        String viewer = w.token("viewerP");
        register(w, "Dân vận khéo trong xây dựng nông thôn mới");
        // both nodes compute and keep the figures
        assertThat(figure(api().get(stats(w.province), viewer), "registered")).isEqualTo(1);
        assertThat(figure(other.get(stats(w.province), viewer), "registered")).isEqualTo(1);
        long nationalBefore = figure(other.get(stats("TW"), w.adminToken), "registered");
        assertThat(figure(api().get(stats("TW"), w.adminToken), "registered")).isEqualTo(nationalBefore);

        // a write on the first node: the second answers with it, for the province and for the country
        long second = register(w, "Dân vận khéo trong hiến đất làm đường");
        assertThat(figure(other.get(stats(w.province), viewer), "registered")).isEqualTo(2);
        assertThat(figure(api().get(stats(w.province), viewer), "registered")).isEqualTo(2);
        assertThat(figure(other.get(stats("TW"), w.adminToken), "registered"))
                .isGreaterThanOrEqualTo(nationalBefore + 1);

        // a write on the second node: the first answers with it
        Map<String, Object> accept = Map.of("decision", "ACCEPT");
        assertThat(other.post("/api/v1/models/" + second + "/appraisal", accept, w.token("appraiserD"))
                        .status())
                .isEqualTo(200);
        assertThat(figure(api().get(stats(w.province), viewer), "accepted")).isEqualTo(1);
        assertThat(figure(other.get(stats(w.province), viewer), "accepted")).isEqualTo(1);
    }

    @Test
    void theBrowsersCopyIsRevalidatedAndOnlyAWriteInTheSameProvinceChangesIt() {
        World w = new World(api());
        World elsewhere = new World(api());
        String viewer = w.token("viewerP");
        register(w, "Mô hình một cửa thân thiện");
        Api.Res first = api().get(stats(w.province), viewer);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("private").contains("no-cache");
        assertThat(first.header("Last-Modified")).isNotBlank();

        // unchanged: 304 without a body, on either node
        Api.Res again = api().getIfNoneMatch(stats(w.province), viewer, etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(other.getIfNoneMatch(stats(w.province), viewer, etag).status())
                .isEqualTo(304);

        // a write in another province does not change this province's answer
        register(elsewhere, "Mô hình camera an ninh");
        assertThat(api().getIfNoneMatch(stats(w.province), viewer, etag).status())
                .isEqualTo(304);

        // a write in this province does, on both nodes
        register(w, "Mô hình đường hoa nông thôn");
        Api.Res changed = other.getIfNoneMatch(stats(w.province), viewer, etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(figure(changed, "registered")).isEqualTo(2);
        assertThat(api().getIfNoneMatch(stats(w.province), viewer, etag).status())
                .isEqualTo(200);
    }

    @Test
    void pagesOnTheOtherNodeShowTheWriteAtOnce() {
        World w = new World(api());
        WebSession reporterHere = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        WebSession reporterThere = reporterHere.on(otherBase);
        WebSession viewerThere = WebSession.signedIn(otherBase, w.username("viewerP"), PASSWORD);
        assertThat(reporterThere.get("/").text()).doesNotContain("Mô hình nuôi ong mật");
        WebSession.Page pageBefore = viewerThere.get("/statistics?year=2024");
        assertThat(pageBefore.status()).isEqualTo(200);
        assertThat(pageBefore.body()).contains("id=\"stat-registered\">0</div>");
        String dashboardBefore = viewerThere.get("/statistics/data?year=2024").body();

        long id = w.draft("reporterA", World.registration("Mô hình nuôi ong mật", w.communeA, "COMMUNE", "ECONOMY"));
        // "Việc cần làm" of the reporter on the other node lists the new draft; on this node too
        assertThat(reporterThere.get("/").text()).contains("Mô hình nuôi ong mật");
        assertThat(reporterHere.get("/").text()).contains("Mô hình nuôi ong mật");

        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        String dashboardAfter = viewerThere.get("/statistics/data?year=2024").body();
        assertThat(dashboardAfter).isNotEqualTo(dashboardBefore).contains("\"registered\":1");
        // the page's figures, rendered once per version on each node, are those of the new version on both
        assertThat(viewerThere.get("/statistics?year=2024").body()).contains("id=\"stat-registered\">1</div>");
        WebSession viewerHere = WebSession.signedIn(api().base(), w.username("viewerP"), PASSWORD);
        assertThat(viewerHere.get("/statistics?year=2024").body()).contains("id=\"stat-registered\">1</div>");
    }

    @Test
    void theHomePageAndTheDashboardAreRevalidatedPerUserAndChangeWithTheirProvince() {
        World w = new World(api());
        World elsewhere = new World(api());
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        WebSession viewer = WebSession.signedIn(otherBase, w.username("viewerP"), PASSWORD);
        WebSession.Page home = reporter.get("/");
        WebSession.Page dashboard = viewer.get("/statistics?year=2024");
        assertThat(home.etag()).isNotBlank();
        assertThat(dashboard.etag()).isNotBlank();
        assertThat(reporter.getIfNoneMatch("/", home.etag()).status()).isEqualTo(304);
        assertThat(viewer.getIfNoneMatch("/statistics?year=2024", dashboard.etag())
                        .status())
                .isEqualTo(304);
        // another user never gets this user's copy
        WebSession otherReporter = WebSession.signedIn(api().base(), w.username("reporterB"), PASSWORD);
        assertThat(otherReporter.getIfNoneMatch("/", home.etag()).status()).isEqualTo(200);

        register(elsewhere, "Mô hình ở tỉnh khác");
        assertThat(reporter.getIfNoneMatch("/", home.etag()).status()).isEqualTo(304);

        register(w, "Mô hình tổ tự quản");
        WebSession.Page changed = reporter.getIfNoneMatch("/", home.etag());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.etag()).isNotEqualTo(home.etag());
        assertThat(viewer.getIfNoneMatch("/statistics?year=2024", dashboard.etag())
                        .status())
                .isEqualTo(200);
    }

    private static String stats(String unit, int year) {
        return "/api/v1/statistics?unit=" + unit + "&year=" + year;
    }

    /**
     * A registration submitted or appraised changes only the models of its own year: the figures of earlier years
     * keep their version (the browser's copy is still good, on both nodes), those of its year and later move at once
     * on both nodes, and any other change in the province (a new draft) moves every year's.
     */
    @Test
    void aSubmissionOrAnAppraisalMovesOnlyTheFiguresOfItsYearAndLater() {
        World w = new World(api());
        String viewer = w.token("viewerP");
        register(w, "Mô hình dân vận khéo năm 2024");
        // the draft is made first: making it is a change of the province that may name any year
        long id = w.draft(
                "reporterA",
                World.registration("Mô hình hiến đất làm đường năm 2024", w.communeA, "COMMUNE", "ECONOMY"));
        String before = api().get(stats(w.province, 2023), viewer).header("ETag");
        assertThat(other.get(stats(w.province, 2023), viewer).header("ETag")).isEqualTo(before);
        String nationalBefore = api().get(stats("TW", 2023), w.adminToken).header("ETag");
        String list2024 = "/api/v1/models?unit=" + w.province + "&year=2024&status=SUBMITTED&size=50";
        long submitted = api().get(list2024, viewer).json().get("content").size();
        Api.Res this2024 = api().get(stats(w.province, 2024), viewer);
        Api.Res later = other.get(stats(w.province, 2025), viewer);
        assertThat(figure(this2024, "registered")).isEqualTo(1);

        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        assertThat(api().getIfNoneMatch(stats(w.province, 2023), viewer, before).status())
                .isEqualTo(304);
        assertThat(other.getIfNoneMatch(stats(w.province, 2023), viewer, before).status())
                .isEqualTo(304);
        assertThat(other.getIfNoneMatch(stats("TW", 2023), w.adminToken, nationalBefore)
                        .status())
                .isEqualTo(304);
        Api.Res changed = other.getIfNoneMatch(stats(w.province, 2024), viewer, this2024.header("ETag"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(figure(changed, "registered")).isEqualTo(2);
        assertThat(figure(api().get(stats(w.province, 2024), viewer), "registered"))
                .isEqualTo(2);
        assertThat(other.getIfNoneMatch(stats(w.province, 2025), viewer, later.header("ETag"))
                        .status())
                .isEqualTo(200);
        // a list of that year, cached before the submission on this node, has the model on the other node and here
        assertThat(other.get(list2024, viewer).json().get("content").size()).isEqualTo(submitted + 1);
        assertThat(api().get(list2024, viewer).json().get("content").size()).isEqualTo(submitted + 1);

        // an appraisal on the other node: this node's figures of 2024 have it, those of 2023 are still the same copy
        assertThat(other.post(
                                "/api/v1/models/" + id + "/appraisal",
                                Map.of("decision", "ACCEPT"),
                                w.token("appraiserD"))
                        .status())
                .isEqualTo(200);
        assertThat(figure(api().get(stats(w.province, 2024), viewer), "accepted"))
                .isEqualTo(1);
        assertThat(figure(api().get(stats(w.province, 2025), viewer), "active"))
                .isEqualTo(figure(other.get(stats(w.province, 2025), viewer), "active"))
                .isGreaterThanOrEqualTo(1);
        assertThat(api().getIfNoneMatch(stats(w.province, 2023), viewer, before).status())
                .isEqualTo(304);

        // any other change in the province (a new draft, which may name any year) moves every year's figures
        w.draft("reporterA", World.registration("Mô hình bản nháp", w.communeA, "COMMUNE", "ECONOMY"));
        assertThat(api().getIfNoneMatch(stats(w.province, 2023), viewer, before).status())
                .isEqualTo(200);
        assertThat(other.getIfNoneMatch(stats(w.province, 2023), viewer, before).status())
                .isEqualTo(200);
    }

    @Test
    void cachedFiguresEqualACountFromTheModels() {
        World w = new World(api());
        String viewer = w.token("viewerP");
        for (int i = 0; i < 3; i++) {
            long id = register(w, "Mô hình " + i);
            // read between the writes, so that the cache holds every intermediate version
            api().get(stats(w.province), viewer);
            other.get(stats(w.province), viewer);
            if (i == 1) {
                assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status())
                        .isEqualTo(200);
            }
        }
        UnitRef province = units.byCode(w.province).orElseThrow();
        StatisticsQuery q =
                new StatisticsQuery(w.province, 2024, 2024, false, null, null, StatisticsQuery.Boundary.CURRENT);
        StatisticsReport fromModels = statistics.count(province, q, false);
        Api.Res cachedHere = api().get(stats(w.province), viewer);
        Api.Res cachedThere = other.get(stats(w.province), viewer);
        for (Api.Res cached : new Api.Res[] {cachedHere, cachedThere}) {
            assertThat(figure(cached, "registered"))
                    .isEqualTo(fromModels.registered())
                    .isEqualTo(3);
            assertThat(figure(cached, "accepted"))
                    .isEqualTo(fromModels.accepted())
                    .isEqualTo(1);
            assertThat(figure(cached, "active")).isEqualTo(fromModels.active());
        }
    }

    private static String unitName(Api api, String code, String token) {
        Api.Res r = api.get("/api/v1/units/" + code, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("name").asString();
    }

    @Test
    void aReorganizationOnOneNodeIsSeenAtOnceOnTheOther() {
        World w = new World(api());
        String before = unitName(api(), w.communeA, w.adminToken);
        // both nodes keep the unit (and its parents) for this version of the tree
        assertThat(unitName(other, w.communeA, w.adminToken)).isEqualTo(before);
        assertThat(units.byCode(w.communeA).orElseThrow().name()).isEqualTo(before);

        Api.Res renamed = api().post(
                        "/api/v1/reorganizations",
                        Map.of(
                                "type",
                                "RENAME",
                                "effectiveDate",
                                "2025-07-01",
                                "from",
                                List.of(w.communeA),
                                "to",
                                List.of(Map.of("code", w.communeA, "name", "Phường Hòa Bình")),
                                "note",
                                "Nghị quyết sắp xếp đơn vị hành chính"),
                        w.adminToken);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(201);
        assertThat(unitName(other, w.communeA, w.adminToken)).isEqualTo("Phường Hòa Bình");
        assertThat(unitName(api(), w.communeA, w.adminToken)).isEqualTo("Phường Hòa Bình");
        assertThat(units.byCode(w.communeA).orElseThrow().name()).isEqualTo("Phường Hòa Bình");
    }

    @Test
    void aChangeOfUnitsRolledBackIsNeverServedAndOneMadeBySqlIsSeenAtOnce() {
        World w = new World(api());
        UnitRef commune = units.byCode(w.communeA).orElseThrow();
        String original = commune.name();
        assertThat(unitName(other, w.communeA, w.adminToken)).isEqualTo(original);

        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            jdbc.update("update unit_unit set name = ? where id = ?", "Tên chưa lưu", commune.id());
            // inside the transaction its own change is what it reads (and what it may keep, under its own version)
            assertThat(units.byId(commune.id()).orElseThrow().name()).isEqualTo("Tên chưa lưu");
            status.setRollbackOnly();
        });
        assertThat(units.byId(commune.id()).orElseThrow().name()).isEqualTo(original);
        assertThat(units.byCode(w.communeA).orElseThrow().name()).isEqualTo(original);
        assertThat(unitName(other, w.communeA, w.adminToken)).isEqualTo(original);

        // a change by SQL, as another program would make it: every node reads it at once
        jdbc.update("update unit_unit set name = ? where id = ?", "Xã Đổi Tên", commune.id());
        assertThat(units.byId(commune.id()).orElseThrow().name()).isEqualTo("Xã Đổi Tên");
        assertThat(unitName(other, w.communeA, w.adminToken)).isEqualTo("Xã Đổi Tên");
        assertThat(unitName(api(), w.communeA, w.adminToken)).isEqualTo("Xã Đổi Tên");
    }

    private long matchVersion() {
        return jdbc.queryForObject("select version from model_match_version where id = 1", Long.class);
    }

    /** The central viewer's search of the whole country: its total and how many models its first page shows. */
    private static long[] countrySearch(Api node, String word, String token) {
        Api.Res r = node.get("/api/v1/models?q=" + Api.q(word) + "&size=20", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new long[] {
            r.json().get("page").get("totalElements").asLong(),
            r.json().get("content").size()
        };
    }

    @Test
    void theCountrysSearchCountMovesWithTheModelsItCanFindOnBothNodesAndNotWithAnAppraisal() {
        World w = new World(api());
        w.user("viewerTW", "TW", "VIEWER");
        String central = w.token("viewerTW");
        String word = Api.unique("tu").toLowerCase(Locale.ROOT);
        long a = w.draft(
                "reporterA", World.registration("Camera an ninh " + word, w.communeA, "COMMUNE", "DEFENSE_SECURITY"));
        // a draft is not the country's to see: none, on either node (each keeps its count)
        assertThat(countrySearch(api(), word, central)).containsExactly(0, 0);
        assertThat(countrySearch(other, word, central)).containsExactly(0, 0);

        assertThat(w.submit("reporterA", a).status()).isEqualTo(200);
        assertThat(countrySearch(other, word, central)).containsExactly(1, 1);
        assertThat(countrySearch(api(), word, central)).containsExactly(1, 1);

        long b = w.draft("reporterB", World.registration("Đường hoa " + word, w.communeB, "COMMUNE", "ECONOMY"));
        assertThat(w.submit("reporterB", b).status()).isEqualTo(200);
        assertThat(countrySearch(api(), word, central)).containsExactly(2, 2);

        // an appraisal leaves the count as it is (its version does not move), and the page shows the new status
        long version = matchVersion();
        assertThat(w.appraise("appraiserD", a, "ACCEPT", null).status()).isEqualTo(200);
        assertThat(w.appraise("appraiserD", b, "REQUEST_CHANGES", "Bổ sung số hộ")
                        .status())
                .isEqualTo(200);
        assertThat(matchVersion()).isEqualTo(version);
        Api.Res page = other.get("/api/v1/models?q=" + Api.q(word) + "&size=20", central);
        assertThat(page.json().get("page").get("totalElements").asLong()).isEqualTo(2);
        List<String> statuses = new ArrayList<>();
        page.json().get("content").forEach(m -> statuses.add(m.get("status").asString()));
        assertThat(statuses).containsExactlyInAnyOrder("ACCEPTED", "CHANGES_REQUESTED");

        // a title that no longer holds the word takes its model out of the count, on both nodes
        Map<String, Object> edit = World.registration("Đường hoa nông thôn", w.communeB, "COMMUNE", "ECONOMY");
        edit.put(
                "version",
                api().get("/api/v1/models/" + b, w.token("reporterB"))
                        .json()
                        .get("version")
                        .asLong());
        assertThat(api().put("/api/v1/models/" + b, edit, w.token("reporterB")).status())
                .isEqualTo(200);
        assertThat(matchVersion()).isGreaterThan(version);
        assertThat(countrySearch(other, word, central)).containsExactly(1, 1);
        assertThat(countrySearch(api(), word, central)).containsExactly(1, 1);
    }
}
