package vn.dvk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.progress.EvidenceStore;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;

/**
 * Files and records agree, whichever the store: no object outlives a rolled-back upload, and the sweep finds the
 * objects no record points at. Run on the local folder ({@link StoredFilesTests}) and on S3Proxy
 * ({@link S3StorageJourneyTests}).
 */
abstract class StoredFilesContract extends IntegrationTest {

    @Autowired
    EvidenceStore evidence;

    @Autowired
    PlatformTransactionManager tx;

    @Autowired
    FileStore files;

    @Autowired
    OrphanFiles sweep;

    @Autowired
    JdbcTemplate jdbc;

    /** An upload whose transaction rolls back leaves no object; one whose transaction commits stays. */
    @Test
    void aRolledBackUploadLeavesNoObject() {
        TransactionTemplate t = new TransactionTemplate(tx);
        String[] rolledBack = new String[1];
        EvidenceStore.Checked photo = evidence.check("file", EvidenceStore.Upload.of("anh.png", Multipart.png()));

        assertThatThrownBy(() -> t.executeWithoutResult(s -> {
                    rolledBack[0] = key(evidence.store(photo).storedName());
                    assertThat(files.exists(rolledBack[0])).isTrue();
                    throw new IllegalStateException("the record could not be saved");
                }))
                .hasMessage("the record could not be saved");
        String committed = t.execute(s -> key(evidence.store(photo).storedName()));

        assertThat(files.exists(rolledBack[0])).isFalse();
        assertThat(files.exists(committed)).isTrue();
        files.delete(committed);
    }

    /** The sweep lists and deletes objects no record points at, but only those written before the given time. */
    @Test
    void theSweepTakesOnlyOldObjectsNoRecordPointsAt() {
        String orphanExport = "exports/" + hex().substring(0, 2) + "/" + hex();
        String evidenceName = hex();
        String orphanEvidence = evidenceName.substring(0, 2) + "/" + evidenceName;
        String keptExport = "exports/" + hex().substring(0, 2) + "/" + hex();
        for (String k : List.of(orphanExport, orphanEvidence, keptExport)) {
            files.put(k, new byte[] {1, 2, 3}, "application/octet-stream");
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "insert into statistics_job (kind, params, requested_by, status, done_steps, total_steps,"
                        + " file_name, content_type, content_key, content_size, created_at, heartbeat_at, finished_at)"
                        + " values ('STATISTICS', '', 'sweep-user', 'DONE', 1, 1, 'a.xlsx', 'application/pdf', ?, 3, ?, ?, ?)",
                keptExport,
                now,
                now,
                now);

        List<String> young = sweep.sweep(Instant.now().minusSeconds(3600), false);
        List<String> listed = sweep.sweep(Instant.now().plusSeconds(60), false);
        boolean stillThere = files.exists(orphanExport) && files.exists(orphanEvidence);
        List<String> deleted = sweep.sweep(Instant.now().plusSeconds(60), true);

        assertThat(young).doesNotContain(orphanExport, orphanEvidence, keptExport);
        assertThat(listed).contains(orphanExport, orphanEvidence).doesNotContain(keptExport);
        assertThat(stillThere).isTrue();
        assertThat(deleted).contains(orphanExport, orphanEvidence).doesNotContain(keptExport);
        assertThat(files.exists(orphanExport)).isFalse();
        assertThat(files.exists(orphanEvidence)).isFalse();
        assertThat(files.exists(keptExport)).isTrue();
    }

    private static String key(String storedName) {
        return storedName.substring(0, 2) + "/" + storedName;
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
