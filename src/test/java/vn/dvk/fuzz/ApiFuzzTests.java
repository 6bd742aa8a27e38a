package vn.dvk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

/**
 * Property-based fuzzing of the whole JSON API, driven by the running application's own OpenAPI document, so
 * that a new endpoint is fuzzed without touching this class. For every POST/PUT/PATCH with a JSON body, each try
 * starts from a plausible base body (built from the schema and a few name hints) and replaces one to three fields
 * (top level or nested) by hostile values, or sends a body that is not an object at all; for every GET, each try
 * replaces query parameters (and sometimes a path variable) by hostile values; for every multipart upload, each try
 * sends hostile files (names, bytes, copies, none) and field values. The properties, checked on every answer:
 * <ol>
 * <li>never a 5xx;</li>
 * <li>every 4xx is {@code application/problem+json}; a 400 to a well-formed JSON object or to bad query
 * parameters lists {@code errors: [{field, message}]} with non-blank field names;</li>
 * <li>a refused write leaves every application table with the same number of rows; an accepted write can be
 * read back, with the text and numbers that were sent.</li>
 * </ol>
 * Random values come from {@code new Random(seed)} with a fixed seed ({@code -Ddvk.fuzz.seed=…}, default
 * 20261122) and a number of tries per operation ({@code -Ddvk.fuzz.tries=…}, {@code -Ddvk.fuzz.query-tries=…},
 * {@code -Ddvk.fuzz.upload-tries=…}; docs/SECURITY.md gives the long run); a failure prints the seed, the
 * operation and the try, and the request, so that it can be replayed. (jqwik was not used: see docs/SECURITY.md.)
 */
@Tag("fuzz")
class ApiFuzzTests extends IntegrationTest {

    static final long SEED = Long.getLong("dvk.fuzz.seed", 20261122L);
    static final int BODY_TRIES = Integer.getInteger("dvk.fuzz.tries", 30);
    static final int QUERY_TRIES = Integer.getInteger("dvk.fuzz.query-tries", 20);
    static final int UPLOAD_TRIES = Integer.getInteger("dvk.fuzz.upload-tries", 25);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern VAR = Pattern.compile("\\{([^}]+)}");
    /** Tables that change on their own (sessions, locks, scheduling, event log) or are not application data. */
    private static final List<String> VOLATILE = List.of(
            "spring_session",
            "spring_session_attributes",
            "shedlock",
            "event_publication",
            "event_publication_archive",
            "flyway_schema_history",
            // the statistics deltas are folded by a scheduled job at any moment (their meaning unchanged); a half
            // write of one would show in the models it counts
            "statistics_model_delta",
            "statistics_proposal_delta");

    /**
     * What a refused sign-in writes on purpose: the failure that the shared throttle counts, and its entry in the
     * audit trail (SECURITY.md, "Sign-ins in the audit trail"). Any other row after a refused sign-in is a defect.
     */
    private static final List<String> REFUSED_SIGN_IN_RECORDS = List.of("account_login_failure", "shared_audit_entry");

    /** Tables a scheduled job prunes while the fuzzing runs (see {@link #leftRows}). */
    private static final List<String> PRUNED_BY_A_JOB = List.of("account_login_failure");

    @Autowired
    DataSource dataSource;

    /** One world for both properties: building it takes a while on this machine. */
    private static World w;

    private static Api api;
    private static String token;
    private static JdbcTemplate jdbc;
    private static List<String> tables;
    private static JsonNode docs;
    private static final Map<String, List<String>> pool = new LinkedHashMap<>();
    private static long acceptedModel;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();
    private int requests;
    /** The row counts after the last refused write, while no other request has been sent since (see countsBefore). */
    private long[] countsBetween;

    private boolean organizer;
    /** While true, harvested ids come from accepted writes: they go first in their pool. */
    private boolean created;

    private int serverErrors;

    record Op(String method, String path, JsonNode op) {
        String name() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void world() {
        if (w != null) {
            return;
        }
        w = new World(api());
        api = w.api;
        w.user("fuzzer", w.province, "REPORTER", "APPRAISER", "SCORER", "APPROVER", "ADMIN", "VIEWER");
        token = w.token("fuzzer");
        jdbc = new JdbcTemplate(dataSource);
        tables = jdbc
                .queryForList(
                        "select table_name from information_schema.tables where lower(table_schema) = 'public'"
                                + " and table_type in ('BASE TABLE', 'TABLE')",
                        String.class)
                .stream()
                .map(String::toLowerCase)
                .filter(t -> !VOLATILE.contains(t))
                .sorted()
                .toList();
        docs = api.get("/v3/api-docs", null).json();
        // a model in each state the transitions start from, and a proposal
        long draft = w.draft("reporterA", registration());
        long submitted = w.draft("reporterA", registration());
        w.submit("reporterA", submitted);
        long accepted = w.draft("reporterA", registration());
        w.submit("reporterA", accepted);
        w.appraise("appraiserD", accepted, "ACCEPT", null);
        long proposed = w.draft("reporterA", registration());
        w.submit("reporterA", proposed);
        w.appraise("appraiserD", proposed, "ACCEPT", null);
        Api.Res p = api.post(
                "/api/v1/models/" + proposed + "/recognition-proposals",
                Map.of("level", "DISTRICT", "year", 2024),
                token);
        acceptedModel = accepted;
        add("models", String.valueOf(accepted));
        add("models", String.valueOf(draft));
        add("models", String.valueOf(submitted));
        add("models", String.valueOf(proposed));
        if (p.status() == 201) {
            add("recognition-proposals", p.json().get("id").asString());
        }
        add("units", w.communeA);
        w.user("victim", w.communeB, "VIEWER");
    }

    @Test
    void everyJsonBodyFieldOfEveryWriteSurvivesHostileValues() throws Exception {
        List<Op> ops = operations(true);
        assertThat(ops).as("write operations in /v3/api-docs").hasSizeGreaterThan(20);
        harvestLists();
        long started = System.nanoTime();
        for (Op op : ops) {
            Random r = new Random(SEED ^ op.name().hashCode());
            JsonNode schema = schema(op.op()
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema"));
            // criteria sets and recognition rounds belong to the organizing level itself
            organizer = op.path().contains("criteria-sets") || op.path().contains("recognition-rounds");
            ObjectNode base0 = (ObjectNode) example(schema, "", 0);
            // the base body alone, first: it tells whether the mutations below reach the deeper checks
            String basePath = resolve(op.path(), r, false);
            Api.Res b = write(op, basePath, body(op, basePath, base0), null, "base", List.of());
            log.append(String.format(
                    "%-60s base %d %s%n",
                    op.name(),
                    b.status(),
                    b.status() < 300 ? "" : abbreviate(b.body()).replace('\n', ' ')));
            for (int t = 0; t < BODY_TRIES; t++) {
                String path = resolve(op.path(), r, r.nextInt(20) == 0);
                ObjectNode body = body(op, path, base0);
                if (r.nextInt(10) == 0) {
                    write(op, path, null, Hostile.wholeBody(r), "try " + t, List.of());
                    continue;
                }
                List<String> mutated = new ArrayList<>();
                int n = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
                for (int i = 0; i < n; i++) {
                    mutated.add(mutate(body, r));
                }
                write(op, path, body, null, "try " + t, mutated);
            }
        }
        report("bodies", started);
    }

    @Test
    void everyQueryParameterOfEveryReadSurvivesHostileValues() throws Exception {
        List<Op> ops = operations(false);
        harvestLists();
        long started = System.nanoTime();
        for (Op op : ops) {
            Random r = new Random(SEED ^ op.name().hashCode());
            List<JsonNode> params = new ArrayList<>();
            op.op().path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asString())) {
                    params.add(p);
                }
            });
            int tries = params.isEmpty() ? 3 : QUERY_TRIES;
            if (op.path().endsWith(".pdf")
                    || op.path().endsWith(".xlsx")
                    || op.path().contains("/reports/")) {
                tries = Math.min(tries, 8);
            }
            for (int t = 0; t < tries; t++) {
                boolean hostilePath = params.isEmpty() || r.nextInt(6) == 0;
                String path = resolve(op.path(), r, hostilePath);
                StringBuilder q = new StringBuilder();
                List<String> mutated = new ArrayList<>();
                for (JsonNode p : params) {
                    String name = p.path("name").asString();
                    String value = queryValue(name, p.path("schema"));
                    if (r.nextInt(Math.max(2, params.size())) == 0) {
                        value = Hostile.param(r);
                        mutated.add(name);
                        if (r.nextInt(8) == 0) {
                            q.append(q.isEmpty() ? "?" : "&")
                                    .append(enc(name))
                                    .append('=')
                                    .append(enc(Hostile.param(r)));
                        }
                    } else if (value == null || (!p.path("required").asBoolean() && r.nextInt(3) == 0)) {
                        continue;
                    }
                    q.append(q.isEmpty() ? "?" : "&")
                            .append(enc(name))
                            .append('=')
                            .append(enc(value));
                }
                read(op, path + q, "try " + t, mutated, hostilePath);
            }
        }
        report("queries", started);
    }

    @Test
    void everyUploadSurvivesHostileFilesNamesAndFields() throws Exception {
        List<Op> ops = uploads();
        assertThat(ops).as("multipart uploads in /v3/api-docs").isNotEmpty();
        harvestLists();
        // a report of the accepted model for the evidence uploads to go to
        Api.Res report = api.post(
                "/api/v1/models/" + acceptedModel + "/progress-reports",
                Map.of("asOf", "2024-06-30", "indicators", List.of(), "narrative", "Báo cáo để thử tệp lạ"),
                token);
        if (report.status() == 201) {
            add("progress-reports", report.json().get("id").asString());
        }
        Api.Res inspection = api.post(
                "/api/v1/inspections",
                Map.of(
                        "unitCode",
                        w.communeA,
                        "plannedOn",
                        "2024-06-30",
                        "purpose",
                        "Kiểm tra để thử tệp lạ",
                        "members",
                        List.of("Nguyễn Văn An"),
                        "modelIds",
                        List.of(acceptedModel)),
                token);
        if (inspection.status() == 201) {
            add("inspections", inspection.json().get("id").asString());
        } else {
            log.append(
                    "inspection for the findings: " + inspection.status() + " " + abbreviate(inspection.body()) + "\n");
        }
        long started = System.nanoTime();
        for (Op op : ops) {
            Random r = new Random(SEED ^ op.name().hashCode());
            JsonNode schema = schema(op.op()
                    .path("requestBody")
                    .path("content")
                    .path("multipart/form-data")
                    .path("schema"));
            for (int t = 0; t < UPLOAD_TRIES; t++) {
                // what the uploads belong to (the report, the inspection, their model) are the pools' first
                String path = r.nextInt(20) == 0 ? resolve(op.path(), r, true) : resolveFirst(op.path());
                Multipart m = new Multipart();
                List<String> mutated = new ArrayList<>();
                schema.path("properties").properties().forEach(e -> {
                    JsonNode field = schema(e.getValue());
                    boolean file = "binary".equals(field.path("format").asString())
                            || "binary"
                                    .equals(schema(field.path("items"))
                                            .path("format")
                                            .asString());
                    boolean hostile = r.nextInt(3) == 0;
                    if (file) {
                        if (hostile && r.nextInt(6) == 0) {
                            mutated.add(e.getKey() + " (left out)");
                            return;
                        }
                        int copies = hostile && r.nextInt(4) == 0 ? 2 + r.nextInt(3) : 1;
                        for (int c = 0; c < copies; c++) {
                            String name = hostile ? Hostile.fileName(r) : "anh-hien-truong.png";
                            byte[] bytes = hostile ? Hostile.fileBytes(r) : Multipart.png();
                            m.file(e.getKey(), name, bytes);
                        }
                        if (hostile) {
                            mutated.add(e.getKey());
                        }
                    } else {
                        JsonNode plain = formValue(e.getKey(), field);
                        String value = hostile
                                ? Hostile.param(r)
                                : plain == null || plain.isNull()
                                        ? null
                                        : plain.isValueNode() ? plain.asString() : plain.toString();
                        if (value != null) {
                            m.field(e.getKey(), value);
                        }
                        if (hostile) {
                            mutated.add(e.getKey());
                        }
                    }
                });
                // the plain fields that the document lists as parameters travel in the form too
                op.op().path("parameters").forEach(p -> {
                    if (!"query".equals(p.path("in").asString())) {
                        return;
                    }
                    String name = p.path("name").asString();
                    JsonNode plain = formValue(name, p.path("schema"));
                    boolean hostile = r.nextInt(3) == 0;
                    String value =
                            hostile ? Hostile.param(r) : plain == null || plain.isNull() ? null : plain.asString();
                    if (value != null) {
                        m.field(name, value);
                    }
                    if (hostile) {
                        mutated.add(name);
                    }
                });
                if (r.nextInt(10) == 0) {
                    m.field(Hostile.string(r).replaceAll("[\\r\\n\"]", "_"), Hostile.param(r));
                    mutated.add("(an unknown field)");
                }
                upload(op, path, m, "try " + t, mutated);
            }
        }
        report("uploads", started);
    }

    // ---------------------------------------------------------------- requests and properties

    private Api.Res write(Op op, String path, ObjectNode body, String raw, String attempt, List<String> mutated) {
        String text = raw != null ? raw : Api.JSON.writeValueAsString(body);
        long[] before = countsBefore();
        Api.Res res = send(op.method(), path, text);
        requests++;
        String where = op.name() + " " + attempt + " (seed " + SEED + ") " + path + " mutated " + mutated + " body "
                + abbreviate(text);
        check(res, where, raw == null, mutated);
        if (res.status() >= 300) {
            long[] after = countsAfterRefusal();
            boolean refusedSignIn = op.path().endsWith("/auth/token") && (res.status() == 401 || res.status() == 429);
            for (int i = 0; i < tables.size(); i++) {
                if (refusedSignIn && REFUSED_SIGN_IN_RECORDS.contains(tables.get(i))) {
                    continue;
                }
                if (leftRows(i, before[i], after[i])) {
                    failures.add("HALF-RECORD: " + res.status() + " left " + (after[i] - before[i]) + " row(s) in "
                            + tables.get(i) + " after " + where);
                }
            }
        } else {
            countsBetween = null;
            created = true;
            harvest(op.path(), res.json());
            created = false;
            readBack(op, path, body, res, where);
        }
        return res;
    }

    private void upload(Op op, String path, Multipart m, String attempt, List<String> mutated) {
        long[] before = countsBefore();
        Api.Res res = m.post(api, path, token);
        requests++;
        String where = op.name() + " " + attempt + " (seed " + SEED + ") " + path + " mutated " + mutated;
        // a multipart body names its fields loosely: a refusal must be a problem, not necessarily name a field
        check(res, where, false, mutated);
        log.append(String.format(
                "%-60s %s %d %s%n",
                op.name(),
                attempt,
                res.status(),
                res.status() < 300 ? "" : abbreviate(res.body()).replace('\n', ' ')));
        if (res.status() >= 300) {
            long[] after = countsAfterRefusal();
            for (int i = 0; i < tables.size(); i++) {
                if (leftRows(i, before[i], after[i])) {
                    failures.add("HALF-RECORD: " + res.status() + " left " + (after[i] - before[i]) + " row(s) in "
                            + tables.get(i) + " after " + where);
                }
            }
        } else {
            countsBetween = null;
        }
    }

    /**
     * Whether a refused request changed table {@code i}. The sign-in throttle's expired failures are deleted by its
     * own scheduled job (LoginThrottle's prune), which may run during any request: fewer rows there are that job's,
     * never a refused request's half record, which would add rows.
     */
    private boolean leftRows(int i, long before, long after) {
        return PRUNED_BY_A_JOB.contains(tables.get(i)) ? after > before : after != before;
    }

    private void read(Op op, String pathAndQuery, String attempt, List<String> mutated, boolean hostilePath) {
        Api.Res res = binary(op.path()) ? getBinary(pathAndQuery) : api.get(pathAndQuery, token);
        requests++;
        String where = op.name() + " " + attempt + " (seed " + SEED + ") " + abbreviate(pathAndQuery);
        check(res, where, !hostilePath || !mutated.isEmpty(), mutated);
    }

    private void check(Api.Res res, String where, boolean expectFields, List<String> mutated) {
        statuses.merge(res.status(), 1, Integer::sum);
        if (res.status() >= 500) {
            serverErrors++;
            failures.add("5xx: " + res.status() + " " + abbreviate(res.body()) + " for " + where);
            return;
        }
        if (res.status() >= 400 && res.status() != 405) {
            String ct = res.contentType() == null ? "" : res.contentType();
            if (!ct.startsWith("application/problem+json")
                    || res.json() == null
                    || !res.json().has("status")) {
                failures.add(
                        "NOT A PROBLEM: " + res.status() + " " + ct + " " + abbreviate(res.body()) + " for " + where);
                return;
            }
            if (res.status() == 400 && expectFields && !mutated.isEmpty()) {
                List<String> fields = res.errorFields();
                if (fields.isEmpty()
                        && !String.valueOf(res.json().path("detail").asString()).isBlank()
                        && malformedJsonAnswer(res)) {
                    return; // a value that no parser takes (NaN, 1e999, deep nesting) makes the whole body unreadable
                }
                if (fields.isEmpty() || fields.stream().anyMatch(f -> f == null || f.isBlank())) {
                    failures.add("NO FIELD NAMED: " + abbreviate(res.body()) + " for " + where);
                }
            }
        }
    }

    private static boolean binary(String path) {
        return path.endsWith(".pdf")
                || path.endsWith(".xlsx")
                || path.contains("/reports/")
                || path.contains("/photos/")
                || path.contains("/evidence/");
    }

    /** A file is asked for as a browser or a client of files would: the file, or else a problem. */
    private Api.Res getBinary(String pathAndQuery) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(api.base() + pathAndQuery))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "*/*")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
            String ct = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = ct.contains("json") && !r.body().isEmpty() ? Api.JSON.readTree(r.body()) : null;
            return new Api.Res(r.statusCode(), json, r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean malformedJsonAnswer(Api.Res res) {
        return !res.json().has("errors");
    }

    private void readBack(Op op, String path, ObjectNode body, Api.Res res, String where) {
        String readPath = null;
        if ("PUT".equals(op.method()) || "PATCH".equals(op.method())) {
            readPath = path;
        } else if (res.json() != null && res.json().isObject() && getExists(op.path() + "/{x}")) {
            // the member's variable is an id or a code
            String key = docs.path("paths").has(op.path() + "/{code}") ? "code" : "id";
            if (res.json().has(key)) {
                readPath = path + "/" + enc(res.json().get(key).asString());
            }
        } else if (res.header("Location") != null) {
            readPath = res.header("Location").replaceFirst("^https?://[^/]+", "");
        }
        if (readPath == null || !getExists(template(readPath))) {
            return;
        }
        Api.Res back = api.get(readPath, token);
        requests++;
        if (back.status() != 200) {
            failures.add("NOT READABLE: " + back.status() + " on " + readPath + " after " + res.status() + " " + where);
            return;
        }
        if (body == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            JsonNode sent = e.getValue();
            JsonNode got = back.json().get(e.getKey());
            if (got == null
                    || got.isNull()
                    || sent.isNull()
                    || !(sent.isString() || sent.isNumber())
                    || "version".equals(e.getKey())
                    || op.path().contains("{" + e.getKey() + "}")) {
                continue; // the version is the server's to set; an identifier in the path wins over one in the body
            }
            // Jackson's usual coercion applies: a number sent for a text field is kept as its text, and a number sent
            // as text in any script's digits ("２０２４") is that number; texts are kept trimmed (String.trim: the
            // control characters at either end go too)
            boolean same = sent.isNumber() && got.isNumber()
                    ? sent.decimalValue().compareTo(got.decimalValue()) == 0
                    : sent.isString() && got.isNumber()
                            ? sameNumber(sent.asString(), got)
                            : sent.asString().trim().equals(got.asString().trim());
            if (!same) {
                failures.add("INCOMPLETE: " + e.getKey() + " sent " + abbreviate(sent.toString()) + " read back "
                        + abbreviate(got.toString()) + " on " + readPath + " after " + where);
            }
        }
    }

    /** Now and then a write carries an Idempotency-Key: reused across bodies (422), malformed (400), or fresh. */
    private final Random keys = new Random(SEED);

    private static final List<String> KEYS = List.of("fuzz-key-1", "fuzz-key-2", "two words", "k".repeat(256), "x");

    private static boolean sameNumber(String sent, JsonNode got) {
        try {
            return new BigDecimal(sent.trim()).compareTo(got.decimalValue()) == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private Api.Res send(String method, String path, String text) {
        if ("POST".equals(method) && keys.nextInt(8) == 0) {
            return api.post(path, text, token, "Idempotency-Key", KEYS.get(keys.nextInt(KEYS.size())));
        }
        return switch (method) {
            case "POST" -> api.post(path, text, token);
            case "PUT" -> api.put(path, text, token);
            default -> api.post(path, text, token);
        };
    }

    /**
     * The row counts before a write: those counted after the previous write when it was refused (nothing but this
     * test's own bookkeeping ran since), or counted now. Most writes are refused, so this halves the counting, which on
     * PostgreSQL (a count reads the table) was most of this class's time.
     */
    private long[] countsBefore() {
        long[] before = countsBetween != null ? countsBetween : counts();
        countsBetween = null;
        return before;
    }

    /** The row counts after a refused write, kept as the next write's counts before. */
    private long[] countsAfterRefusal() {
        countsBetween = counts();
        return countsBetween;
    }

    private long[] counts() {
        StringBuilder sql = new StringBuilder();
        for (String t : tables) {
            sql.append(sql.isEmpty() ? "" : " union all ")
                    .append("select '")
                    .append(t)
                    .append("', count(*) from ")
                    .append(t);
        }
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            m.put(rs.getString(1), rs.getLong(2));
        });
        long[] out = new long[tables.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.getOrDefault(tables.get(i), -1L);
        }
        return out;
    }

    private void report(String what, long started) throws Exception {
        double seconds = (System.nanoTime() - started) / 1e9;
        String summary = String.format(
                "fuzz %s: %d requests in %.1f s, seed %d, statuses %s, 5xx %d, failures %d%n",
                what, requests, seconds, SEED, statuses, serverErrors, failures.size());
        System.out.println("[dvk-fuzz] " + summary + log);
        Path dir = Path.of("target", "fuzz");
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(what + "-" + vn.dvk.support.TestDatabase.KIND + ".txt"),
                summary + log + String.join("\n", failures) + "\n");
        assertThat(failures).as(summary).isEmpty();
    }

    // ---------------------------------------------------------------- the OpenAPI document

    private List<Op> operations(boolean writes) {
        List<Op> ops = new ArrayList<>();
        docs.path("paths").properties().forEach(p -> {
            if (!p.getKey().startsWith("/api/v1/")) {
                return;
            }
            p.getValue().properties().forEach(m -> {
                String method = m.getKey().toUpperCase();
                JsonNode op = m.getValue();
                if (writes
                        && List.of("POST", "PUT", "PATCH").contains(method)
                        && op.path("requestBody").path("content").has("application/json")) {
                    ops.add(new Op(method, p.getKey(), op));
                } else if (!writes && "GET".equals(method)) {
                    ops.add(new Op(method, p.getKey(), op));
                }
            });
        });
        // collections before their members, and what reshapes the world (reorganizations, sign-ins) last
        ops.sort(Comparator.<Op>comparingInt(
                        o -> o.path().contains("reorganizations") ? 2 : o.path().contains("/auth/") ? 1 : 0)
                .thenComparingInt(o -> o.path().split("/").length)
                .thenComparing(Op::name));
        return ops;
    }

    private List<Op> uploads() {
        List<Op> ops = new ArrayList<>();
        docs.path("paths")
                .properties()
                .forEach(p -> p.getValue().properties().forEach(m -> {
                    if ("post".equals(m.getKey())
                            && p.getKey().startsWith("/api/v1/")
                            && m.getValue().path("requestBody").path("content").has("multipart/form-data")) {
                        ops.add(new Op("POST", p.getKey(), m.getValue()));
                    }
                }));
        ops.sort(Comparator.comparing(Op::name));
        return ops;
    }

    private JsonNode schema(JsonNode s) {
        if (s.has("$ref")) {
            String name = s.get("$ref").asString().replace("#/components/schemas/", "");
            return docs.path("components").path("schemas").path(name);
        }
        return s;
    }

    private boolean getExists(String template) {
        JsonNode p = docs.path("paths").get(template);
        if (p != null && p.has("get")) {
            return true;
        }
        // any variable name at the same places
        String shape = template.replaceAll("\\{[^}]+}", "{}");
        for (Map.Entry<String, JsonNode> e : docs.path("paths").properties()) {
            if (e.getKey().replaceAll("\\{[^}]+}", "{}").equals(shape)
                    && e.getValue().has("get")) {
                return true;
            }
        }
        return false;
    }

    /** The template of a concrete path: numeric segments and known codes become variables. */
    private String template(String path) {
        String[] parts = path.split("\\?")[0].split("/");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String s = parts[i];
            boolean known = pool.values().stream().anyMatch(l -> l.contains(s));
            sb.append('/').append(s.matches("-?\\d+") || (known && i > 3) ? "{x}" : s);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- values

    private String resolve(String template, Random r, boolean hostile) {
        Matcher m = VAR.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String key = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            List<String> values = pool.getOrDefault(key, List.of());
            String v;
            if (hostile || values.isEmpty()) {
                v = hostile ? Hostile.pathSegment(r) : "999999999";
            } else {
                v = values.get(r.nextInt(values.size()));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(enc(v).replace("+", "%20")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A plausible value of an upload's plain field. */
    private JsonNode formValue(String name, JsonNode schema) {
        return switch (name) {
            case "modelId" -> F.numberNode(acceptedModel);
            case "verdict" -> F.stringNode("PARTLY");
            case "criterion" -> F.stringNode("Tính thiết thực");
            default -> example(schema, name, 1);
        };
    }

    private String resolveFirst(String template) {
        Matcher m = VAR.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String key = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            List<String> values = pool.getOrDefault(key, List.of("999999999"));
            m.appendReplacement(sb, Matcher.quoteReplacement(enc(values.get(0))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private ObjectNode body(Op op, String path, ObjectNode base) {
        ObjectNode b = base.deepCopy();
        if (op.method().equals("PUT") || op.method().equals("PATCH")) {
            // an edit carries the version last read, and the identifiers of what it edits
            Api.Res cur = api.get(path, token);
            countsBetween = null; // a request of its own since the last count: count afresh
            if (cur.status() == 200 && cur.json() != null) {
                for (String f : List.of("version", "code", "username")) {
                    if (cur.json().has(f) && b.has(f)) {
                        b.set(f, cur.json().get(f));
                    }
                }
            }
        } else {
            // fresh codes and usernames each time, so that an accepted try does not make the next a duplicate
            for (String f : List.of("code", "username")) {
                if (b.has(f)) {
                    b.put(f, Api.unique("fz"));
                }
            }
        }
        if (op.path().endsWith("/auth/token")) {
            b.put("username", w.username("victim"));
            b.put("password", PASSWORD);
        }
        return b;
    }

    /** Replaces one field somewhere in the body (or in an array item) by a hostile value; returns its path. */
    private String mutate(ObjectNode body, Random r) {
        List<String> names = new ArrayList<>();
        body.propertyNames().forEach(names::add);
        if (names.isEmpty()) {
            body.set("unexpected", Hostile.value(r));
            return "unexpected";
        }
        String name = names.get(r.nextInt(names.size()));
        JsonNode current = body.get(name);
        if (r.nextBoolean()
                && current.isArray()
                && !current.isEmpty()
                && current.get(0).isObject()) {
            ObjectNode item = (ObjectNode) current.get(0);
            List<String> inner = new ArrayList<>();
            item.propertyNames().forEach(inner::add);
            if (!inner.isEmpty()) {
                String f = inner.get(r.nextInt(inner.size()));
                item.set(f, Hostile.value(r));
                return name + "[0]." + f;
            }
        }
        if (r.nextInt(12) == 0) {
            body.remove(name);
        } else {
            body.set(name, Hostile.value(r));
        }
        return name;
    }

    /** A plausible value from a schema: name hints first, then the type, bounds and enums. */
    private JsonNode example(JsonNode s, String name, int depth) {
        s = schema(s);
        String type = s.path("type").asString("");
        if ("object".equals(type) || s.has("properties")) {
            ObjectNode o = F.objectNode();
            if (depth > 3) {
                return o;
            }
            s.path("properties").properties().forEach(e -> {
                JsonNode v = example(e.getValue(), e.getKey(), depth + 1);
                if (v != null) {
                    o.set(e.getKey(), v);
                }
            });
            return o;
        }
        JsonNode hinted = hint(name, s, depth);
        if (organizer && ("unitcode".equalsIgnoreCase(name) || "level".equals(name))) {
            hinted = "level".equals(name) ? F.stringNode("PROVINCE") : F.stringNode(w.province);
        }
        if (hinted != null) {
            return hinted.isMissingNode() ? null : hinted;
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        return switch (type) {
            case "array" -> {
                ArrayNode a = F.arrayNode();
                JsonNode item = example(s.path("items"), name, depth + 1);
                if (item != null) {
                    a.add(item);
                }
                yield a;
            }
            case "integer" ->
                F.numberNode(s.has("minimum") ? Math.max(s.get("minimum").asLong(), 1) : 1);
            case "number" -> F.numberNode(s.has("minimum") ? s.get("minimum").asDouble() : 1.5);
            case "boolean" -> F.booleanNode(true);
            case "string" ->
                "date".equals(s.path("format").asString())
                        ? F.stringNode("2024-06-30")
                        : "date-time".equals(s.path("format").asString())
                                ? F.stringNode("2024-06-30T08:00:00Z")
                                : F.stringNode("Thử nghiệm dữ liệu lạ");
            default -> F.nullNode();
        };
    }

    private JsonNode hint(String name, JsonNode s, int depth) {
        String n = name.toLowerCase();
        return switch (n) {
            case "unitcode", "unit" -> F.stringNode(w.communeA);
            case "parentcode" -> F.stringNode(w.district);
            case "issuerunitcode" -> F.stringNode(w.province);
            case "code" -> depth > 1 ? first("indicators", "fz") : F.stringNode(Api.unique("fz"));
            case "username" -> F.stringNode(Api.unique("fz"));
            case "password" -> F.stringNode(PASSWORD);
            case "roles" -> F.arrayNode().add("VIEWER");
            case "year" -> F.numberNode(2024);
            case "level" -> F.stringNode("DISTRICT");
            case "modelid" -> F.numberNode(acceptedModel);
            case "modelids" -> F.arrayNode().add(acceptedModel);
            case "replicatedfromid", "period" -> F.missingNode();
            case "decisionnumber", "documentnumber" -> F.stringNode("12/QĐ-FZ");
            case "from" ->
                "array".equals(s.path("type").asString()) ? F.arrayNode().add(w.communeB) : null;
            case "to" ->
                "array".equals(s.path("type").asString())
                        ? F.arrayNode()
                                .add(F.objectNode()
                                        .put("code", Api.unique("FZ"))
                                        .put("name", "Xã mới")
                                        .put("level", "COMMUNE")
                                        .put("kind", "AREA")
                                        .put("parentCode", w.district))
                        : null;
            case "criteriasetid" ->
                F.numberNode(Long.parseLong(first("criteria-sets", "1").asString()));
            case "proposalid" ->
                F.numberNode(Long.parseLong(first("recognition-proposals", "1").asString()));
            case "usernames", "members" -> F.arrayNode().add(w.username("victim"));
            case "scorer" -> F.stringNode(w.username("victim"));
            case "commentbelowratio" -> F.numberNode(0.5);
            case "passthreshold" -> F.numberNode(5);
            case "maxpoints" -> F.numberNode(10);
            case "weight", "perproposal" -> F.numberNode(1);
            case "kind" -> s.has("enum") && s.get("enum").toString().contains("AREA") ? F.stringNode("AREA") : null;
            default -> null;
        };
    }

    private JsonNode first(String key, String fallback) {
        List<String> l = pool.get(key);
        return F.stringNode(l == null || l.isEmpty() ? fallback : l.get(0));
    }

    private String queryValue(String name, JsonNode s) {
        return switch (name) {
            case "unit", "under" -> w.province;
            case "year" -> "2024";
            case "period" -> "2021-2025";
            case "q", "name" -> "dân vận";
            case "page" -> "0";
            case "size" -> "20";
            case "boundary" -> "current";
            case "format" -> "pdf";
            case "province" -> "Bến Tre";
            case "oldCode" -> "83";
            default -> s.has("enum") ? s.get("enum").get(0).asString() : null;
        };
    }

    // ---------------------------------------------------------------- pools of ids and codes

    private void harvestLists() {
        for (Op op : operations(false)) {
            if (!op.path().contains("{")
                    && !op.path().endsWith(".xlsx")
                    && !op.path().contains("/reports/")) {
                StringBuilder q = new StringBuilder();
                op.op().path("parameters").forEach(p -> {
                    String v = queryValue(p.path("name").asString(), p.path("schema"));
                    if (p.path("required").asBoolean() && v != null) {
                        q.append(q.isEmpty() ? "?" : "&")
                                .append(p.path("name").asString())
                                .append('=')
                                .append(enc(v));
                    }
                });
                Api.Res r = api.get(op.path() + q, token);
                if (r.status() == 200) {
                    harvest(op.path(), r.json());
                }
            }
        }
    }

    private void harvest(String path, JsonNode json) {
        if (json == null) {
            return;
        }
        String key = path.substring(path.lastIndexOf('/') + 1);
        if (key.startsWith("{")) {
            return;
        }
        JsonNode items = json.has("content") ? json.get("content") : json;
        if (items.isArray()) {
            items.forEach(i -> harvestOne(key, i));
        } else {
            harvestOne(key, items);
        }
    }

    private void harvestOne(String key, JsonNode item) {
        if (!item.isObject()) {
            return;
        }
        boolean byCode = docs.path("paths").has("/api/v1/" + key + "/{code}");
        JsonNode id = item.has("id") && !byCode ? item.get("id") : item.get("code");
        if (id != null && id.isValueNode()) {
            add(key, id.asString());
        }
    }

    private void add(String key, String value) {
        List<String> l = pool.computeIfAbsent(key, k -> new ArrayList<>());
        if (created && !l.contains(value)) {
            l.add(0, value);
        } else if (!l.contains(value) && l.size() < 12) {
            l.add(value);
        }
    }

    private Map<String, Object> registration() {
        return World.registration("Mô hình để thử dữ liệu lạ", w.communeA, "DISTRICT", "ECONOMY");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }
}
