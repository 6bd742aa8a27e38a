package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/** The audit trail is append-only in the database itself, not only in the code. */
class AuditTrailTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDatabaseRefusesToEditOrDeleteAuditEntries() {
        World w = new World(api());
        long id = w.draft("reporterA", World.registration("Mô hình có dấu vết", w.communeA, "COMMUNE", "ECONOMY"));
        Long entry = jdbc.queryForObject(
                "select max(id) from shared_audit_entry where subject_type = 'MODEL'" + " and subject_id = ?",
                Long.class,
                id);
        assertThat(entry).isNotNull();

        assertThatThrownBy(() -> jdbc.update("update shared_audit_entry set comment = 'sửa lén' where id = ?", entry))
                .satisfies(e -> assertThat(messages(e)).contains("append-only"));
        assertThatThrownBy(() -> jdbc.update("delete from shared_audit_entry where id = ?", entry))
                .satisfies(e -> assertThat(messages(e)).contains("append-only"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from shared_audit_entry where id = ? and comment is null",
                        Integer.class,
                        entry))
                .isEqualTo(1);
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
