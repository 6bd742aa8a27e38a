package vn.dvk.showcase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;
import vn.dvk.shared.TriggerColumns;

/**
 * The embedded database's new version of the public library after each changed row the public pages show (see the
 * migrations {@code showcase_public_version}): a public model (recognized, not retired) before or after the change,
 * a recognized proposal, a citizen's rating, a public photo, the progress of a public model, an indicator. PostgreSQL
 * applies the same tests once per statement with PL/pgSQL triggers.
 */
public class PublicVersionTrigger implements Trigger {

    private static final String BUMP = "update showcase_public_version set version ="
            + " nextval('showcase_public_version_seq'), changed_at = current_timestamp where id = 1";
    private static final String PUBLIC =
            " and m.recognized_level is not null and m.status <> 'RETIRED'" + " and m.retired_year is null";
    /** The tables, longest name first (a trigger's name holds its table's name; see {@link #init}). */
    private static final List<String> TABLES = List.of(
                    "model_model",
                    "recognition_proposal",
                    "showcase_feedback",
                    "progress_evidence",
                    "progress_report",
                    "progress_value",
                    "progress_model_indicator",
                    "progress_indicator")
            .stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    /** Column positions, read once (several sessions may fire the trigger at once: the map is replaced whole). */
    private volatile Map<String, Integer> columns = Map.of();

    private String table;
    private String schema;

    /**
     * Which table, from the trigger's name: when a migration alters the table, H2 initialises the trigger again on a
     * copy with another name; the columns are read at the first row, from the table itself.
     */
    @Override
    public void init(
            Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        String name = triggerName.toLowerCase(Locale.ROOT);
        table = TABLES.stream()
                .filter(name::contains)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no public table in trigger " + triggerName));
        schema = schemaName;
        columns = Map.of();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (columns.isEmpty()) {
            columns(conn);
        }
        if ((oldRow != null && shown(conn, oldRow)) || (newRow != null && shown(conn, newRow))) {
            try (PreparedStatement s = conn.prepareStatement(BUMP)) {
                s.executeUpdate();
            }
        }
    }

    /** True when the public pages show this row (the same tests as PostgreSQL's triggers). */
    private boolean shown(Connection conn, Object[] row) throws SQLException {
        return switch (table) {
            case "model_model" ->
                get(row, "recognized_level") != null
                        && !"RETIRED".equals(get(row, "status"))
                        && get(row, "retired_year") == null;
            case "recognition_proposal" -> "RECOGNIZED".equals(get(row, "status"));
            case "progress_evidence" -> Boolean.TRUE.equals(get(row, "public_photo"));
            case "progress_report", "progress_model_indicator" ->
                exists(conn, "select 1 from model_model m where m.id = ?" + PUBLIC, get(row, "model_id"));
            case "progress_value" ->
                exists(
                        conn,
                        "select 1 from progress_report p join model_model m" + " on m.id = p.model_id where p.id = ?"
                                + PUBLIC,
                        get(row, "report_id"));
            default -> true; // showcase_feedback, progress_indicator: every row
        };
    }

    private static boolean exists(Connection conn, String sql, Object id) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void columns(Connection conn) throws SQLException {
        columns = TriggerColumns.of(conn, schema, table);
    }

    private Object get(Object[] row, String column) {
        return row[Objects.requireNonNull(columns.get(column), column)];
    }
}
