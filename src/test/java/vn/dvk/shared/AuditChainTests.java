package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.TestDatabase;
import vn.dvk.support.World;

/**
 * The audit trail is chained by hashes: the verification (API and {@code verify-audit} command) finds it whole
 * after concurrent writers, and names the first entry that was edited behind the application's back or forged.
 */
class AuditChainTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        World w = new World(api());
        long before = verifyApi(w.adminToken).get("entries").asLong();
        w.token("reporterA"); // signed in once, before the threads share the world
        int threads = 6;
        int each = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        long id = w.draft(
                                "reporterA",
                                World.registration(
                                        "Mô hình song song " + n + "-" + i, w.communeA, "COMMUNE", "ECONOMY"));
                        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonNode r = verifyApi(w.adminToken);
        assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("firstBrokenId").isNull()).isTrue();
        // every draft and every submission left one entry (other tests do not run at the same time)
        assertThat(r.get("entries").asLong()).isGreaterThanOrEqualTo(before + 2L * threads * each);
        // the ids follow the chain: each entry's prev_hash is the hash of the entry with the next lower id
        List<String[]> rows = jdbc.query("select prev_hash, hash from shared_audit_entry order by id", (rs, i) ->
                new String[] {rs.getString(1), rs.getString(2)});
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i)[0]).isEqualTo(rows.get(i - 1)[1]);
        }
    }

    @Test
    void anEditedEntryIsFoundByTheApiAndByTheCommand() {
        World w = new World(api());
        long model = w.draft("reporterA", World.registration("Mô hình bị sửa lén", w.communeA, "COMMUNE", "ECONOMY"));
        w.submit("reporterA", model);
        Long entry = jdbc.queryForObject(
                "select min(id) from shared_audit_entry where subject_type = 'MODEL'" + " and subject_id = ?",
                Long.class,
                model);
        assertThat(verifyApi(w.adminToken).get("ok").asBoolean()).isTrue();
        assertThat(command()).startsWith("0 OK ");

        withoutGuard(() -> jdbc.update("update shared_audit_entry set comment = 'sửa lén' where id = ?", entry));
        try {
            JsonNode r = verifyApi(w.adminToken);
            assertThat(r.get("ok").asBoolean()).isFalse();
            assertThat(r.get("firstBrokenId").asLong()).isEqualTo(entry);
            assertThat(command()).startsWith("1 BROKEN at entry " + entry + " ");
        } finally {
            withoutGuard(() -> jdbc.update("update shared_audit_entry set comment = null where id = ?", entry));
        }
        assertThat(verifyApi(w.adminToken).get("ok").asBoolean()).isTrue();
    }

    @Test
    void aForgedEntryIsFoundEvenWhenItsHashesAreRight() {
        World w = new World(api());
        w.draft("reporterA", World.registration("Mô hình trước giả mạo", w.communeA, "COMMUNE", "ECONOMY"));
        String last = jdbc.queryForObject("select last_hash from shared_audit_chain_head where id = 1", String.class);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHash.of(last, at, "ke-gia-mao", "MODEL", 1L, "DELETE", null, null, "giả");
        jdbc.update(
                "insert into shared_audit_entry (at, actor, subject_type, subject_id, action, comment, prev_hash,"
                        + " hash) values (?, 'ke-gia-mao', 'MODEL', 1, 'DELETE', 'giả', ?, ?)",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                last,
                hash);
        Long forged = jdbc.queryForObject("select max(id) from shared_audit_entry", Long.class);
        try {
            JsonNode r = verifyApi(w.adminToken);
            assertThat(r.get("ok").asBoolean()).isFalse();
            assertThat(r.get("firstBrokenId").asLong()).isEqualTo(forged);
        } finally {
            withoutGuard(() -> jdbc.update("delete from shared_audit_entry where id = ?", forged));
        }
        assertThat(verifyApi(w.adminToken).get("ok").asBoolean()).isTrue();
    }

    @Test
    void onlyCentralAdministratorsMayVerify() {
        World w = new World(api());
        assertThat(api().get("/api/v1/audit/verify", null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/audit/verify", w.token("reporterA")).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/audit/verify", w.token("adminP")).status())
                .isEqualTo(403);
    }

    private JsonNode verifyApi(String token) {
        Api.Res r = api().get("/api/v1/audit/verify", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Runs {@code verify-audit} against the test database; answers the exit code, a space and the output. */
    private static String command() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditVerifyCommand.run(
                new String[] {
                    "verify-audit",
                    "--spring.datasource.url=" + TestDatabase.url(),
                    "--spring.datasource.username=" + (TestDatabase.postgres() ? "postgres" : "sa"),
                    "--spring.datasource.password="
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + " " + out.toString(StandardCharsets.UTF_8);
    }

    /** Runs a statement as the database owner with the append-only guard lifted, and puts the guard back. */
    private void withoutGuard(Runnable change) {
        if (TestDatabase.postgres()) {
            jdbc.execute("alter table shared_audit_entry disable trigger trg_shared_audit_entry_no_change");
            try {
                change.run();
            } finally {
                jdbc.execute("alter table shared_audit_entry enable trigger trg_shared_audit_entry_no_change");
            }
        } else {
            jdbc.execute("drop trigger trg_shared_audit_entry_no_update");
            jdbc.execute("drop trigger trg_shared_audit_entry_no_delete");
            try {
                change.run();
            } finally {
                jdbc.execute("create trigger trg_shared_audit_entry_no_update before update on shared_audit_entry"
                        + " for each row call \"vn.dvk.shared.AuditGuardTrigger\"");
                jdbc.execute("create trigger trg_shared_audit_entry_no_delete before delete on shared_audit_entry"
                        + " for each row call \"vn.dvk.shared.AuditGuardTrigger\"");
            }
        }
    }
}
