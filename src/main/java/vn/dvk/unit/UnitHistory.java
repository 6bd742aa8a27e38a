package vn.dvk.unit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code unit_path_history}: one row per period in which a unit had a given parent, path and name. Every
 * change of the tree closes the rows of the units it touches on the effective date and opens new ones.
 */
@Component
class UnitHistory {

    /** History rows of units that existed "always" (created without a validity date) start here. */
    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitCache cache;

    UnitHistory(NamedParameterJdbcTemplate jdbc, UnitCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** Opens the first history row of a new unit, from its own validity date or from the beginning. */
    void opened(long unitId) {
        jdbc.update(
                "insert into unit_path_history (unit_id, parent_id, path, name, valid_from)"
                        + " select id, parent_id, path, name, coalesce(valid_from, :beginning) from unit_unit where id = :id",
                new MapSqlParameterSource("id", unitId).addValue("beginning", Date.valueOf(BEGINNING)));
    }

    /**
     * Re-hangs the subtree of {@code unitPath} (the unit and all below it) under a new parent: paths are rewritten
     * in one statement, and the history of every unit moved is closed and reopened on {@code date}.
     *
     * @return how many units moved
     */
    int moveSubtree(long unitId, String unitPath, long newParentId, String newParentPath, LocalDate date) {
        String newPath = newParentPath + unitId + "/";
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", unitPath + "%")
                .addValue("oldLength", unitPath.length() + 1)
                .addValue("newPath", newPath)
                .addValue("date", Date.valueOf(date))
                .addValue("id", unitId)
                .addValue("parent", newParentId);
        cache.changed();
        close(p);
        int moved = jdbc.update(
                "update unit_unit set path = :newPath || substr(path, :oldLength)" + " where path like :prefix", p);
        jdbc.update("update unit_unit set parent_id = :parent where id = :id", p);
        p.addValue("prefix", newPath + "%");
        open(p);
        return moved;
    }

    /** Records a new name of one unit from {@code date} on. */
    void rename(long unitId, String path, String name, LocalDate date) {
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", path)
                .addValue("date", Date.valueOf(date))
                .addValue("id", unitId)
                .addValue("name", name);
        cache.changed();
        close(p);
        jdbc.update("update unit_unit set name = :name where id = :id", p);
        open(p);
    }

    /** Ends a unit on {@code date}: from then on it only carries history. */
    void end(long unitId, LocalDate date) {
        cache.changed();
        jdbc.update(
                "update unit_unit set valid_to = :date where id = :id",
                new MapSqlParameterSource("id", unitId).addValue("date", Date.valueOf(date)));
    }

    /** The materialized path a unit had on a date, or its current path if history does not say. */
    String pathOn(long unitId, String currentPath, LocalDate date) {
        return jdbc.query(
                "select path from unit_path_history where unit_id = :id and valid_from <= :d"
                        + " and (valid_to is null or valid_to > :d) order by valid_from desc",
                new MapSqlParameterSource("id", unitId).addValue("d", Date.valueOf(date)),
                rs -> rs.next() ? rs.getString(1) : currentPath);
    }

    List<String> successors(long unitId) {
        return jdbc.queryForList(
                "select u.code from unit_succession s join unit_unit u on u.id = s.successor_id"
                        + " where s.predecessor_id = :id order by u.code",
                new MapSqlParameterSource("id", unitId),
                String.class);
    }

    List<String> predecessors(long unitId) {
        return jdbc.queryForList(
                "select u.code from unit_succession s join unit_unit u on u.id = s.predecessor_id"
                        + " where s.successor_id = :id order by u.code",
                new MapSqlParameterSource("id", unitId),
                String.class);
    }

    private void close(MapSqlParameterSource p) {
        jdbc.update(
                "update unit_path_history set valid_to = :date where valid_to is null and valid_from < :date"
                        + " and unit_id in (select id from unit_unit where path like :prefix)",
                p);
        jdbc.update(
                "delete from unit_path_history where valid_to is null and valid_from >= :date"
                        + " and unit_id in (select id from unit_unit where path like :prefix)",
                p);
    }

    private void open(MapSqlParameterSource p) {
        jdbc.update(
                "insert into unit_path_history (unit_id, parent_id, path, name, valid_from)"
                        + " select id, parent_id, path, name, :date from unit_unit where path like :prefix",
                p);
    }
}
