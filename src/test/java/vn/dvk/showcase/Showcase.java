package vn.dvk.showcase;

import java.util.Map;
import vn.dvk.support.Api;
import vn.dvk.support.World;

/** Models of a {@link World} in each state the public library must tell apart, built through the API. */
final class Showcase {

    private final World w;

    Showcase(World w) {
        this.w = w;
    }

    long draft(String title) {
        return draft(title, Map.of());
    }

    /** A draft whose registration also carries {@code extra} fields (dossier sections, for one). */
    long draft(String title, Map<String, Object> extra) {
        Map<String, Object> body = World.registration(title, w.communeA, "DISTRICT", "ECONOMY");
        body.putAll(extra);
        return w.draft("reporterA", body);
    }

    long submitted(String title) {
        return submitted(title, Map.of());
    }

    long submitted(String title, Map<String, Object> extra) {
        long id = draft(title, extra);
        w.submit("reporterA", id);
        return id;
    }

    long accepted(String title) {
        return accepted(title, Map.of());
    }

    long accepted(String title, Map<String, Object> extra) {
        long id = submitted(title, extra);
        w.appraise("appraiserD", id, "ACCEPT", null);
        return id;
    }

    long rejected(String title) {
        long id = submitted(title);
        w.appraise("appraiserD", id, "REJECT", "Chưa đạt tiêu chí.");
        return id;
    }

    /** An accepted model recognized at district level by decision {@code number} of 20/11/2024. */
    long recognized(String title, String number) {
        return recognized(title, number, Map.of());
    }

    /** As {@link #recognized(String, String)}, the registration carrying {@code extra} fields. */
    long recognized(String title, String number, Map<String, Object> extra) {
        long id = accepted(title, extra);
        Api.Res p = w.api.post(
                "/api/v1/models/" + id + "/recognition-proposals",
                Map.of("level", "DISTRICT", "year", 2024),
                w.token("reporterA"));
        long proposal = p.json().get("id").asLong();
        Api.Res d = w.api.post(
                "/api/v1/recognition-proposals/" + proposal + "/decision",
                Map.of("decision", "RECOGNIZE", "decisionNumber", number, "decisionDate", "2024-11-20"),
                w.token("approverD"));
        if (d.status() != 200) {
            throw new AssertionError("decision: " + d.status() + " " + d.body());
        }
        return id;
    }

    long retired(String title) {
        long id = recognized(title, "9-QĐ/BCĐ");
        Api.Res r = w.api.post(
                "/api/v1/models/" + id + "/reviews",
                Map.of("year", 2025, "outcome", "RETIRE", "comment", "Không còn duy trì."),
                w.token("appraiserD"));
        if (r.status() != 200) {
            throw new AssertionError("review: " + r.status() + " " + r.body());
        }
        return id;
    }
}
