package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.TestDatabase;
import vn.dvk.support.World;

/**
 * A backup restored into an empty database holds the same data: H2 through SCRIPT/RUNSCRIPT (what H2's Script and
 * RunScript tools of docs/OPERATIONS.md run), PostgreSQL through pg_dump/pg_restore.
 */
class BackupRestoreTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aRestoredCopyHasTheSameRowsInEveryTable() throws Exception {
        World w = new World(api());
        long id = w.draft("reporterA", World.registration("Mô hình sao lưu", w.communeA, "COMMUNE", "ECONOMY"));
        w.submit("reporterA", id);

        Path dir = Files.createTempDirectory("dvk-backup");
        Map<String, Long> before;
        Map<String, Long> after;
        if (TestDatabase.postgres()) {
            try (Connection c = dataSource.getConnection()) {
                before = counts(c);
            }
            String source = TestDatabase.url().substring(TestDatabase.url().lastIndexOf('/') + 1);
            String copy = source + "_restored";
            Path dump = dir.resolve("dvk.dump");
            run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", dump.toString(), source);
            run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", copy);
            run("createdb", "-h", "127.0.0.1", "-U", "postgres", copy);
            run("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", copy, dump.toString());
            try (Connection c = DriverManager.getConnection(TestDatabase.url() + "_restored", "postgres", "")) {
                after = counts(c);
            } finally {
                run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", copy);
            }
        } else {
            Path script = dir.resolve("dvk.zip");
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                before = counts(c);
                s.execute("SCRIPT TO '" + script + "' COMPRESSION ZIP");
            }
            String copy = "jdbc:h2:file:" + dir.resolve("restored").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            try (Connection c = DriverManager.getConnection(copy, "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM '" + script + "' COMPRESSION ZIP");
                after = counts(c);
            }
        }
        assertThat(before).containsKeys("model_model", "shared_audit_entry", "unit_unit", "account_user");
        assertThat(before.get("model_model")).isPositive();
        assertThat(after).isEqualTo(before);
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        Map<String, Long> out = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String t : tables) {
                if (t.startsWith("spring_session")) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("select count(*) from " + t)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
