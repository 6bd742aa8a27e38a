package vn.dvk.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Problems;
import vn.dvk.shared.TextFolding;

/**
 * Loads the official administrative map in force since 1 July 2025 (34 provinces, 3,321 communes and wards, see
 * docs/VN-MAP.md) under the root unit, optionally with the 63 former provinces and their districts as historical
 * units that ended on that date and hang under their successor province, and the table that resolves a former
 * commune to the one that took it over. Bulk SQL: the whole map loads in one transaction.
 */
@Service
public class OfficialMap {

    /** The map after Resolution 202/2025/QH15. */
    public static final String VN_2025 = "vn-2025";
    /** The day the new map took effect. */
    public static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);

    static final String PREFIX = "VN-";

    /** What a load created. */
    public record LoadResult(
            int provinces, int communes, int formerProvinces, int formerDistricts, int mappings, long millis)
            implements Serializable {}

    /** A former commune and where it went. */
    public record Resolution(
            String oldCode,
            String oldName,
            String oldDistrict,
            String oldProvince,
            String newCode,
            String newName,
            String provinceCode,
            String provinceName) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitDirectory directory;
    private final UnitCache cache;
    private final AuditTrail audit;
    private final Clock clock;

    OfficialMap(
            NamedParameterJdbcTemplate jdbc, UnitDirectory directory, UnitCache cache, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean loaded() {
        return directory.byCode(PREFIX + "01").isPresent();
    }

    @Transactional
    public LoadResult load(Actor actor, String map, boolean withHistory) {
        UnitPolicy.require(actor, UnitPolicy.Act.LOAD_MAP);
        if (!VN_2025.equals(map)) {
            throw new Problems.Invalid("map", "unit.map.unknown");
        }
        if (loaded()) {
            throw new Problems.Conflict("unit.map.loaded");
        }
        cache.changed();
        long started = System.nanoTime();
        UnitRef root = directory.ensureRoot();
        List<String[]> rows = read("/units/vn-2025.tsv.gz");
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Long> provinceIds = new HashMap<>();
        Map<String, String> provincePaths = new HashMap<>();
        int provinces = 0;
        for (String[] r : rows) {
            if (r[0].equals("P")) {
                long id = insert(PREFIX + r[1], r[2], "PROVINCE", root.id(), root.path(), EFFECTIVE, null, now);
                provinceIds.put(r[1], id);
                provincePaths.put(r[1], root.path() + id + "/");
                provinces++;
            }
        }
        List<SqlParameterSource> wards = new ArrayList<>();
        for (String[] r : rows) {
            if (r[0].equals("W")) {
                wards.add(unitRow(PREFIX + r[1], r[2], "COMMUNE", provinceIds.get(r[3]), EFFECTIVE, null, now));
            }
        }
        jdbc.batchUpdate(INSERT_UNIT, wards.toArray(SqlParameterSource[]::new));
        for (Map.Entry<String, Long> p : provinceIds.entrySet()) {
            jdbc.update(
                    "update unit_unit set path = :path || id || '/' where parent_id = :id and path = ''",
                    new MapSqlParameterSource("path", provincePaths.get(p.getKey())).addValue("id", p.getValue()));
        }
        jdbc.update(
                "insert into unit_path_history (unit_id, parent_id, path, name, valid_from)"
                        + " select id, parent_id, path, name, valid_from from unit_unit where code like 'VN-%'",
                new MapSqlParameterSource());

        int formerProvinces = 0;
        int formerDistricts = 0;
        if (withHistory) {
            long reorg = reorganization(actor, now);
            Map<String, Long> oldProvinceIds = new HashMap<>();
            int n = 0;
            for (String[] r : rows) {
                if (r[0].equals("O")) {
                    String code = String.format("VNH-P%02d", ++n);
                    long id = former(
                            code,
                            r[1],
                            "PROVINCE",
                            root.id(),
                            root.path(),
                            provinceIds.get(r[2]),
                            provincePaths.get(r[2]),
                            reorg,
                            now);
                    oldProvinceIds.put(r[1], id);
                    formerProvinces++;
                }
            }
            n = 0;
            for (String[] r : rows) {
                if (r[0].equals("D") && oldProvinceIds.containsKey(r[1])) {
                    long parent = oldProvinceIds.get(r[1]);
                    String parentPath = jdbc.queryForObject(
                            "select path from unit_unit where id = :id",
                            new MapSqlParameterSource("id", parent),
                            String.class);
                    String historicalParentPath = root.path() + parent + "/";
                    former(
                            String.format("VNH-D%03d", ++n),
                            r[2],
                            "DISTRICT",
                            parent,
                            historicalParentPath,
                            provinceIds.get(r[3]),
                            parentPath,
                            reorg,
                            now);
                    formerDistricts++;
                }
            }
        }

        Map<String, Long> wardIds = new HashMap<>();
        jdbc.query(
                "select code, id from unit_unit where code like 'VN-%'",
                new MapSqlParameterSource(), rs -> {
                    wardIds.put(rs.getString(1).substring(PREFIX.length()), rs.getLong(2));
                });
        List<SqlParameterSource> mappings = new ArrayList<>();
        for (String[] r : rows) {
            if (r[0].equals("M") && wardIds.containsKey(r[5])) {
                mappings.add(new MapSqlParameterSource("code", r[1].isEmpty() ? null : r[1])
                        .addValue("name", r[2])
                        .addValue("folded", TextFolding.fold(r[2]))
                        .addValue("district", r[3])
                        .addValue("province", r[4])
                        .addValue("unit", wardIds.get(r[5])));
            }
        }
        jdbc.batchUpdate(
                "insert into unit_ward_mapping (old_code, old_name, old_name_folded, old_district,"
                        + " old_province, new_unit_id) values (:code, :name, :folded, :district, :province, :unit)",
                mappings.toArray(SqlParameterSource[]::new));
        audit.record(
                actor.username(), "UNIT", root.id(), "LOAD_MAP", null, null, map + (withHistory ? " +history" : ""));
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new LoadResult(provinces, wards.size(), formerProvinces, formerDistricts, mappings.size(), millis);
    }

    /** Where a former commune went: by its old code, or by its name (without accents), within a former province. */
    @Transactional(readOnly = true)
    public List<Resolution> resolve(String oldCode, String oldName, String oldProvince) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder();
        if (oldCode != null && !oldCode.isBlank()) {
            where.append(" and m.old_code = :code");
            p.addValue("code", oldCode.trim());
        }
        if (oldName != null && !oldName.isBlank()) {
            where.append(" and m.old_name_folded = :name");
            p.addValue("name", TextFolding.fold(oldName));
        }
        if (where.isEmpty()) {
            throw new Problems.Invalid("oldCode", "validation.required");
        }
        List<Resolution> found = jdbc.query(
                "select m.old_code, m.old_name, m.old_district, m.old_province,"
                        + " u.code, u.name, pu.code, pu.name from unit_ward_mapping m join unit_unit u on u.id = m.new_unit_id"
                        + " join unit_unit pu on pu.id = u.parent_id where 1 = 1" + where + " order by m.id",
                p,
                (rs, i) -> new Resolution(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)));
        if (oldProvince == null || oldProvince.isBlank()) {
            return found;
        }
        String province = TextFolding.fold(oldProvince);
        return found.stream()
                .filter(r -> TextFolding.fold(r.oldProvince()).contains(province))
                .toList();
    }

    private static final String INSERT_UNIT = "insert into unit_unit (code, name, level, kind, parent_id, path,"
            + " valid_from, valid_to, created_at) values (:code, :name, :level, 'AREA', :parent, '', :from, :to, :at)";

    private static MapSqlParameterSource unitRow(
            String code, String name, String level, Long parent, LocalDate from, LocalDate to, Timestamp now) {
        return new MapSqlParameterSource("code", code)
                .addValue("name", name)
                .addValue("level", level)
                .addValue("parent", parent)
                .addValue("from", from == null ? null : Date.valueOf(from))
                .addValue("to", to == null ? null : Date.valueOf(to))
                .addValue("at", now);
    }

    private long insert(
            String code,
            String name,
            String level,
            long parent,
            String parentPath,
            LocalDate from,
            LocalDate to,
            Timestamp now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(INSERT_UNIT, unitRow(code, name, level, parent, from, to, now), key, new String[] {"id"});
        long id = key.getKey().longValue();
        jdbc.update(
                "update unit_unit set path = :path where id = :id",
                new MapSqlParameterSource("path", parentPath + id + "/").addValue("id", id));
        return id;
    }

    /**
     * A former unit: it sat under {@code historicalParent} until the new map took effect, then ended and hangs
     * under its successor province (directly, or through its former province).
     */
    private long former(
            String code,
            String name,
            String level,
            long historicalParent,
            String historicalParentPath,
            long successor,
            String currentParentPath,
            long reorg,
            Timestamp now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        long currentParent = level.equals("PROVINCE") ? successor : historicalParent;
        jdbc.update(
                INSERT_UNIT, unitRow(code, name, level, currentParent, null, EFFECTIVE, now), key, new String[] {"id"});
        long id = key.getKey().longValue();
        String currentPath = currentParentPath + id + "/";
        jdbc.update(
                "update unit_unit set path = :path where id = :id",
                new MapSqlParameterSource("path", currentPath).addValue("id", id));
        MapSqlParameterSource h = new MapSqlParameterSource("id", id)
                .addValue("name", name)
                .addValue("beginning", Date.valueOf(UnitHistory.BEGINNING))
                .addValue("effective", Date.valueOf(EFFECTIVE))
                .addValue("oldParent", historicalParent)
                .addValue("oldPath", historicalParentPath + id + "/")
                .addValue("parent", currentParent)
                .addValue("path", currentPath);
        jdbc.update(
                "insert into unit_path_history (unit_id, parent_id, path, name, valid_from, valid_to)"
                        + " values (:id, :oldParent, :oldPath, :name, :beginning, :effective)",
                h);
        jdbc.update(
                "insert into unit_path_history (unit_id, parent_id, path, name, valid_from)"
                        + " values (:id, :parent, :path, :name, :effective)",
                h);
        jdbc.update(
                "insert into unit_succession (predecessor_id, successor_id, reorganization_id, effective_date)"
                        + " values (:p, :s, :r, :d)",
                new MapSqlParameterSource("p", id)
                        .addValue("s", successor)
                        .addValue("r", reorg)
                        .addValue("d", Date.valueOf(EFFECTIVE)));
        return id;
    }

    private long reorganization(Actor actor, Timestamp now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into unit_reorganization (type, effective_date, note, created_by, created_at)"
                        + " values ('MERGE', :d, :note, :by, :at)",
                new MapSqlParameterSource("d", Date.valueOf(EFFECTIVE))
                        .addValue("note", "Nghị quyết số 202/2025/QH15: 63 tỉnh thành 34; kết thúc cấp huyện")
                        .addValue("by", actor.username())
                        .addValue("at", now),
                key,
                new String[] {"id"});
        return key.getKey().longValue();
    }

    private static List<String[]> read(String resource) {
        try (InputStream in = OfficialMap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("map missing: " + resource);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
