package vn.dvk.recognition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dvk.support.Api;
import vn.dvk.support.World;

/**
 * A province round through the API: the World's province with its Women's Union (a province-level body), a
 * criteria set of five criteria of 20 points (pass at 70) issued by the province, and three models proposed at
 * province level in 2024 — one of commune A, one of commune B, one of the Women's Union. Council members: the
 * province's scorer and the Women's Union's scorer, who is recused automatically on the union's own model.
 */
public final class RoundFixture {

    public static final List<String> CODES = List.of("TK", "TT", "HQ", "NR", "DT");

    public final World w;
    public final Api api;
    public final String womenUnion;
    public final long criteriaSetId;
    public final long modelX;
    public final long modelY;
    public final long modelZ;
    public final String titleX;
    public final String titleY;
    public final String titleZ;
    public long proposalX;
    public long proposalY;
    public long proposalZ;

    public RoundFixture(Api api) {
        this.api = api;
        this.w = new World(api);
        womenUnion = w.unit(
                Api.unique("HPN"), "Hội Liên hiệp Phụ nữ tỉnh " + w.province, "PROVINCE", "ASSOCIATION", w.province);
        w.user("reporterWU", womenUnion, "REPORTER");
        w.user("scorerWU", womenUnion, "SCORER");
        Api.Res set = api.post("/api/v1/criteria-sets", criteriaSet(w.province, "2024-01-01"), w.token("adminP"));
        if (set.status() != 201) {
            throw new AssertionError("criteria set: " + set.status() + " " + set.body());
        }
        criteriaSetId = set.json().get("id").asLong();
        titleX = "Vận động hộ dân trồng dừa đăng ký mã số vùng trồng " + w.communeA;
        titleY = "Dân vận khéo trong giải phóng mặt bằng " + w.communeB;
        titleZ = "Phụ nữ tham gia bảo vệ môi trường, nói không với rác thải nhựa " + womenUnion;
        modelX = accepted("reporterA", titleX, w.communeA, "DISTRICT", "appraiserD");
        modelY = accepted("reporterB", titleY, w.communeB, "DISTRICT", "appraiserD");
        modelZ = accepted("reporterWU", titleZ, womenUnion, "PROVINCE", "appraiserP");
    }

    /** Proposes X and Y at province level for 2024 (before the round opens). */
    public void proposeXandY() {
        proposalX = propose("reporterA", modelX);
        proposalY = propose("reporterB", modelY);
    }

    /** Proposes Z (after the round opened: it joins the round by itself). */
    public void proposeZ() {
        proposalZ = propose("reporterWU", modelZ);
    }

    public static Map<String, Object> criteriaSet(String unit, String from) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitCode", unit);
        m.put("level", "PROVINCE");
        m.put("name", "Bộ tiêu chí xét công nhận mô hình \"Dân vận khéo\" cấp tỉnh");
        m.put("documentNumber", "08-HD/BCĐ");
        m.put("documentDate", "2024-03-01");
        m.put("documentTitle", "Hướng dẫn xét công nhận mô hình \"Dân vận khéo\"");
        m.put("effectiveFrom", from);
        m.put("passThreshold", 70);
        m.put("commentBelowRatio", 0.5);
        List<Map<String, Object>> criteria = new ArrayList<>();
        String[] texts = {
            "Tính khéo", "Tính thiết thực", "Tính hiệu quả", "Khả năng nhân rộng", "Sự đồng thuận của Nhân dân"
        };
        for (int i = 0; i < CODES.size(); i++) {
            criteria.add(Map.of("code", CODES.get(i), "description", texts[i], "maxPoints", 20));
        }
        m.put("criteria", criteria);
        return m;
    }

    public Map<String, Object> round() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitCode", w.province);
        m.put("level", "PROVINCE");
        m.put("year", 2024);
        m.put("opensOn", LocalDate.now().minusDays(1).toString());
        m.put("closesOn", LocalDate.now().plusDays(30).toString());
        m.put("issuerBody", "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh");
        m.put("parentBody", "Tỉnh ủy " + w.province);
        return m;
    }

    /** A sheet giving the same points to every criterion. */
    public static Map<String, Object> sheet(int each, String comment) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "scores",
                CODES.stream().map(c -> Map.of("criterion", c, "points", each)).toList());
        if (comment != null) {
            m.put("comment", comment);
        }
        return m;
    }

    private long accepted(String reporter, String title, String unit, String level, String appraiser) {
        long id = w.draft(reporter, World.registration(title, unit, level, "ECONOMY"));
        check(w.submit(reporter, id));
        check(w.appraise(appraiser, id, "ACCEPT", null));
        return id;
    }

    private long propose(String reporter, long model) {
        Api.Res r = api.post(
                "/api/v1/models/" + model + "/recognition-proposals",
                Map.of("level", "PROVINCE", "year", 2024),
                w.token(reporter));
        check(r);
        return r.json().get("id").asLong();
    }

    private static void check(Api.Res r) {
        if (r.status() >= 300) {
            throw new AssertionError(r.status() + " " + r.body());
        }
    }
}
