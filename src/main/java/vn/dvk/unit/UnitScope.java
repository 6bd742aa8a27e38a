package vn.dvk.unit;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The units a count covers: the subtree under {@code prefix} today ({@code asOf} null), or the units whose path
 * on {@code asOf} lay under {@code prefix} (the tree as it was).
 */
public record UnitScope(String prefix, LocalDate asOf) {

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
}
