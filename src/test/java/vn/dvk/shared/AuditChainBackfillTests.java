package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.dvk.support.TestDatabase;

/** Entries written before the hash chain existed are chained by the migration, and the guard comes back. */
@Tag("db")
class AuditChainBackfillTests {

    @Test
    void theMigrationChainsTheEntriesThatWereThere() throws Exception {
        String name = "dvk_backfill_" + ProcessHandle.current().pid();
        DriverManagerDataSource ds;
        String vendor;
        if (TestDatabase.postgres()) {
            admin("drop database if exists " + name);
            admin("create database " + name + " encoding 'UTF8' template template0");
            ds = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
            vendor = "postgresql";
        } else {
            ds = new DriverManagerDataSource(
                    "jdbc:h2:mem:" + name
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "sa",
                    "");
            vendor = "h2";
        }
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                    .target("202611221900")
                    .load()
                    .migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            for (int i = 1; i <= 3; i++) {
                jdbc.update(
                        "insert into shared_audit_entry (at, actor, subject_type, subject_id, action, to_state,"
                                + " comment) values (timestamp with time zone '2024-05-0" + i
                                + " 08:30:15.123456+07', 'cu',"
                                + " 'MODEL', ?, 'CREATE', 'DRAFT', ?)",
                        i,
                        i == 2 ? null : "Ghi chú cũ " + i);
            }

            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                    .javaMigrations(new V202611222101__shared_audit_chain_backfill())
                    .load()
                    .migrate();

            AuditVerifier.Result r = new AuditVerifier(ds).verify();
            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(r.entries()).isEqualTo(3);
            assertThat(jdbc.queryForObject(
                            "select prev_hash from shared_audit_entry order by id limit 1", String.class))
                    .isEqualTo(AuditHash.GENESIS);
            assertThat(jdbc.queryForObject("select last_hash from shared_audit_chain_head", String.class))
                    .isEqualTo(r.lastHash());
            assertThatThrownBy(() -> jdbc.update("update shared_audit_entry set comment = 'x'"))
                    .hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("insert into shared_audit_entry (at, actor, subject_type,"
                            + " subject_id, action) values (current_timestamp, 'x', 'MODEL', 1, 'CREATE')"))
                    .as("hash is required")
                    .isNotNull();
        } finally {
            if (TestDatabase.postgres()) {
                admin("drop database if exists " + name + " with (force)");
            } else {
                new JdbcTemplate(ds).execute("shutdown");
            }
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
