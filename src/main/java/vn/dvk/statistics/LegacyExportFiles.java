package vn.dvk.statistics;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.storage.FileStore;

/**
 * At start-up (before readiness), moves the files of exports finished before the file store from the row's
 * {@code content} column to the {@link FileStore}: each file is put under a new key, then the row gets the key and loses
 * its bytes in one update guarded by {@code content_key is null}. Idempotent and safe on several nodes at once: a row
 * already moved is skipped, and an object whose update found the row moved (or failed) is deleted again. When the store
 * cannot be reached the start goes on, the rows are served from the database, and the next start tries again.
 */
@Component
class LegacyExportFiles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyExportFiles.class);

    private record Legacy(byte[] content, String contentType) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final FileStore files;

    LegacyExportFiles(JdbcTemplate jdbc, PlatformTransactionManager tx, FileStore files) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
        this.files = files;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            int moved = move();
            if (moved > 0) {
                log.info("Moved the files of {} finished exports from the database to {}", moved, files.describe());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Could not move the files of old exports to {} (tried again at the next start): {}",
                    files.describe(),
                    e.getMessage());
        }
    }

    /** Moves every export file still kept in the database; answers how many this call moved. */
    int move() {
        List<Long> ids = jdbc.queryForList(
                "select id from statistics_job where content is not null" + " and content_key is null order by id",
                Long.class);
        int moved = 0;
        for (long id : ids) {
            List<Legacy> rows = jdbc.query(
                    "select content, content_type from statistics_job where id = ?"
                            + " and content is not null and content_key is null",
                    (rs, i) -> new Legacy(rs.getBytes(1), rs.getString(2)),
                    id);
            if (rows.isEmpty()) {
                continue;
            }
            Legacy row = rows.get(0);
            String key = ExportJobs.newKey();
            files.put(key, row.content(), row.contentType() == null ? "application/octet-stream" : row.contentType());
            Integer updated;
            try {
                updated = tx.execute(s -> jdbc.update(
                        "update statistics_job set content_key = ?, content = null,"
                                + " content_size = ? where id = ? and content_key is null",
                        key,
                        row.content().length,
                        id));
            } catch (RuntimeException e) {
                files.delete(key);
                throw e;
            }
            if (updated == null || updated == 0) {
                files.delete(key);
            } else {
                moved++;
            }
        }
        return moved;
    }
}
