package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;

/**
 * Replays Bến Tre's 2024 figures (seed 001) through the HTTP API alone and checks that the statistics endpoint
 * gives them back: 272 registrations (193 economy + culture–society, 79 defense–security + political system),
 * 242 accepted, 30 not accepted, 191 proposed for province-level recognition, 187 recognized (106 / 42 / 19 / 20).
 */
class BenTre2024ReplayTests extends IntegrationTest {

    /** What happens to one registration of the replay. */
    private record Plan(String field, boolean accept, boolean viaChanges, boolean propose, boolean recognize) {
    }

    /** The published figures per field, with a split of accepted/rejected and declined that adds up. */
    private record FieldFigures(String field, int registered, int accepted, int proposed, int recognized) {
    }

    private static final List<FieldFigures> FIGURES = List.of(
            new FieldFigures("ECONOMY", 130, 120, 108, 106),
            new FieldFigures("CULTURE_SOCIETY", 63, 53, 43, 42),
            new FieldFigures("DEFENSE_SECURITY", 39, 34, 19, 19),
            new FieldFigures("POLITICAL_SYSTEM", 40, 35, 21, 20));

    private Api api;
    private String adminToken;

    @Test
    void theStatisticsGiveBackBenTres2024FiguresForTheProvinceItsDistrictsAndThePeriod() {
        // given Bến Tre's tree: the province, two province bodies, three districts each with a district body
        // and two communes; a reporter, an appraiser and an approver of the province's steering committee,
        // and a reporter of one district
        api = api();
        adminToken = api.token("admin", ADMIN_PASSWORD);
        String tag = Api.unique("BTR");
        String province = unit(tag, "Tỉnh Bến Tre " + tag, "PROVINCE", "AREA", "TW");
        List<String> units = new ArrayList<>();
        units.add(province);
        units.add(unit(tag + "-MT", "Ủy ban MTTQ Việt Nam tỉnh", "PROVINCE", "FRONT", province));
        units.add(unit(tag + "-ND", "Hội Nông dân tỉnh", "PROVINCE", "ASSOCIATION", province));
        Map<String, List<String>> districtUnits = new LinkedHashMap<>();
        String[][] districts = {{"MCN", "Mỏ Cày Nam", "Thành Thới B", "An Thạnh"},
                {"CT", "Châu Thành", "Phú Đức", "Phú Túc"}, {"BD", "Bình Đại", "Thị trấn Bình Đại", "Bình Thạnh"}};
        for (String[] d : districts) {
            String district = unit(tag + "-" + d[0], "Huyện " + d[1], "DISTRICT", "AREA", province);
            List<String> inDistrict = List.of(district,
                    unit(tag + "-" + d[0] + "-PN", "Hội LHPN huyện " + d[1], "DISTRICT", "ASSOCIATION", district),
                    unit(tag + "-" + d[0] + "-X1", "Xã " + d[2], "COMMUNE", "AREA", district),
                    unit(tag + "-" + d[0] + "-X2", "Xã " + d[3], "COMMUNE", "AREA", district));
            districtUnits.put(district, inDistrict);
            units.addAll(inDistrict);
        }
        String mcn = tag + "-MCN";
        String reporterP = user(province, "REPORTER");
        String reporterMcn = user(mcn, "REPORTER");
        String appraiser = user(province, "APPRAISER");
        String approver = user(province, "APPROVER");

        // and the plan of the year: per field, registrations accepted first, then the rejected ones; of the
        // accepted, the first are proposed and of those the first recognized; every eighth goes through changes
        List<Plan> plans = plans();
        assertThat(plans).hasSize(272);

        // when each registration is drafted, submitted and appraised (some after a request for changes, an edit
        // and a resubmission) through the API
        Map<String, Map<String, Integer>> expectedMcn = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        Long firstAccepted = null;
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            String unit = units.get(i % units.size());
            boolean inMcn = districtUnits.get(mcn).contains(unit);
            String reporter = inMcn ? reporterMcn : reporterP;
            Map<String, Object> body = registration("Mô hình " + (i + 1) + " năm 2024", unit, plan.field());
            body.put("holderType", i % 7 == 6 ? "INDIVIDUAL" : "COLLECTIVE");
            if (firstAccepted != null && !inMcn && i % 10 == 5) {
                body.put("origin", "REPLICATED");
                body.put("replicatedFromId", firstAccepted);
            }
            long id = created(api.post("/api/v1/models", body, reporter));
            ids.add(id);
            expect(200, api.post("/api/v1/models/" + id + "/submit", null, reporter));
            if (plan.viaChanges()) {
                expect(200, appraise(id, "REQUEST_CHANGES", "Bổ sung kết quả cụ thể", appraiser));
                long version = expect(200, api.get("/api/v1/models/" + id, reporter)).json().get("version").asLong();
                body.put("summary", "Đã bổ sung: 120 hộ tham gia, 3 km đường.");
                body.put("version", version);
                expect(200, api.put("/api/v1/models/" + id, body, reporter));
                assertThat(expect(200, api.post("/api/v1/models/" + id + "/submit", null, reporter))
                        .json().get("status").asString()).isEqualTo("SUBMITTED");
            }
            String outcome = expect(200, plan.accept() ? appraise(id, "ACCEPT", null, appraiser)
                    : appraise(id, "REJECT", "Chưa đạt tiêu chí", appraiser)).json().get("status").asString();
            assertThat(outcome).isEqualTo(plan.accept() ? "ACCEPTED" : "REJECTED");
            if (plan.accept() && firstAccepted == null) {
                firstAccepted = id;
            }
            if (inMcn) {
                tally(expectedMcn, plan);
            }
        }
        // and a few drafts are started but never submitted (one of them for another year)
        for (int i = 0; i < 5; i++) {
            created(api.post("/api/v1/models", registration("Bản nháp " + i, units.get(i * 3), "ECONOMY"), reporterP));
        }
        Map<String, Object> draft2023 = registration("Bản nháp năm 2023", province, "CULTURE_SOCIETY");
        draft2023.put("year", 2023);
        created(api.post("/api/v1/models", draft2023, reporterP));

        // then, before any proposal, the appraisals alone show
        JsonNode midYear = stats("unit=" + province + "&year=2024", appraiser);
        assertThat(midYear.get("registered").asLong()).isEqualTo(272);
        assertThat(midYear.get("accepted").asLong()).isEqualTo(242);
        assertThat(midYear.get("proposed").asLong()).isZero();

        // when, at the end of the year, the accepted models planned for it are proposed for province-level
        // recognition and the province's committee decides each proposal
        List<Long> proposals = new ArrayList<>();
        List<Boolean> recognize = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).propose()) {
                String unit = units.get(i % units.size());
                String reporter = districtUnits.get(mcn).contains(unit) ? reporterMcn : reporterP;
                proposals.add(created(api.post("/api/v1/models/" + ids.get(i) + "/recognition-proposals",
                        Map.of("level", "PROVINCE", "year", 2024, "note", "Đề nghị công nhận cấp tỉnh"), reporter)));
                recognize.add(plans.get(i).recognize());
            }
        }
        for (int k = 0; k < proposals.size(); k++) {
            Map<String, Object> decision = recognize.get(k)
                    ? Map.of("decision", "RECOGNIZE", "decisionNumber", "187/QĐ-BCĐ441", "decisionDate", "2024-12-20")
                    : Map.of("decision", "DECLINE", "comment", "Chưa đạt tiêu chí cấp tỉnh");
            assertThat(expect(200, api.post("/api/v1/recognition-proposals/" + proposals.get(k) + "/decision",
                    decision, approver)).json().get("status").asString())
                    .isEqualTo(recognize.get(k) ? "RECOGNIZED" : "DECLINED");
        }

        // then the province's statistics for 2024 are exactly the published figures
        JsonNode s = stats("unit=" + province + "&year=2024", approver);
        assertThat(s.get("unit").asString()).isEqualTo(province);
        assertThat(s.get("year").asInt()).isEqualTo(2024);
        assertTotals(s, 272, 242, 30, 191, 187);
        assertThat(s.get("changesRequested").asLong()).isZero();
        assertThat(s.get("active").asLong()).isEqualTo(242);
        assertThat(s.get("retired").asLong()).isZero();
        JsonNode byLevel = s.get("recognizedByLevel");
        assertThat(byLevel.get("PROVINCE").asLong()).isEqualTo(187);
        assertThat(byLevel.get("COMMUNE").asLong() + byLevel.get("DISTRICT").asLong()
                + byLevel.get("CENTRAL").asLong()).isZero();
        // and per field: recognized 106 / 42 / 19 / 20, registered 193 + 79
        JsonNode byField = s.get("byField");
        for (FieldFigures f : FIGURES) {
            JsonNode c = byField.get(f.field());
            assertThat(c.get("registered").asLong()).as(f.field()).isEqualTo(f.registered());
            assertThat(c.get("accepted").asLong()).as(f.field()).isEqualTo(f.accepted());
            assertThat(c.get("rejected").asLong()).as(f.field()).isEqualTo(f.registered() - f.accepted());
            assertThat(c.get("proposed").asLong()).as(f.field()).isEqualTo(f.proposed());
            assertThat(c.get("recognized").asLong()).as(f.field()).isEqualTo(f.recognized());
        }
        assertThat(byField.get("ECONOMY").get("registered").asLong()
                + byField.get("CULTURE_SOCIETY").get("registered").asLong()).isEqualTo(193);
        assertThat(byField.get("DEFENSE_SECURITY").get("registered").asLong()
                + byField.get("POLITICAL_SYSTEM").get("registered").asLong()).isEqualTo(79);
        // and the holder-type and origin splits add up to the totals
        assertThat(sum(s.get("byHolderType"), "registered")).isEqualTo(272);
        assertThat(sum(s.get("byHolderType"), "recognized")).isEqualTo(187);
        assertThat(s.get("byHolderType").get("INDIVIDUAL").get("registered").asLong())
                .isEqualTo(countIf(plans.size(), i -> i % 7 == 6));
        assertThat(sum(s.get("byOrigin"), "registered")).isEqualTo(272);
        assertThat(s.get("byOrigin").get("REPLICATED").get("registered").asLong()).isPositive();

        // and filtering by field or by level keeps the matching part only
        assertTotals(stats("unit=" + province + "&year=2024&field=ECONOMY", viewer(province)), 130, 120, 10, 108, 106);
        assertTotals(stats("unit=" + province + "&year=2024&level=PROVINCE", approver), 272, 242, 30, 191, 187);
        assertTotals(stats("unit=" + province + "&year=2024&level=DISTRICT", approver), 0, 0, 0, 0, 0);
        // and another year counts none of it
        assertTotals(stats("unit=" + province + "&year=2023", approver), 0, 0, 0, 0, 0);

        // and a district returns only its own part
        JsonNode d = stats("unit=" + mcn + "&year=2024", reporterMcn);
        assertThat(expectedMcn.get("all").get("registered")).isBetween(1, 271);
        assertTotals(d, expectedMcn.get("all").get("registered"), expectedMcn.get("all").get("accepted"),
                expectedMcn.get("all").get("rejected"), expectedMcn.get("all").get("proposed"),
                expectedMcn.get("all").get("recognized"));
        assertThat(d.get("active").asLong()).isEqualTo(expectedMcn.get("all").get("accepted").longValue());
        for (FieldFigures f : FIGURES) {
            Map<String, Integer> e = expectedMcn.getOrDefault(f.field(), Map.of());
            assertThat(d.get("byField").get(f.field()).get("recognized").asLong()).as(f.field())
                    .isEqualTo(e.getOrDefault("recognized", 0).longValue());
        }

        // and the period 2021-2025 gives the same totals as the year
        JsonNode p = stats("unit=" + province + "&period=2021-2025", approver);
        assertThat(p.get("period").asString()).isEqualTo("2021-2025");
        assertThat(p.has("year")).isFalse();
        assertTotals(p, 272, 242, 30, 191, 187);
        assertThat(p.get("active").asLong()).isEqualTo(242);
        assertThat(p.get("changesRequested").asLong()).isZero();
        assertThat(p.get("recognizedByLevel").get("PROVINCE").asLong()).isEqualTo(187);
        for (FieldFigures f : FIGURES) {
            assertThat(p.get("byField").get(f.field()).get("recognized").asLong()).isEqualTo(f.recognized());
        }
    }

    private static List<Plan> plans() {
        List<List<Plan>> perField = new ArrayList<>();
        for (FieldFigures f : FIGURES) {
            List<Plan> list = new ArrayList<>();
            for (int k = 0; k < f.registered(); k++) {
                list.add(new Plan(f.field(), k < f.accepted(), k % 8 == 3, k < f.proposed(), k < f.recognized()));
            }
            perField.add(list);
        }
        List<Plan> out = new ArrayList<>();
        for (int k = 0; out.size() < 272; k++) {
            for (List<Plan> list : perField) {
                if (k < list.size()) {
                    out.add(list.get(k));
                }
            }
        }
        return out;
    }

    private static void tally(Map<String, Map<String, Integer>> expected, Plan plan) {
        for (String key : List.of("all", plan.field())) {
            Map<String, Integer> m = expected.computeIfAbsent(key, k -> new HashMap<>());
            m.merge("registered", 1, Integer::sum);
            m.merge(plan.accept() ? "accepted" : "rejected", 1, Integer::sum);
            if (plan.propose()) {
                m.merge("proposed", 1, Integer::sum);
            }
            if (plan.recognize()) {
                m.merge("recognized", 1, Integer::sum);
            }
        }
    }

    private static void assertTotals(JsonNode s, long registered, long accepted, long rejected, long proposed,
                                     long recognized) {
        assertThat(s.get("registered").asLong()).as("registered").isEqualTo(registered);
        assertThat(s.get("accepted").asLong()).as("accepted").isEqualTo(accepted);
        assertThat(s.get("rejected").asLong()).as("rejected").isEqualTo(rejected);
        assertThat(s.get("proposed").asLong()).as("proposed").isEqualTo(proposed);
        assertThat(s.get("recognized").asLong()).as("recognized").isEqualTo(recognized);
    }

    private static long sum(JsonNode split, String count) {
        long total = 0;
        for (JsonNode c : split) {
            total += c.get(count).asLong();
        }
        return total;
    }

    private static long countIf(int n, java.util.function.IntPredicate p) {
        return java.util.stream.IntStream.range(0, n).filter(p).count();
    }

    private JsonNode stats(String query, String token) {
        return expect(200, api.get("/api/v1/statistics?" + query, token)).json();
    }

    private Api.Res appraise(long id, String decision, String comment, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        return api.post("/api/v1/models/" + id + "/appraisal", body, token);
    }

    private static Map<String, Object> registration(String title, String unit, String field) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("field", field);
        m.put("unitCode", unit);
        m.put("level", "PROVINCE");
        m.put("year", 2024);
        m.put("holderType", "COLLECTIVE");
        m.put("holderName", "Tập thể đơn vị");
        m.put("origin", "NEW");
        m.put("summary", "Vận động Nhân dân cùng làm.");
        return m;
    }

    private String unit(String code, String name, String level, String kind, String parent) {
        expect(201, api.post("/api/v1/units", Map.of("code", code, "name", name, "level", level, "kind", kind,
                "parentCode", parent), adminToken));
        return code;
    }

    private String user(String unit, String role) {
        String username = Api.unique(role.toLowerCase());
        expect(201, api.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "fullName", "Cán bộ " + role, "unitCode", unit, "roles", List.of(role)), adminToken));
        return api.token(username, PASSWORD);
    }

    private String viewer(String unit) {
        return user(unit, "VIEWER");
    }

    private static long created(Api.Res r) {
        return expect(201, r).json().get("id").asLong();
    }

    private static Api.Res expect(int status, Api.Res r) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r.status() + ": " + r.body());
        }
        return r;
    }
}
