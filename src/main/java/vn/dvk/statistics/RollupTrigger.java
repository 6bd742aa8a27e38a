package vn.dvk.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;
import vn.dvk.shared.TriggerColumns;

/**
 * The embedded database's maintenance of the statistics deltas (see the migration {@code statistics_rollup}): after
 * a change of a model or a proposal, -1 for the row's former counted attributes and +1 for its new ones.
 * PostgreSQL does the same with PL/pgSQL triggers.
 */
public class RollupTrigger implements Trigger {

    private static final String INSERT_MODEL = "insert into statistics_model_delta (area_id, reg_year, field,"
            + " holder_type, origin, level, status, appraisal_outcome, submitted, retired_year, n)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PROPOSAL = "insert into statistics_proposal_delta (area_id, proposal_year,"
            + " field, holder_type, origin, level, status, n)"
            + " select ?, ?, m.field, m.holder_type, m.origin, ?, ?, ? from model_model m where m.id = ?";

    /** Column positions, read once (several sessions may fire the trigger at once: the map is replaced whole). */
    private volatile Map<String, Integer> columns = Map.of();

    private boolean models;
    private String table;
    private String schema;

    /**
     * Which table, from the trigger's name: when a migration alters the table, H2 initialises the trigger again on a
     * copy with another name; the columns are read at the first row, from the table itself.
     */
    @Override
    public void init(
            Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        models = triggerName.toLowerCase(Locale.ROOT).contains("model_model");
        table = models ? "model_model" : "recognition_proposal";
        schema = schemaName;
        columns = Map.of();
    }

    private void columns(Connection conn) throws SQLException {
        columns = TriggerColumns.of(conn, schema, table);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (columns.isEmpty()) {
            columns(conn);
        }
        Object[] before = oldRow == null ? null : key(conn, oldRow);
        Object[] after = newRow == null ? null : key(conn, newRow);
        if (before != null && after != null && Arrays.equals(before, after)) {
            return;
        }
        if (before != null) {
            append(conn, oldRow, before, -1);
        }
        if (after != null) {
            append(conn, newRow, after, 1);
        }
    }

    /** What the row counts under: its area and the attributes the statistics group or filter by. */
    private Object[] key(Connection conn, Object[] row) throws SQLException {
        if (models) {
            return new Object[] {
                area(conn, (Long) get(row, "unit_id")),
                get(row, "reg_year"),
                get(row, "field"),
                get(row, "holder_type"),
                get(row, "origin"),
                get(row, "level"),
                get(row, "status"),
                get(row, "appraisal_outcome"),
                get(row, "submitted_at") != null,
                get(row, "retired_year")
            };
        }
        Long modelId = (Long) get(row, "model_id");
        Long unitId = null;
        try (PreparedStatement s = conn.prepareStatement("select unit_id from model_model where id = ?")) {
            s.setLong(1, modelId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    unitId = rs.getLong(1);
                }
            }
        }
        return new Object[] {
            unitId == null ? null : area(conn, unitId),
            get(row, "proposal_year"),
            get(row, "level"),
            get(row, "status"),
            modelId
        };
    }

    private void append(Connection conn, Object[] row, Object[] key, int n) throws SQLException {
        if (key[0] == null) {
            return;
        }
        try (PreparedStatement s = conn.prepareStatement(models ? INSERT_MODEL : INSERT_PROPOSAL)) {
            for (int i = 0; i < key.length - (models ? 0 : 1); i++) {
                s.setObject(i + 1, key[i]);
            }
            if (models) {
                s.setInt(key.length + 1, n);
            } else {
                s.setInt(key.length, n);
                s.setObject(key.length + 1, key[key.length - 1]);
            }
            s.executeUpdate();
        }
    }

    private Object get(Object[] row, String column) {
        return row[Objects.requireNonNull(columns.get(column), column)];
    }

    /** The second id of the unit's materialized path (/root/area/…/), or the first for the root itself. */
    static Long area(Connection conn, Long unitId) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement("select path from unit_scope where id = ?")) {
            s.setLong(1, unitId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? area(rs.getString(1)) : null;
            }
        }
    }

    static Long area(String path) {
        String[] ids = path.split("/");
        // "/1/5/900/" splits into "", "1", "5", "900"
        return Long.valueOf(ids.length > 2 ? ids[2] : ids[1]);
    }
}
