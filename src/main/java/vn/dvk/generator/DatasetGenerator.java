package vn.dvk.generator;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import vn.dvk.model.DvkModel;
import vn.dvk.shared.AuditHash;
import vn.dvk.shared.Level;
import vn.dvk.shared.Role;
import vn.dvk.statistics.StatisticsRollup;
import vn.dvk.unit.OfficialMap;
import vn.dvk.unit.SystemActor;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Builds the dataset: the official 2025 map, the bodies of each commune and province, users per role, models over
 * 2021–2025 in every state (the seeds' ratios: about 89% of registrations accepted, 70% of those proposed, 98% of
 * proposals recognized), indicators and half-year reports, proposals with councils' score sheets, annual reviews,
 * commendations and the models' audit entries. The same seed gives the same rows.
 */
@Service
public class DatasetGenerator {

    /** The password of every generated user (one hash is computed and shared: hashing 10,000 would take minutes). */
    public static final String PASSWORD = "dvk-bench-2026!";

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);
    private static final int FIRST_YEAR = 2021;
    private static final int LAST_YEAR = 2025;
    private static final double[] YEAR_WEIGHTS = {0.15, 0.18, 0.20, 0.22, 0.25};
    private static final String[] CRITERIA = {"TK", "TT", "HQ", "NR", "DT"};
    private static final double[] CRITERIA_MAX = {20, 20, 25, 15, 20};
    private static final int SCORERS = 5;
    private static final int SHEETS_PER_PROPOSAL = 3;

    private final DataSource dataSource;
    private final OfficialMap map;
    private final UnitDirectory directory;
    private final PasswordEncoder encoder;
    private final StatisticsRollup rollup;

    DatasetGenerator(
            DataSource dataSource,
            OfficialMap map,
            UnitDirectory directory,
            PasswordEncoder encoder,
            StatisticsRollup rollup) {
        this.dataSource = dataSource;
        this.map = map;
        this.directory = directory;
        this.encoder = encoder;
        this.rollup = rollup;
    }

    /** What was written, table by table, and how long it took. */
    public record Result(Map<String, Long> rows, long millis) {}

    /** Fills the (empty) database; progress lines go to {@code out}. */
    public Result generate(Scale scale, long seed, PrintStream out) throws SQLException {
        long started = System.nanoTime();
        UnitRef root = directory.ensureRoot();
        if (!map.loaded()) {
            out.printf("[generate] loading the official map vn-2025%n");
            map.load(new SystemActor(root), OfficialMap.VN_2025, false);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (count(c, "select count(*) from model_model") > 0) {
                throw new IllegalStateException("the database already holds models: generate fills an empty database");
            }
            Run run = new Run(c, scale, new SplittableRandom(seed), out, root, encoder.encode(PASSWORD));
            run.all();
            out.printf("[generate] statistics deltas recounted from the models%n");
            rollup.rebuild();
            if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                out.printf("[generate] vacuum analyze%n");
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("vacuum analyze");
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.printf("[generate] done in %.1f s%n", millis / 1000.0);
            run.rows.forEach((t, n) -> out.printf("[generate]   %-28s %,12d%n", t, n));
            return new Result(run.rows, millis);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An area of the map with its bodies: the units where models are registered. */
    private record Area(
            long id,
            String code,
            String name,
            String path,
            Level level,
            Area province,
            List<Long> bodies,
            Map<String, Long> bodyBySuffix) {}

    /** One generation: the open writers, the id counters, the random source. */
    private static final class Run {
        private final Connection c;
        private final Scale scale;
        private final SplittableRandom random;
        private final PrintStream out;
        private final UnitRef root;
        private final String passwordHash;
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private final Map<String, BulkWriter> writers = new LinkedHashMap<>();
        private final Map<String, Long> next = new HashMap<>();
        private final Map<String, Long> indicatorIds = new HashMap<>();
        private final List<Area> provinces = new ArrayList<>();
        private final List<Area> communes = new ArrayList<>();
        private final Map<String, Long> rounds = new HashMap<>();
        private final List<List<Long>> recognizedByYear = new ArrayList<>();
        private long criteriaSetId;
        private String chainHash;
        private long chainId;
        private long chainAdded;
        private long pending;
        private final long phaseStart = System.nanoTime();

        Run(Connection c, Scale scale, SplittableRandom random, PrintStream out, UnitRef root, String passwordHash) {
            this.c = c;
            this.scale = scale;
            this.random = random;
            this.out = out;
            this.root = root;
            this.passwordHash = passwordHash;
        }

        void all() throws SQLException {
            for (String t : List.of(
                    "unit_unit",
                    "unit_path_history",
                    "account_user",
                    "model_model",
                    "model_review",
                    "recognition_round",
                    "recognition_proposal",
                    "recognition_assignment",
                    "recognition_score_sheet",
                    "commendation_commendation",
                    "progress_model_indicator",
                    "progress_report",
                    "shared_audit_entry")) {
                next.put(t, count(c, "select coalesce(max(id), 0) + 1 from " + t));
            }
            criteriaSetId = count(c, "select min(id) from recognition_criteria_set where is_example = true");
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("select last_hash from shared_audit_chain_head where id = 1 for update")) {
                chainHash = rs.next() ? rs.getString(1) : AuditHash.GENESIS;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select code, id from progress_indicator")) {
                while (rs.next()) {
                    indicatorIds.put(rs.getString(1), rs.getLong(2));
                }
            }
            open();
            units();
            users();
            flush();
            out.printf(
                    "[generate] %,d units, %,d users (%.1f s)%n",
                    rows.get("unit_unit"), rows.get("account_user"), seconds());
            models();
            close();
            restartIdentities();
        }

        private void open() throws SQLException {
            writer(
                    "unit_unit",
                    "id",
                    "code",
                    "name",
                    "level",
                    "kind",
                    "parent_id",
                    "path",
                    "valid_from",
                    "valid_to",
                    "created_at");
            writer("unit_path_history", "id", "unit_id", "parent_id", "path", "name", "valid_from", "valid_to");
            writer(
                    "account_user",
                    "id",
                    "username",
                    "password_hash",
                    "full_name",
                    "unit_id",
                    "enabled",
                    "created_at",
                    "version");
            writer("account_user_role", "user_id", "role");
            writer(
                    "model_model",
                    "id",
                    "title",
                    "field",
                    "unit_id",
                    "level",
                    "reg_year",
                    "holder_type",
                    "holder_name",
                    "origin",
                    "replicated_from_id",
                    "summary",
                    "search_text",
                    "search_body",
                    "status",
                    "appraisal_outcome",
                    "submitted_at",
                    "recognized_level",
                    "retired_year",
                    "created_by",
                    "created_at",
                    "updated_at",
                    "version");
            writer("model_review", "id", "model_id", "review_year", "outcome", "comment", "reviewed_by", "reviewed_at");
            writer(
                    "recognition_round",
                    "id",
                    "unit_id",
                    "level",
                    "round_year",
                    "title",
                    "opens_on",
                    "closes_on",
                    "criteria_set_id",
                    "basis",
                    "issuer_body",
                    "parent_body",
                    "decision_number",
                    "decision_date",
                    "decision_signer",
                    "decided_by",
                    "decided_at",
                    "created_by",
                    "created_at",
                    "version");
            writer("recognition_round_member", "round_id", "username", "full_name", "unit_id", "unit_path");
            writer(
                    "recognition_proposal",
                    "id",
                    "model_id",
                    "level",
                    "proposal_year",
                    "note",
                    "status",
                    "proposed_by",
                    "proposed_at",
                    "decision_number",
                    "decision_date",
                    "decision_comment",
                    "decided_by",
                    "decided_at",
                    "version",
                    "round_id",
                    "criteria_set_id");
            writer(
                    "recognition_assignment",
                    "id",
                    "round_id",
                    "proposal_id",
                    "scorer",
                    "recused",
                    "auto_recused",
                    "recusal_reason");
            writer(
                    "recognition_score_sheet",
                    "id",
                    "proposal_id",
                    "scorer",
                    "comment",
                    "submitted_at",
                    "weighted_total");
            writer("recognition_score", "sheet_id", "criterion", "points");
            writer(
                    "commendation_commendation",
                    "id",
                    "form",
                    "recipient_type",
                    "recipient_name",
                    "unit_id",
                    "issuer_unit_id",
                    "decision_number",
                    "decision_date",
                    "reason",
                    "created_by",
                    "created_at");
            writer("commendation_model", "commendation_id", "model_id");
            writer(
                    "progress_model_indicator",
                    "id",
                    "model_id",
                    "indicator_id",
                    "baseline",
                    "target",
                    "chosen_by",
                    "chosen_at");
            writer(
                    "progress_report",
                    "id",
                    "model_id",
                    "as_of",
                    "narrative",
                    "created_by",
                    "created_at",
                    "period_year",
                    "period_part");
            writer("progress_value", "report_id", "code", "amount");
            writer("progress_acceptance", "model_id", "accepted_at");
            writer(
                    "shared_audit_entry",
                    "id",
                    "at",
                    "actor",
                    "subject_type",
                    "subject_id",
                    "action",
                    "from_state",
                    "to_state",
                    "comment",
                    "prev_hash",
                    "hash");
        }

        private void writer(String table, String... columns) throws SQLException {
            writers.put(table, BulkWriter.open(c, table, columns));
            rows.put(table, 0L);
        }

        private void add(String table, Object... values) throws SQLException {
            writers.get(table).add(values);
            rows.merge(table, 1L, Long::sum);
            pending++;
        }

        private long id(String table) {
            return next.merge(table, 1L, Long::sum) - 1;
        }

        /** Writes every writer's rows, parents before children, moves the audit chain's head, and commits. */
        private void flush() throws SQLException {
            for (BulkWriter w : writers.values()) {
                w.flush();
            }
            if (chainAdded > 0) {
                try (PreparedStatement s = c.prepareStatement("update shared_audit_chain_head set last_id = ?,"
                        + " last_hash = ?, entries = entries + ? where id = 1")) {
                    s.setLong(1, chainId);
                    s.setString(2, chainHash);
                    s.setLong(3, chainAdded);
                    s.executeUpdate();
                }
                chainAdded = 0;
            }
            c.commit();
            pending = 0;
        }

        private void maybeFlush() throws SQLException {
            if (pending >= BulkWriter.CHUNK * 4L) {
                flush();
            }
        }

        private void close() throws SQLException {
            flush();
            for (BulkWriter w : writers.values()) {
                w.close();
            }
        }

        private double seconds() {
            return (System.nanoTime() - phaseStart) / 1e9;
        }

        private void units() throws SQLException {
            OffsetDateTime now = OffsetDateTime.of(2025, 7, 1, 8, 0, 0, 0, VN);
            LocalDate from = OfficialMap.EFFECTIVE;
            List<Object[]> found = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select id, code, name, path, level, parent_id from unit_unit where code like 'VN-%'"
                                    + " and valid_to is null order by level desc, code")) {
                while (rs.next()) {
                    found.add(new Object[] {
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)
                    });
                }
            }
            Map<Long, Area> provinceById = new HashMap<>();
            for (Object[] r : found) {
                if ("PROVINCE".equals(r[4]) && provinces.size() < scale.provinces()) {
                    Area p = area(r, Level.PROVINCE, null, Vocabulary.PROVINCE_BODIES, now, from);
                    provinces.add(p);
                    provinceById.put(p.id(), p);
                }
            }
            for (Object[] r : found) {
                Area province = provinceById.get((Long) r[5]);
                if ("COMMUNE".equals(r[4]) && province != null) {
                    communes.add(area(r, Level.COMMUNE, province, Vocabulary.COMMUNE_BODIES, now, from));
                }
            }
        }

        private Area area(
                Object[] r, Level level, Area province, List<Vocabulary.Body> kinds, OffsetDateTime now, LocalDate from)
                throws SQLException {
            long areaId = (Long) r[0];
            String code = (String) r[1];
            String name = (String) r[2];
            String path = (String) r[3];
            List<Long> bodies = new ArrayList<>();
            Map<String, Long> bySuffix = new HashMap<>();
            for (Vocabulary.Body b : kinds) {
                long id = id("unit_unit");
                String bodyPath = path + id + "/";
                String bodyName = b.name() + " " + Vocabulary.after(name);
                add(
                        "unit_unit",
                        id,
                        code + "-" + b.suffix(),
                        bodyName,
                        level.name(),
                        b.kind(),
                        areaId,
                        bodyPath,
                        from,
                        null,
                        now);
                add("unit_path_history", id("unit_path_history"), id, areaId, bodyPath, bodyName, from, null);
                bodies.add(id);
                bySuffix.put(b.suffix(), id);
            }
            return new Area(areaId, code, name, path, level, province, bodies, bySuffix);
        }

        private void users() throws SQLException {
            OffsetDateTime at = OffsetDateTime.of(2021, 1, 4, 8, 0, 0, 0, VN);
            user("theodoi.tw", "Theo dõi Trung ương", root.id(), at, Role.VIEWER);
            user("lanhdao.tw", "Lãnh đạo Ban Dân vận Trung ương", root.id(), at, Role.APPROVER);
            for (Area p : provinces) {
                String k = p.code().substring(3).toLowerCase();
                user("quantri.p" + k, "Quản trị " + p.name(), p.id(), at, Role.ADMIN);
                user("lanhdao.p" + k, Vocabulary.person(random), p.id(), at, Role.APPROVER);
                user("thamdinh.p" + k, Vocabulary.person(random), p.id(), at, Role.APPRAISER);
                user("canbo.p" + k, Vocabulary.person(random), p.id(), at, Role.REPORTER);
                user("theodoi.p" + k, Vocabulary.person(random), p.id(), at, Role.VIEWER);
                for (int i = 1; i <= SCORERS; i++) {
                    user(
                            scorer(p, i),
                            Vocabulary.person(random),
                            p.bodyBySuffix().get("BDV"),
                            at,
                            Role.SCORER);
                }
            }
            for (Area a : communes) {
                String k = a.code().substring(3).toLowerCase();
                user("canbo." + k, Vocabulary.person(random), a.id(), at, Role.REPORTER);
                user("thamdinh." + k, Vocabulary.person(random), a.id(), at, Role.APPRAISER);
                user("lanhdao." + k, Vocabulary.person(random), a.id(), at, Role.APPROVER);
            }
        }

        private static String scorer(Area province, int i) {
            return "hoidong.p" + province.code().substring(3).toLowerCase() + "." + i;
        }

        private static String reporter(Area a) {
            String k = a.code().substring(3).toLowerCase();
            return a.level() == Level.PROVINCE ? "canbo.p" + k : "canbo." + k;
        }

        private static String appraiser(Area a) {
            String k = a.code().substring(3).toLowerCase();
            return a.level() == Level.PROVINCE ? "thamdinh.p" + k : "thamdinh." + k;
        }

        private static String approver(Area a) {
            String k = a.code().substring(3).toLowerCase();
            return a.level() == Level.PROVINCE ? "lanhdao.p" + k : "lanhdao." + k;
        }

        private void user(String username, String fullName, long unitId, OffsetDateTime at, Role role)
                throws SQLException {
            long id = id("account_user");
            add("account_user", id, username, passwordHash, fullName, unitId, true, at, 0L);
            add("account_user_role", id, role.name());
        }

        private void models() throws SQLException {
            int total = scale.models();
            long written = 0;
            for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                recognizedByYear.add(new ArrayList<>());
                int n = (int) Math.round(total * YEAR_WEIGHTS[y - FIRST_YEAR]);
                for (int i = 0; i < n; i++) {
                    model(y);
                    maybeFlush();
                    if (++written % 50_000 == 0) {
                        out.printf(
                                "[generate] %,d / %,d models, %,d reports, %,d scores (%.1f s)%n",
                                written, total, rows.get("progress_report"), rows.get("recognition_score"), seconds());
                    }
                }
            }
        }

        private void model(int year) throws SQLException {
            boolean provincial = random.nextDouble() < 0.10;
            Area area = provincial
                    ? provinces.get(random.nextInt(provinces.size()))
                    : communes.get(random.nextInt(communes.size()));
            Area province = provincial ? area : area.province();
            long unitId = random.nextDouble() < 0.15
                    ? area.id()
                    : area.bodies().get(random.nextInt(area.bodies().size()));
            Vocabulary.Theme theme = Vocabulary.THEMES.get(random.nextInt(Vocabulary.THEMES.size()));
            boolean individual = random.nextDouble() < 0.15;
            String holder = individual ? Vocabulary.person(random) : bodyName(area, unitId);
            String title = theme.title() + " tại " + Vocabulary.after(area.name());
            Long replicatedFrom = null;
            if (year > FIRST_YEAR && random.nextDouble() < 0.20) {
                List<Long> pool = recognizedByYear.get(year - FIRST_YEAR - 1);
                if (!pool.isEmpty()) {
                    replicatedFrom = pool.get(random.nextInt(pool.size()));
                }
            }
            long id = id("model_model");
            String reporter = reporter(area);
            OffsetDateTime created = OffsetDateTime.of(
                    year,
                    1 + random.nextInt(9),
                    1 + random.nextInt(28),
                    7 + random.nextInt(10),
                    random.nextInt(60),
                    0,
                    0,
                    VN);
            OffsetDateTime t = created;
            audit(t, reporter, id, "CREATE", null, "DRAFT");
            String status = "DRAFT";
            String outcome = null;
            OffsetDateTime submitted = null;
            String recognizedLevel = null;
            Integer retiredYear = null;
            double r = random.nextDouble();
            boolean current = year == LAST_YEAR;
            if (!current || r >= 0.18) {
                t = t.plusDays(1 + random.nextInt(10));
                submitted = t;
                audit(t, reporter, id, "SUBMIT", "DRAFT", "SUBMITTED");
                status = "SUBMITTED";
                if (!current || r >= 0.36) {
                    t = t.plusDays(3 + random.nextInt(20));
                    if (current && r < 0.42) {
                        audit(t, appraiser(area), id, "APPRAISE_REQUEST_CHANGES", "SUBMITTED", "CHANGES_REQUESTED");
                        status = "CHANGES_REQUESTED";
                    } else if (random.nextDouble() < 0.11) {
                        audit(t, appraiser(area), id, "APPRAISE_REJECT", "SUBMITTED", "REJECTED");
                        status = "REJECTED";
                        outcome = "REJECT";
                    } else {
                        audit(t, appraiser(area), id, "APPRAISE_ACCEPT", "SUBMITTED", "ACCEPTED");
                        add("progress_acceptance", id, t);
                        status = "ACCEPTED";
                        outcome = "ACCEPT";
                    }
                }
            }
            if ("ACCEPTED".equals(status) && random.nextDouble() < 0.70) {
                Level level = area.level() == Level.PROVINCE
                        ? (random.nextDouble() < 0.92 ? Level.PROVINCE : Level.CENTRAL)
                        : (random.nextDouble() < 0.65 ? Level.COMMUNE : Level.PROVINCE);
                t = t.plusDays(20 + random.nextInt(60));
                audit(t, reporter, id, "PROPOSE", "ACCEPTED", "PROPOSED");
                Boolean recognized = current && random.nextDouble() < 0.5 ? null : random.nextDouble() < 0.98;
                OffsetDateTime decided = t.plusDays(15 + random.nextInt(30));
                if (level == Level.PROVINCE && current) {
                    recognized = null;
                }
                proposal(id, area, province, level, year, t, recognized, decided);
                if (recognized == null) {
                    status = "PROPOSED";
                } else if (recognized) {
                    t = decided;
                    audit(t, approverOf(level, area, province), id, "RECOGNIZE", "PROPOSED", "RECOGNIZED");
                    status = "RECOGNIZED";
                    recognizedLevel = level.name();
                    recognizedByYear.get(year - FIRST_YEAR).add(id);
                } else {
                    t = decided;
                    audit(t, approverOf(level, area, province), id, "DECLINE", "PROPOSED", "ACCEPTED");
                }
            }
            int lastReported = LAST_YEAR + 1;
            for (int ry = Math.max(year + 1, 2022);
                    ry <= LAST_YEAR && ("ACCEPTED".equals(status) || "RECOGNIZED".equals(status));
                    ry++) {
                double o = random.nextDouble();
                String reviewOutcome = o < 0.03 ? "RETIRE" : o < 0.09 ? "REPLICATE" : "MAINTAIN";
                OffsetDateTime at = OffsetDateTime.of(ry, 12, 10 + random.nextInt(15), 9, 0, 0, 0, VN);
                if (at.isAfter(t)) {
                    t = at;
                }
                add("model_review", id("model_review"), id, ry, reviewOutcome, null, appraiser(area), at);
                String to = "RETIRE".equals(reviewOutcome) ? "RETIRED" : status;
                audit(at, appraiser(area), id, "REVIEW_" + reviewOutcome, status, to);
                if ("RETIRE".equals(reviewOutcome)) {
                    status = "RETIRED";
                    retiredYear = ry;
                    lastReported = ry;
                }
            }
            String summary = "Mô hình " + Vocabulary.after(theme.title()) + "; chủ thể: " + holder + ".";
            add(
                    "model_model",
                    id,
                    title,
                    theme.field(),
                    unitId,
                    area.level().name(),
                    year,
                    individual ? "INDIVIDUAL" : "COLLECTIVE",
                    holder,
                    replicatedFrom == null ? "NEW" : "REPLICATED",
                    replicatedFrom,
                    summary,
                    DvkModel.searchText(title, holder),
                    DvkModel.searchBody(summary),
                    status,
                    outcome,
                    submitted,
                    recognizedLevel,
                    retiredYear,
                    reporter,
                    created,
                    t,
                    0L);
            if (outcome != null && outcome.equals("ACCEPT")) {
                progress(id, theme, year, created, lastReported, reporter);
            }
            if ("RECOGNIZED".equals(status) && random.nextDouble() < 0.20) {
                commendation(id, area, province, holder, individual, recognizedLevel, t);
            }
        }

        private String bodyName(Area area, long unitId) {
            List<Vocabulary.Body> kinds =
                    area.level() == Level.PROVINCE ? Vocabulary.PROVINCE_BODIES : Vocabulary.COMMUNE_BODIES;
            int i = area.bodies().indexOf(unitId);
            return i < 0 ? area.name() : kinds.get(i).name() + " " + Vocabulary.after(area.name());
        }

        private String approverOf(Level level, Area area, Area province) {
            return switch (level) {
                case CENTRAL -> "lanhdao.tw";
                case PROVINCE -> approver(province);
                default -> approver(area);
            };
        }

        private void proposal(
                long modelId,
                Area area,
                Area province,
                Level level,
                int year,
                OffsetDateTime at,
                Boolean recognized,
                OffsetDateTime decided)
                throws SQLException {
            long id = id("recognition_proposal");
            Long round = level == Level.PROVINCE ? round(province, year) : null;
            String status = recognized == null ? "PENDING" : recognized ? "RECOGNIZED" : "DECLINED";
            String number = recognized == null ? null : (100 + random.nextInt(800)) + "-QĐ/" + year;
            add(
                    "recognition_proposal",
                    id,
                    modelId,
                    level.name(),
                    year,
                    null,
                    status,
                    reporter(area),
                    at,
                    number,
                    recognized == null ? null : decided.toLocalDate(),
                    null,
                    recognized == null ? null : approverOf(level, area, province),
                    recognized == null ? null : decided,
                    0L,
                    round,
                    round == null ? null : criteriaSetId);
            if (round == null) {
                return;
            }
            int first = random.nextInt(SCORERS);
            boolean scored = recognized != null || random.nextBoolean();
            for (int k = 0; k < SHEETS_PER_PROPOSAL; k++) {
                String scorer = scorer(province, 1 + (first + k) % SCORERS);
                add("recognition_assignment", id("recognition_assignment"), round, id, scorer, false, false, null);
                if (scored) {
                    sheet(id, scorer, recognized == null || recognized, at.plusDays(5 + random.nextInt(10)));
                }
            }
        }

        private void sheet(long proposalId, String scorer, boolean good, OffsetDateTime at) throws SQLException {
            long id = id("recognition_score_sheet");
            double ratio = good ? 0.72 + random.nextDouble() * 0.26 : 0.40 + random.nextDouble() * 0.25;
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal[] points = new BigDecimal[CRITERIA.length];
            for (int i = 0; i < CRITERIA.length; i++) {
                double p = Math.min(CRITERIA_MAX[i], CRITERIA_MAX[i] * (ratio + (random.nextDouble() - 0.5) * 0.1));
                points[i] = BigDecimal.valueOf(Math.round(p * 2) / 2.0).setScale(2, RoundingMode.HALF_UP);
                total = total.add(points[i]);
            }
            add("recognition_score_sheet", id, proposalId, scorer, null, at, total);
            for (int i = 0; i < CRITERIA.length; i++) {
                add("recognition_score", id, CRITERIA[i], points[i]);
            }
        }

        private long round(Area province, int year) throws SQLException {
            String key = province.code() + "/" + year;
            Long known = rounds.get(key);
            if (known != null) {
                return known;
            }
            long id = id("recognition_round");
            boolean decided = year < LAST_YEAR;
            OffsetDateTime created = OffsetDateTime.of(year, 9, 1, 8, 0, 0, 0, VN);
            add(
                    "recognition_round",
                    id,
                    province.id(),
                    "PROVINCE",
                    year,
                    "Xét công nhận mô hình \"Dân vận khéo\" cấp tỉnh năm " + year + " – " + province.name(),
                    LocalDate.of(year, 9, 1),
                    LocalDate.of(year, 12, 31),
                    criteriaSetId,
                    "MEAN",
                    "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" " + Vocabulary.after(province.name()),
                    null,
                    decided ? (200 + random.nextInt(700)) + "-QĐ/BCĐ" : null,
                    decided ? LocalDate.of(year + 1, 1, 15) : null,
                    decided ? Vocabulary.person(random) : null,
                    decided ? approver(province) : null,
                    decided ? OffsetDateTime.of(year + 1, 1, 15, 9, 0, 0, 0, VN) : null,
                    approver(province),
                    created,
                    0L);
            long bdv = province.bodyBySuffix().get("BDV");
            for (int i = 1; i <= SCORERS; i++) {
                add(
                        "recognition_round_member",
                        id,
                        scorer(province, i),
                        "Thành viên hội đồng " + i,
                        bdv,
                        province.path() + bdv + "/");
            }
            rounds.put(key, id);
            return id;
        }

        private void progress(
                long modelId, Vocabulary.Theme theme, int year, OffsetDateTime created, int lastYear, String reporter)
                throws SQLException {
            List<String> codes = new ArrayList<>();
            List<Double> targets = new ArrayList<>();
            codes.add(theme.indicator());
            targets.add(theme.target());
            if (random.nextDouble() < 0.4) {
                codes.add(theme.second());
                targets.add(theme.secondTarget());
            }
            double[] baseline = new double[codes.size()];
            double[] target = new double[codes.size()];
            for (int i = 0; i < codes.size(); i++) {
                double scale = 0.5 + random.nextDouble();
                target[i] = round(targets.get(i) * scale);
                baseline[i] = round(target[i] * random.nextDouble() * 0.3);
                add(
                        "progress_model_indicator",
                        id("progress_model_indicator"),
                        modelId,
                        indicatorIds.get(codes.get(i)),
                        decimal(baseline[i]),
                        decimal(target[i]),
                        reporter,
                        created);
            }
            double pace = 0.6 + random.nextDouble() * 0.6;
            int periods = 0;
            int expected = (lastYear - year) * 2 + 1;
            for (int y = year; y <= Math.min(lastYear, LAST_YEAR + 1); y++) {
                for (String part : new String[] {"H1", "H2", "Y"}) {
                    if ((y == year && part.equals("H1") && created.getMonthValue() > 6)
                            || (y == LAST_YEAR + 1 && !part.equals("H1"))
                            || random.nextDouble() < 0.12) {
                        continue;
                    }
                    LocalDate asOf = part.equals("H1") ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31);
                    if (!part.equals("Y")) {
                        periods++;
                    }
                    double progress = Math.min(1.3, pace * periods / Math.max(1, expected));
                    long report = id("progress_report");
                    add(
                            "progress_report",
                            report,
                            modelId,
                            asOf,
                            null,
                            reporter,
                            asOf.plusDays(5 + random.nextInt(10)).atTime(9, 0).atOffset(VN),
                            y,
                            part);
                    for (int i = 0; i < codes.size(); i++) {
                        double v = baseline[i] + (target[i] - baseline[i]) * progress;
                        add("progress_value", report, codes.get(i), decimal(round(v)));
                    }
                }
            }
        }

        private static double round(double v) {
            return v >= 100 ? Math.rint(v) : Math.rint(v * 10) / 10;
        }

        private static BigDecimal decimal(double v) {
            return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
        }

        private void commendation(
                long modelId,
                Area area,
                Area province,
                String holder,
                boolean individual,
                String level,
                OffsetDateTime after)
                throws SQLException {
            long id = id("commendation_commendation");
            boolean provincial = !"COMMUNE".equals(level);
            long issuer = provincial
                    ? province.bodyBySuffix().get("UB")
                    : area.bodyBySuffix().get("UB");
            LocalDate date = after.toLocalDate().plusDays(10 + random.nextInt(30));
            add(
                    "commendation_commendation",
                    id,
                    provincial ? "BANG_KHEN" : "GIAY_KHEN",
                    individual ? "INDIVIDUAL" : "COLLECTIVE",
                    holder,
                    area.id(),
                    issuer,
                    (1000 + random.nextInt(9000)) + "/QĐ-UBND",
                    date,
                    "Đã có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\"",
                    approver(province),
                    date.atTime(10, 0).atOffset(VN));
            add("commendation_model", id, modelId);
        }

        /** An audit entry, chained by hash after the previous one (the head moves on at each flush). */
        private void audit(OffsetDateTime at, String actor, long modelId, String action, String from, String to)
                throws SQLException {
            String hash = AuditHash.of(chainHash, at.toInstant(), actor, "MODEL", modelId, action, from, to, null);
            long id = id("shared_audit_entry");
            add("shared_audit_entry", id, at, actor, "MODEL", modelId, action, from, to, null, chainHash, hash);
            chainHash = hash;
            chainId = id;
            chainAdded++;
        }

        /** Identity columns continue after the ids given here (same statement on PostgreSQL and H2). */
        private void restartIdentities() throws SQLException {
            try (Statement s = c.createStatement()) {
                for (Map.Entry<String, Long> e : next.entrySet()) {
                    s.execute("alter table " + e.getKey() + " alter column id restart with " + e.getValue());
                }
            }
            c.commit();
        }
    }
}
