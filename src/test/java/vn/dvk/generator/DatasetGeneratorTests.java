package vn.dvk.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dvk.DvkApplication;
import vn.dvk.shared.AuditVerifyCommand;
import vn.dvk.support.TestDatabase;

/**
 * The generator's small scale on a fresh database of each kind: the dataset is whole and consistent (every model's
 * last audit entry is its state, reports only for accepted models, score sheets add up), it has the seeds' ratios,
 * its audit entries continue the hash chain, the same seed gives the same rows, and a database that already holds
 * models is refused.
 */
@Tag("db")
class DatasetGeneratorTests {

    @Test
    void theSmallScaleIsConsistentRealisticAndRepeatable() throws Exception {
        String first = TestDatabase.fresh("gen1");
        generate(first, 7);

        try (Connection c = connect(first)) {
            assertThat(one(c, "select count(*) from unit_unit where level = 'PROVINCE' and kind <> 'AREA'"))
                    .isEqualTo(2 * Vocabulary.PROVINCE_BODIES.size());
            long communes = one(
                    c,
                    "select count(*) from unit_unit a where a.level = 'COMMUNE' and a.kind = 'AREA'"
                            + " and exists (select 1 from unit_unit b where b.parent_id = a.id)");
            assertThat(communes).isGreaterThan(50);
            assertThat(one(c, "select count(*) from unit_unit where level = 'COMMUNE' and kind <> 'AREA'"))
                    .isEqualTo(communes * Vocabulary.COMMUNE_BODIES.size());
            assertThat(one(c, "select count(*) from model_model")).isEqualTo(3_000);
            assertThat(one(c, "select count(distinct status) from model_model")).isEqualTo(8);

            long submitted = one(c, "select count(*) from model_model where submitted_at is not null");
            long accepted = one(c, "select count(*) from model_model where appraisal_outcome = 'ACCEPT'");
            assertThat((double) accepted / submitted).isBetween(0.80, 0.92);
            long decided = one(c, "select count(*) from recognition_proposal where status <> 'PENDING'");
            long recognized = one(c, "select count(*) from recognition_proposal where status = 'RECOGNIZED'");
            assertThat((double) recognized / decided).isBetween(0.95, 1.0);

            // every model's latest audit entry leads to the state the model is in
            assertThat(one(
                            c,
                            "select count(*) from model_model m where m.status <> (select a.to_state from"
                                    + " shared_audit_entry a where a.subject_type = 'MODEL' and a.subject_id = m.id"
                                    + " order by a.id desc limit 1)"))
                    .isZero();
            // progress knows when each accepted model was accepted: at its APPRAISE_ACCEPT, as the services record it
            assertThat(one(c, "select count(*) from progress_acceptance")).isEqualTo(accepted);
            assertThat(one(
                            c,
                            "select count(*) from progress_acceptance p where p.accepted_at <> (select a.at from"
                                    + " shared_audit_entry a where a.subject_type = 'MODEL' and a.subject_id = p.model_id"
                                    + " and a.action = 'APPRAISE_ACCEPT')"))
                    .isZero();
            // reports only for accepted models, values only for the catalogue's indicators
            assertThat(one(
                            c,
                            "select count(*) from progress_report r join model_model m on m.id = r.model_id"
                                    + " where m.appraisal_outcome is null or m.appraisal_outcome <> 'ACCEPT'"))
                    .isZero();
            assertThat(one(
                            c,
                            "select count(*) from progress_value v"
                                    + " where not exists (select 1 from progress_indicator i where i.code = v.code)"))
                    .isZero();
            assertThat(one(c, "select count(*) from progress_report")).isGreaterThan(10_000);
            // each sheet has the five criteria of the example set and its total is their sum
            assertThat(one(
                            c,
                            "select count(*) from recognition_score_sheet s where s.weighted_total <>"
                                    + " (select sum(points) from recognition_score x where x.sheet_id = s.id)"
                                    + " or (select count(*) from recognition_score x where x.sheet_id = s.id) <> 5"))
                    .isZero();
            // recognized and retired models agree with their proposals and reviews
            assertThat(
                            one(
                                    c,
                                    "select count(*) from model_model m where m.status = 'RECOGNIZED' and not exists"
                                            + " (select 1 from recognition_proposal p where p.model_id = m.id and p.status = 'RECOGNIZED')"))
                    .isZero();
            assertThat(
                            one(
                                    c,
                                    "select count(*) from model_model m where m.status = 'RETIRED' and not exists"
                                            + " (select 1 from model_review r where r.model_id = m.id and r.outcome = 'RETIRE')"))
                    .isZero();
            // the identity columns continue after the generated ids
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into model_review (model_id, review_year, outcome, reviewed_by, reviewed_at)"
                        + " values ((select min(id) from model_model), 1999, 'MAINTAIN', 'test', current_timestamp)");
            }
            assertThat(one(c, "select max(id) from model_review"))
                    .isEqualTo(one(c, "select count(*) from model_review"));
            c.rollback();
        }

        // the generated audit entries continue the hash chain: the verification command finds it whole
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.run(
                new String[] {
                    AuditVerifyCommand.ARG,
                    "--spring.datasource.url=" + first,
                    "--spring.datasource.username=" + TestDatabase.user(),
                    "--spring.datasource.password="
                },
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("OK");
        assertThat(exit).isZero();

        String second = TestDatabase.fresh("gen2");
        generate(second, 7);
        try (Connection a = connect(first);
                Connection b = connect(second)) {
            for (String sql : new String[] {
                "select id, code, name, path from unit_unit order by id",
                "select id, title, unit_id, status, reg_year, holder_name, recognized_level from model_model order by id",
                "select id, model_id, as_of, period_part from progress_report order by id",
                "select sheet_id, criterion, points from recognition_score order by sheet_id, criterion",
                "select id, subject_id, action, to_state, actor from shared_audit_entry order by id"
            }) {
                assertThat(digest(b, sql)).as(sql).isEqualTo(digest(a, sql));
            }
        }

        assertThatThrownBy(() -> generate(first, 7)).hasStackTraceContaining("already holds models");
    }

    private static void generate(String url, long seed) {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(DvkApplication.class)
                .run(
                        "generate",
                        "--scale=small",
                        "--seed=" + seed,
                        "--server.port=-1",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=",
                        "--DVK_ADMIN_PASSWORD=admin-Test-Password-2026")) {
            // the runner generated during start-up; closing ends the context
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.user(), "");
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String digest(Connection c, String sql) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    md.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
