package vn.dvk.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Chains the audit entries written before the hash chain existed: walks them in id order, fills
 * {@code prev_hash} and {@code hash}, records the head, and makes both columns NOT NULL. The append-only guard
 * is lifted for the duration only (PostgreSQL: the trigger is disabled inside this migration's transaction;
 * H2: the triggers are dropped and created again as in V202611221407). Spring Boot hands Flyway every
 * {@code JavaMigration} bean, which is why this is a component.
 */
@Component
class V202611222101__shared_audit_chain_backfill extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres =
                c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("alter table shared_audit_entry disable trigger trg_shared_audit_entry_no_change");
            } else {
                s.execute("drop trigger if exists trg_shared_audit_entry_no_update");
                s.execute("drop trigger if exists trg_shared_audit_entry_no_delete");
            }
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
            try (PreparedStatement up =
                    c.prepareStatement("update shared_audit_entry set prev_hash = ?, hash = ? where id = ?")) {
                for (AuditRow row : rows) {
                    String hash = row.expectedHash(prev);
                    up.setString(1, prev);
                    up.setString(2, hash);
                    up.setLong(3, row.id());
                    up.addBatch();
                    prev = hash;
                    lastId = row.id();
                    count++;
                }
                up.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into shared_audit_chain_head (id, last_id, last_hash, entries) values (1, ?, ?, ?)")) {
            if (count == 0) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, lastId);
            }
            ps.setString(2, prev);
            ps.setLong(3, count);
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table shared_audit_entry alter column prev_hash set not null");
            s.execute("alter table shared_audit_entry alter column hash set not null");
            if (postgres) {
                s.execute("alter table shared_audit_entry enable trigger trg_shared_audit_entry_no_change");
            } else {
                s.execute("create trigger trg_shared_audit_entry_no_update before update on shared_audit_entry"
                        + " for each row call \"vn.dvk.shared.AuditGuardTrigger\"");
                s.execute("create trigger trg_shared_audit_entry_no_delete before delete on shared_audit_entry"
                        + " for each row call \"vn.dvk.shared.AuditGuardTrigger\"");
            }
        }
    }
}
