package vn.dvk.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Walks the audit trail in id order, in batches, and checks the hash chain: every entry's {@code prev_hash} must be
 * the hash of the entry before it (64 zeros for the first), its {@code hash} must be the SHA-256 of its own fields
 * (see {@link AuditHash}), and the last entry must be the one the head ({@code shared_audit_chain_head}) names,
 * with the number of entries the head counts. The walk runs in one read-only REPEATABLE READ transaction, so that
 * entries committed meanwhile neither appear half nor break it. Plain JDBC: it also runs without the application
 * (the {@code verify-audit} command).
 */
public final class AuditVerifier {

    private static final int BATCH = 1000;

    private final DataSource dataSource;

    public AuditVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The outcome: {@code ok}, how many entries were checked in order before the first break (all of them when ok),
     * the id of the first broken entry (null when ok), the chain's last hash, and why it broke.
     */
    public record Result(boolean ok, long entries, Long firstBrokenId, String lastHash, String reason) {}

    public Result verify() {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return walk(c);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private Result walk(Connection c) throws SQLException {
        Long headId;
        String headHash;
        long headEntries;
        try (PreparedStatement ps = c.prepareStatement(
                        "select last_id, last_hash, entries from shared_audit_chain_head where id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Result(false, 0, null, null, "the chain head is missing");
            }
            long id = rs.getLong(1);
            headId = rs.wasNull() ? null : id;
            headHash = rs.getString(2);
            headEntries = rs.getLong(3);
        }
        String prev = AuditHash.GENESIS;
        long lastId = 0;
        long count = 0;
        while (true) {
            List<AuditRow> rows = new ArrayList<>(BATCH);
            try (PreparedStatement ps = c.prepareStatement("select " + AuditRow.COLUMNS
                    + " from shared_audit_entry where id > ? order by id limit " + BATCH)) {
                ps.setLong(1, lastId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(AuditRow.read(rs));
                    }
                }
            }
            if (rows.isEmpty()) {
                break;
            }
            for (AuditRow row : rows) {
                if (headId == null || lastId == headId) {
                    return new Result(false, count, row.id(), prev, "entry after the end of the chain");
                }
                if (!prev.equals(row.prevHash())) {
                    return new Result(false, count, row.id(), prev, "prev_hash does not match the entry before");
                }
                String hash = row.expectedHash(prev);
                if (!hash.equals(row.hash())) {
                    return new Result(false, count, row.id(), prev, "hash does not match the entry's fields");
                }
                prev = hash;
                lastId = row.id();
                count++;
            }
        }
        if (headId == null ? count != 0 : lastId != headId || !prev.equals(headHash) || count != headEntries) {
            return new Result(
                    false, count, headId, prev, "the chain ends before its head (entries missing at the end)");
        }
        return new Result(true, count, null, prev, null);
    }
}
