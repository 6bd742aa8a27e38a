package vn.dvk.statistics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;

/**
 * Replays a seed article's year through the HTTP API alone, as a province's people would: units, users with one
 * role each, registrations, submissions, appraisals, proposals and decisions. Every call must answer as expected,
 * or the replay stops with the answer it got.
 */
final class SeedReplay {

    final Api api;
    final String adminToken;
    private final Map<String, String> usernames = new HashMap<>();

    SeedReplay(Api api) {
        this.api = api;
        this.adminToken = api.token("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    String unit(String code, String name, String level, String kind, String parent) {
        expect(
                201,
                api.post(
                        "/api/v1/units",
                        Map.of("code", code, "name", name, "level", level, "kind", kind, "parentCode", parent),
                        adminToken));
        return code;
    }

    /** A new user of that unit with that one role; returns its bearer token. */
    String user(String unit, String role) {
        String username = Api.unique(role.toLowerCase());
        expect(
                201,
                api.post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                IntegrationTest.PASSWORD,
                                "fullName",
                                "Cán bộ " + role,
                                "unitCode",
                                unit,
                                "roles",
                                List.of(role)),
                        adminToken));
        String token = api.token(username, IntegrationTest.PASSWORD);
        usernames.put(token, username);
        return token;
    }

    /** The username behind a token {@link #user} made, to sign in on the pages. */
    String username(String token) {
        return usernames.get(token);
    }

    static Map<String, Object> registration(String title, String unit, String field, String level, int year) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("field", field);
        m.put("unitCode", unit);
        m.put("level", level);
        m.put("year", year);
        m.put("holderType", "COLLECTIVE");
        m.put("holderName", "Tập thể đơn vị");
        m.put("origin", "NEW");
        m.put("summary", "Vận động Nhân dân cùng làm.");
        return m;
    }

    long register(Map<String, Object> body, String reporter) {
        return created(api.post("/api/v1/models", body, reporter));
    }

    void submit(long id, String reporter) {
        expect(200, api.post("/api/v1/models/" + id + "/submit", null, reporter));
    }

    Api.Res appraise(long id, String decision, String comment, String appraiser) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        return api.post("/api/v1/models/" + id + "/appraisal", body, appraiser);
    }

    long propose(long id, String level, int year, String proposer) {
        return created(api.post(
                "/api/v1/models/" + id + "/recognition-proposals",
                Map.of("level", level, "year", year, "note", "Đề nghị công nhận"),
                proposer));
    }

    String decide(long proposal, boolean recognize, String number, String date, String approver) {
        Map<String, Object> decision = recognize
                ? Map.of("decision", "RECOGNIZE", "decisionNumber", number, "decisionDate", date)
                : Map.of("decision", "DECLINE", "comment", "Chưa đạt tiêu chí");
        return expect(200, api.post("/api/v1/recognition-proposals/" + proposal + "/decision", decision, approver))
                .json()
                .get("status")
                .asString();
    }

    static long created(Api.Res r) {
        return expect(201, r).json().get("id").asLong();
    }

    static Api.Res expect(int status, Api.Res r) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r.status() + ": " + r.body());
        }
        return r;
    }
}
