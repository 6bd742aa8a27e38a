package vn.dvk.unit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The embedded database's new version of the unit tree after each row of units changed (a statement trigger may not write in autocommit) (see the migration
 * {@code unit_tree_version}); PostgreSQL does the same with a PL/pgSQL trigger.
 */
public class TreeVersionTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement(
                "update unit_tree_version set version = nextval('unit_tree_version_seq') where id = 1")) {
            s.executeUpdate();
        }
    }
}
