package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.storage.FileStore;
import vn.dvk.support.IntegrationTest;

/** Exports finished before the file store kept their bytes in the row; the start-up step moves them to the store. */
class LegacyExportFilesTests extends IntegrationTest {

    @Autowired
    LegacyExportFiles legacy;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore files;

    @Test
    void anOldExportsBytesMoveToTheStoreOnceAndLeaveTheRow() throws Exception {
        byte[] bytes = "Báo cáo năm cũ, tệp trong cơ sở dữ liệu".getBytes(StandardCharsets.UTF_8);
        Timestamp then = Timestamp.from(Instant.parse("2026-11-25T03:00:00Z"));
        jdbc.update(
                "insert into statistics_job (kind, params, requested_by, status, done_steps, total_steps,"
                        + " file_name, content_type, content, content_size, created_at, heartbeat_at, finished_at)"
                        + " values ('STATISTICS', '', 'legacy-user', 'DONE', 1, 1, 'thong-ke.xlsx', 'application/pdf', ?, ?,"
                        + " ?, ?, ?)",
                bytes,
                bytes.length,
                then,
                then,
                then);
        long id = jdbc.queryForObject(
                "select max(id) from statistics_job where requested_by = 'legacy-user'", Long.class);

        int first = legacy.move();
        Map<String, Object> row =
                jdbc.queryForMap("select content, content_key, content_size from statistics_job" + " where id = ?", id);
        int second = legacy.move();
        String keyAfterSecond =
                jdbc.queryForObject("select content_key from statistics_job where id = ?", String.class, id);

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(row.get("content")).isNull();
        assertThat((String) row.get("content_key")).startsWith("exports/");
        assertThat(((Number) row.get("content_size")).longValue()).isEqualTo(bytes.length);
        try (InputStream in = files.open((String) row.get("content_key"))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(second).isZero();
        assertThat(keyAfterSecond).isEqualTo(row.get("content_key"));
    }
}
