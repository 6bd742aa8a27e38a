package vn.dvk.unit;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The units a count covers: the subtree under {@code prefix} today ({@code asOf} null), or the units whose path
 * on {@code asOf} lay under {@code prefix} (the tree as it was). {@code unitId}, when known, is the unit whose subtree
 * it is: then rows that carry their own date can be placed in the tree of that date ({@link #conditionOn}).
 */
public record UnitScope(String prefix, LocalDate asOf, Long unitId) {

    public UnitScope(String prefix, LocalDate asOf) {
        this(prefix, asOf, null);
    }

    /** An SQL condition on a unit-id column, adding its parameters (scopePrefix, scopeAsOf) to {@code params}. */
    public String condition(String unitIdColumn, MapSqlParameterSource params) {
        params.addValue("scopePrefix", prefix + "%");
        if (asOf == null) {
            return unitIdColumn + " in (select su.id from unit_unit su where su.path like :scopePrefix)";
        }
        params.addValue("scopeAsOf", Date.valueOf(asOf));
        return unitIdColumn + " in (select sh.unit_id from unit_path_history sh where sh.path like :scopePrefix"
                + " and sh.valid_from <= :scopeAsOf and (sh.valid_to is null or sh.valid_to > :scopeAsOf))";
    }

    /**
     * Today's subtree as a condition on the path column of a unit the statement joins to its rows (adding
     * {@code scopePrefix}): the index of paths finds the subtree's units and each unit's rows follow, where
     * {@link #condition}'s subquery on the row's unit id may hash every unit (a province's drill-down by models
     * 26 → 7 ms alone; docs/PERFORMANCE.md, thirteenth round). Only for today's boundaries.
     */
    public String pathCondition(String pathColumn, MapSqlParameterSource params) {
        if (asOf != null) {
            throw new IllegalStateException("the tree as it was on " + asOf + " is not today's paths");
        }
        params.addValue("scopePrefix", prefix + "%");
        return pathColumn + " like :scopePrefix";
    }

    /**
     * As {@link #condition}, for rows dated by {@code dateExpr} (an SQL date expression of the row, which may use
     * {@code :scopeAsOf}, this scope's date): in the tree as it was, a row counts when its unit lay, on the row's own
     * date, under the place this scope's unit had on that date; never under a unit that did not exist on that date
     * (one dissolved or merged before, or made after). Today's subtree ignores the dates.
     */
    public String conditionOn(String unitIdColumn, String dateExpr, MapSqlParameterSource params) {
        if (asOf == null || unitId == null) {
            return condition(unitIdColumn, params);
        }
        params.addValue("scopeUnit", unitId);
        params.addValue("scopeAsOf", Date.valueOf(asOf));
        return "exists (select 1 from unit_path_history sh, unit_path_history qh where sh.unit_id = " + unitIdColumn
                + " and qh.unit_id = :scopeUnit"
                + " and sh.valid_from <= " + dateExpr + " and (sh.valid_to is null or sh.valid_to > " + dateExpr + ")"
                + " and qh.valid_from <= " + dateExpr + " and (qh.valid_to is null or qh.valid_to > " + dateExpr + ")"
                + " and sh.path like concat(qh.path, '%'))";
    }
}
