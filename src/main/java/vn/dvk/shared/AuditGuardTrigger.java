package vn.dvk.shared;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The embedded database's guard of the audit trail: any UPDATE or DELETE of {@code shared_audit_entry} fails.
 * PostgreSQL has the same guard as a PL/pgSQL trigger (see the vendor migrations).
 */
public class AuditGuardTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("shared_audit_entry is append-only", "42501");
    }
}
