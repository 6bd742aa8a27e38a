package vn.dvk.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The version of the data an answer was computed from, for caches shared by no node: every node reads it from the
 * database, so a figure cached on one node is never served after a write on another.
 *
 * <p>The data is divided into areas: each direct child of the root (a province, with every unit below it), the root
 * for the root's own units, and {@link #SOMEWHERE} for changes whose area is not known (a reorganization, a user, a
 * criteria set…). A writing transaction names the areas it changes ({@link AuditTrail#record} with the unit's path,
 * or {@link #touch}); just before it commits, each of them counts one more change in its slot (one row of
 * {@code shared_data_version}; {@link #slotOf}), in that transaction (see {@link AuditChain}). A reader's version is
 * the sum of the counts of its area's slot and of {@link #SOMEWHERE}'s; the root's reader sums them all. Counts only grow, so any change a reader could see makes its sum grow, visibly exactly when
 * the change is; a cache keyed by that version can only miss, never be stale.
 *
 * <p>Within an area, a change that touches only the models registered in one year (a registration submitted, an
 * appraisal: {@link AuditTrail#recordInYear}) counts in a row of its area and year ({@code shared_data_year_version})
 * instead. A figure of the years up to Y ({@link #of(String, int)}) cannot depend on models registered after Y, so it
 * adds only its area's rows of years up to Y: at the deadline, when this year's registrations are being sent and
 * appraised, the figures and lists of the years before stay cached. A reader of every year ({@link #of(String)})
 * adds every row of its area, so it moves with every change it could see, as before.
 */
@Service
public class DataVersions {

    /** The area of changes whose place in the tree is not known: they move every reader's version. */
    public static final long SOMEWHERE = 0L;

    /**
     * A year before every registration: {@code of(path, NO_YEAR)} is the version of what no change of one year's
     * models ({@link AuditTrail#recordInYear}) can move, only the area's other changes and everyone's.
     */
    public static final int NO_YEAR = 0;

    private final JdbcTemplate jdbc;
    private final AuditChain chain;

    DataVersions(JdbcTemplate jdbc, AuditChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    /** A version of the data and when it was made (for {@code Last-Modified}); 0 before the first change. */
    public record Version(long value, Instant changedAt) {}

    /** The version of everything a reader whose scope is the subtree at {@code scopePath} can see. */
    public Version of(String scopePath) {
        return of(scopePath, Integer.MAX_VALUE);
    }

    /**
     * The version of what a reader of the subtree at {@code scopePath} can see of the models registered up to
     * {@code throughYear} (and of everything else in its area): the version of a figure or list of those years.
     */
    public Version of(String scopePath, int throughYear) {
        List<Version> v;
        if (isRoot(scopePath)) {
            v = jdbc.query(
                    "select coalesce(sum(version), 0), max(changed_at) from (select version, changed_at"
                            + " from shared_data_version union all select version, changed_at from shared_data_year_version"
                            + " where reg_year <= ?) v",
                    (rs, i) -> version(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)),
                    throughYear);
        } else {
            long slot = slotOf(areaOf(scopePath));
            v = jdbc.query(
                    "select coalesce(sum(version), 0), max(changed_at) from (select version, changed_at"
                            + " from shared_data_version where area_id in (?, ?) union all select version, changed_at"
                            + " from shared_data_year_version where area_id = ? and reg_year <= ?) v",
                    (rs, i) -> version(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)),
                    slot,
                    slotOf(SOMEWHERE),
                    slot,
                    throughYear);
        }
        return v.isEmpty() ? new Version(0, Instant.EPOCH) : v.get(0);
    }

    /**
     * Every slot's count at once, for a reader that composes its answer from the answers of several areas (the
     * country's figures from each province's): one query, then {@link Snapshot#ofArea} for each area.
     */
    public Snapshot snapshot() {
        Map<Long, Version> slots = new HashMap<>();
        jdbc.query("select area_id, version, changed_at from shared_data_version", rs -> {
            slots.put(rs.getLong(1), version(rs.getLong(2), rs.getObject(3, OffsetDateTime.class)));
        });
        Map<Long, Map<Integer, Version>> years = new HashMap<>();
        jdbc.query("select area_id, reg_year, version, changed_at from shared_data_year_version", rs -> {
            years.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .put(rs.getInt(2), version(rs.getLong(3), rs.getObject(4, OffsetDateTime.class)));
        });
        return new Snapshot(slots, years);
    }

    /** The counts of every slot as read by {@link #snapshot}. */
    public static final class Snapshot {
        private final Map<Long, Version> slots;
        private final Map<Long, Map<Integer, Version>> years;

        private Snapshot(Map<Long, Version> slots, Map<Long, Map<Integer, Version>> years) {
            this.slots = slots;
            this.years = years;
        }

        /**
         * The version of one area's data ({@link #areaOf} of a unit's path: a province, or the root for the root's own
         * units), as {@link #of(String)} gives it for a reader of that area.
         */
        public Version ofArea(long area) {
            return ofArea(area, Integer.MAX_VALUE);
        }

        /** As {@link #ofArea(long)}, of the models registered up to {@code throughYear} ({@link #of(String, int)}). */
        public Version ofArea(long area, int throughYear) {
            Version v = plus(slots.getOrDefault(slotOf(area), ZERO), slots.getOrDefault(slotOf(SOMEWHERE), ZERO));
            for (Map.Entry<Integer, Version> y :
                    years.getOrDefault(slotOf(area), Map.of()).entrySet()) {
                if (y.getKey() <= throughYear) {
                    v = plus(v, y.getValue());
                }
            }
            return v;
        }

        private static Version plus(Version a, Version b) {
            return new Version(
                    a.value() + b.value(), a.changedAt().isAfter(b.changedAt()) ? a.changedAt() : b.changedAt());
        }
    }

    /** The version before any change; also the version of what no change of the data moves (the menu). */
    public static final Version ZERO = new Version(0, Instant.EPOCH);

    /** Marks the area of the unit at {@code unitPath} as changed by the current transaction. */
    public void touch(String unitPath) {
        chain.touch(areaOf(unitPath));
    }

    /**
     * Marks the area of the unit at {@code unitPath} as changed by the current transaction, in the models registered in
     * {@code regYear} only (see the class's comment): only for a change that no figure of an earlier year can see.
     */
    public void touchYear(String unitPath, int regYear) {
        chain.touchYear(areaOf(unitPath), regYear);
    }

    /** Marks the current transaction as a change anywhere: every reader's version moves when it commits. */
    public void touchEverywhere() {
        chain.touch(SOMEWHERE);
    }

    /**
     * The area of a unit from its materialized path ({@code /root/province/…/}): the province's id, or the root's for
     * the root itself.
     */
    public static long areaOf(String path) {
        if (path == null || path.length() < 3 || path.charAt(0) != '/') {
            return SOMEWHERE;
        }
        String[] parts = path.substring(1).split("/");
        try {
            return Long.parseLong(parts.length >= 2 ? parts[1] : parts[0]);
        } catch (NumberFormatException e) {
            return SOMEWHERE;
        }
    }

    /** The row that counts an area's changes: 0 for {@link #SOMEWHERE}, 1 to {@value #AREA_SLOTS} for the areas. */
    static long slotOf(long area) {
        return area == SOMEWHERE ? 0 : 1 + Math.floorMod(area, AREA_SLOTS);
    }

    /** How many rows count the areas' changes (V202612020900 creates them with the slot of "somewhere"). */
    static final int AREA_SLOTS = 63;

    private static boolean isRoot(String path) {
        return path != null && path.length() > 1 && path.indexOf('/', 1) == path.length() - 1;
    }

    private static Version version(long value, OffsetDateTime at) {
        return new Version(value, at == null ? Instant.EPOCH : at.toInstant());
    }
}
