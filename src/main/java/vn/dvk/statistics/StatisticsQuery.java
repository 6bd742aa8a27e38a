package vn.dvk.statistics;

import vn.dvk.model.Field;
import vn.dvk.shared.Level;

/** What to count: a unit's subtree, a span of years, optionally one level and one field. */
public record StatisticsQuery(
        String unit, int fromYear, int toYear, boolean period, Level level, Field field, Boundary boundary) {

    /** Which unit boundaries to count within. */
    public enum Boundary {
        /** Today's unit with the history of its predecessors. */
        CURRENT,
        /** The unit as it was. */
        HISTORICAL
    }
}
