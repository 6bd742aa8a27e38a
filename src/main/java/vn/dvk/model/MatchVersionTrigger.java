package vn.dvk.model;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;
import vn.dvk.shared.TriggerColumns;

/**
 * The embedded database's new version of which models a count of the country's list can find (see the migration
 * {@code model_match_version}), after each model added or removed, and each change that can move a model in or out of
 * such a count: into or out of the drafts, its words (title and holder, summary), field, level, registration year or
 * unit. PostgreSQL applies the same tests with PL/pgSQL triggers.
 */
public class MatchVersionTrigger implements Trigger {

    private static final String BUMP = "update model_match_version set version ="
            + " nextval('model_match_version_seq'), changed_at = current_timestamp where id = 1";
    /** The columns whose change moves a model in or out of a count (besides the drafts). */
    private static final List<String> MATCHED =
            List.of("search_text", "search_body", "field", "level", "reg_year", "unit_id");

    /** Column positions, read at the first row (several sessions may fire the trigger at once: replaced whole). */
    private volatile Map<String, Integer> columns = Map.of();

    private String schema;

    @Override
    public void init(
            Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        schema = schemaName;
        columns = Map.of();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (columns.isEmpty()) {
            columns = TriggerColumns.of(conn, schema, "model_model");
        }
        if (oldRow == null || newRow == null || moved(oldRow, newRow)) {
            try (PreparedStatement s = conn.prepareStatement(BUMP)) {
                s.executeUpdate();
            }
        }
    }

    private boolean moved(Object[] before, Object[] after) throws SQLException {
        if ("DRAFT".equals(get(before, "status")) != "DRAFT".equals(get(after, "status"))) {
            return true;
        }
        for (String c : MATCHED) {
            if (!Objects.equals(text(get(before, c)), text(get(after, c)))) {
                return true;
            }
        }
        return false;
    }

    /** A large text (the summary's words) as its characters, which its object does not compare by. */
    private static Object text(Object value) throws SQLException {
        return value instanceof Clob c ? c.getSubString(1, (int) c.length()) : value;
    }

    private Object get(Object[] row, String column) {
        return row[Objects.requireNonNull(columns.get(column), column)];
    }
}
