package vn.dvk.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * For the embedded database's Java triggers, which receive a changed row as an array: the position of each column of
 * a table, by lower-case name, as the table has them now.
 */
public final class TriggerColumns {

    private TriggerColumns() {}

    /** Column name (lower case) → index in the trigger's row array. */
    public static Map<String, Integer> of(Connection conn, String schema, String table) throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        try (PreparedStatement s = conn.prepareStatement("select column_name, ordinal_position"
                + " from information_schema.columns where lower(table_name) = ? and lower(table_schema) = ?")) {
            s.setString(1, table);
            s.setString(2, schema.toLowerCase(Locale.ROOT));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2) - 1);
                }
            }
        }
        return Map.copyOf(found);
    }
}
