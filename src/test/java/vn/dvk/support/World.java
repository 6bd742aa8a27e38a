package vn.dvk.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small world built through the API: a province with a district and two communes, and one user per role
 * at the level where that role works. Every code and username is unique to this world.
 */
public final class World {

    public final Api api;
    public final String adminToken;
    public final String province;
    public final String district;
    public final String communeA;
    public final String communeB;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> usernames = new HashMap<>();

    public World(Api api) {
        this.api = api;
        this.adminToken = api.token("admin", IntegrationTest.ADMIN_PASSWORD);
        String tag = Api.unique("W");
        province = unit(tag + "P", "Tỉnh " + tag, "PROVINCE", "AREA", "TW");
        district = unit(tag + "D", "Huyện " + tag, "DISTRICT", "AREA", province);
        communeA = unit(tag + "CA", "Xã A " + tag, "COMMUNE", "AREA", district);
        communeB = unit(tag + "CB", "Xã B " + tag, "COMMUNE", "AREA", district);
        user("reporterA", communeA, "REPORTER");
        user("reporterB", communeB, "REPORTER");
        user("reporterP", province, "REPORTER");
        user("appraiserD", district, "APPRAISER");
        user("appraiserP", province, "APPRAISER");
        user("approverP", province, "APPROVER");
        user("approverD", district, "APPROVER");
        user("scorerP", province, "SCORER");
        user("viewerP", province, "VIEWER");
        user("adminP", province, "ADMIN");
    }

    public String unit(String code, String name, String level, String kind, String parent) {
        Api.Res r = api.post(
                "/api/v1/units",
                Map.of("code", code, "name", name, "level", level, "kind", kind, "parentCode", parent),
                adminToken);
        if (r.status() != 201) {
            throw new AssertionError("unit " + code + ": " + r.status() + " " + r.body());
        }
        return code;
    }

    public void user(String key, String unit, String... roles) {
        String username = Api.unique(key.toLowerCase());
        Api.Res r = api.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        username,
                        "password",
                        IntegrationTest.PASSWORD,
                        "fullName",
                        "Người dùng " + key,
                        "unitCode",
                        unit,
                        "roles",
                        List.of(roles)),
                adminToken);
        if (r.status() != 201) {
            throw new AssertionError("user " + key + ": " + r.status() + " " + r.body());
        }
        usernames.put(key, username);
    }

    public String token(String key) {
        return tokens.computeIfAbsent(key, k -> api.token(usernames.get(k), IntegrationTest.PASSWORD));
    }

    public String username(String key) {
        return usernames.get(key);
    }

    /** A registration body with sensible values; callers override what they test. */
    public static Map<String, Object> registration(String title, String unit, String level, String field) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("field", field);
        m.put("unitCode", unit);
        m.put("level", level);
        m.put("year", 2024);
        m.put("holderType", "COLLECTIVE");
        m.put("holderName", "Hội Nông dân");
        m.put("origin", "NEW");
        m.put("summary", "Vận động Nhân dân cùng làm.");
        return m;
    }

    /** Registers a model as the given reporter and returns its id. */
    public long draft(String reporterKey, Map<String, Object> body) {
        Api.Res r = api.post("/api/v1/models", body, token(reporterKey));
        if (r.status() != 201) {
            throw new AssertionError("model: " + r.status() + " " + r.body());
        }
        return r.json().get("id").asLong();
    }

    public Api.Res submit(String reporterKey, long id) {
        return api.post("/api/v1/models/" + id + "/submit", null, token(reporterKey));
    }

    public Api.Res appraise(String appraiserKey, long id, String decision, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        return api.post("/api/v1/models/" + id + "/appraisal", body, token(appraiserKey));
    }

    /** Registers a district-level economy model as the reporter, submits it, has the appraiser accept it; its id. */
    public long accepted(String reporterKey, String unit, String title, String appraiserKey) {
        long id = draft(reporterKey, registration(title, unit, "DISTRICT", "ECONOMY"));
        submit(reporterKey, id);
        Api.Res r = appraise(appraiserKey, id, "ACCEPT", null);
        if (r.status() != 200) {
            throw new AssertionError("appraisal: " + r.status() + " " + r.body());
        }
        return id;
    }
}
