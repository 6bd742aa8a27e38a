package vn.dvk.statistics;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dvk.model.Field;
import vn.dvk.model.ModelFilter;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.storage.FileStore;

/**
 * Exports and reports made in the background. The request checks access and parameters at once (the same checks as
 * the direct downloads), records a job row and returns; a worker thread of this node writes the file to a temporary
 * file, reporting progress in the row as it goes, then puts the file in the {@link FileStore} (key
 * {@code exports/<2 hex>/<32 hex>}) and its key in the row. Because state and progress are in the database and the file
 * in the shared store, any node can show the progress bar and serve the download (with the local folder only when the
 * nodes share it). Jobs finished before the store kept their file in the row's {@code content}, served from there. A job whose node stops midway
 * stops beating and is shown as interrupted after {@link #STALE_AFTER}.
 */
@Service
class ExportJobs {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    /** What may be made in the background. */
    enum Kind {
        /** The model list as a workbook (rows). */
        MODELS,
        /** The statistics as a workbook (one step). */
        STATISTICS,
        /** The annual report as PDF (one step). */
        REPORT_PDF,
        /** The annual report as DOCX (one step). */
        REPORT_DOCX
    }

    /** A job as its page shows it. */
    record Job(
            long id,
            Kind kind,
            String params,
            String status,
            long done,
            long total,
            String fileName,
            Long size,
            String error,
            Instant createdAt) {

        /** Whole percent done, for the bar. */
        public int percent() {
            return "DONE".equals(status) ? 100 : total <= 0 ? 0 : (int) Math.min(99, done * 100 / total);
        }

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final ModelRegistry models;
    private final ModelWorkbook modelWorkbook;
    private final Statistics statistics;
    private final StatisticsWorkbook statisticsWorkbook;
    private final AnnualReports reports;
    private final Clock clock;
    private final FileStore files;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dvk-export");
        t.setDaemon(true);
        return t;
    });

    ExportJobs(
            NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager tx,
            ModelRegistry models,
            ModelWorkbook modelWorkbook,
            Statistics statistics,
            StatisticsWorkbook statisticsWorkbook,
            AnnualReports reports,
            Clock clock,
            FileStore files) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(tx);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.models = models;
        this.modelWorkbook = modelWorkbook;
        this.statistics = statistics;
        this.statisticsWorkbook = statisticsWorkbook;
        this.reports = reports;
        this.clock = clock;
        this.files = files;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** Checks the request as a direct download would, records the job and starts it; returns its id. */
    long start(Actor actor, Kind kind, MultiValueMap<String, String> params, Locale locale) {
        Work work;
        long total;
        switch (kind) {
            case MODELS -> {
                ModelFilter f = modelFilter(params);
                total = models.search(actor, f, PageRequest.of(0, 1)).getTotalElements();
                work = () -> {
                    long id = current.get();
                    Path tmp = temp();
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        modelWorkbook.write(actor, f, locale, out, n -> progress(id, n));
                    }
                    finish(id, tmp, ModelWorkbook.fileName(f), Xlsx.CONTENT_TYPE);
                };
            }
            case STATISTICS -> {
                StatisticsQuery q = statisticsQuery(params);
                statistics.count(actor, q);
                total = 1;
                work = () -> {
                    long id = current.get();
                    Path tmp = temp();
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        LocaleContextHolder.setLocale(locale);
                        statisticsWorkbook.write(
                                statistics.count(actor, q),
                                statistics.byChild(actor, q),
                                statistics.byYear(actor, q),
                                q,
                                out);
                    }
                    finish(id, tmp, StatisticsWorkbook.fileName(q), Xlsx.CONTENT_TYPE);
                };
            }
            default -> {
                String unit = first(params, "unit");
                Integer year = integer(params, "year");
                AnnualReports.checkYear(year);
                reports.unit(actor, unit);
                boolean pdf = kind == Kind.REPORT_PDF;
                total = 1;
                work = () -> {
                    long id = current.get();
                    Path tmp = temp();
                    Files.write(tmp, pdf ? reports.pdf(actor, unit, year) : reports.docx(actor, unit, year));
                    finish(
                            id,
                            tmp,
                            ReportApiController.fileName(unit, year, pdf ? "pdf" : "docx"),
                            pdf ? "application/pdf" : ReportApiController.DOCX);
                };
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        MapSqlParameterSource p = new MapSqlParameterSource("kind", kind.name())
                .addValue("params", query(params))
                .addValue("by", actor.username())
                .addValue("total", total)
                .addValue("now", now);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        newTransaction.executeWithoutResult(s -> jdbc.update(
                "insert into statistics_job (kind, params, requested_by,"
                        + " status, done_steps, total_steps, created_at, heartbeat_at) values (:kind, :params, :by, 'RUNNING',"
                        + " 0, :total, :now, :now)",
                p,
                keys,
                new String[] {"id"}));
        long id = keys.getKey().longValue();
        workers.submit(() -> run(id, work));
        return id;
    }

    private final ThreadLocal<Long> current = new ThreadLocal<>();

    /** A piece of background work that may fail. */
    private interface Work {
        void run() throws Exception;
    }

    private void run(long id, Work work) {
        current.set(id);
        try {
            work.run();
        } catch (Exception | Error e) {
            log.warn("Background job {} failed", id, e);
            String message = e instanceof Problems.NotFound || e instanceof Problems.Invalid
                    ? e.getMessage()
                    : e instanceof Problems.Unavailable u
                            ? u.messageKey()
                            : e.getClass().getSimpleName();
            newTransaction.executeWithoutResult(s -> jdbc.update(
                    "update statistics_job set status = 'FAILED',"
                            + " error = :error, finished_at = :now where id = :id",
                    new MapSqlParameterSource("id", id)
                            .addValue("error", message)
                            .addValue("now", Timestamp.from(clock.instant()))));
        } finally {
            current.remove();
        }
    }

    private void progress(long id, long done) {
        newTransaction.executeWithoutResult(s -> jdbc.update(
                "update statistics_job set done_steps = :done," + " heartbeat_at = :now where id = :id",
                new MapSqlParameterSource("id", id)
                        .addValue("done", done)
                        .addValue("now", Timestamp.from(clock.instant()))));
    }

    /** Puts the file in the store, then marks the job done with its key; a job not marked leaves no object behind. */
    private void finish(long id, Path file, String fileName, String contentType) throws IOException {
        String key = newKey();
        try {
            long size = Files.size(file);
            files.put(key, file, contentType);
            try {
                newTransaction.executeWithoutResult(s -> jdbc.getJdbcTemplate()
                        .update(
                                "update statistics_job"
                                        + " set status = 'DONE', done_steps = total_steps, file_name = ?, content_type = ?,"
                                        + " content_key = ?, content_size = ?, finished_at = ?, heartbeat_at = ? where id = ?",
                                ps -> {
                                    Timestamp now = Timestamp.from(clock.instant());
                                    ps.setString(1, fileName);
                                    ps.setString(2, contentType);
                                    ps.setString(3, key);
                                    ps.setLong(4, size);
                                    ps.setTimestamp(5, now);
                                    ps.setTimestamp(6, now);
                                    ps.setLong(7, id);
                                }));
            } catch (RuntimeException e) {
                files.delete(key);
                throw e;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A new key for a finished export's file: {@code exports/<2 hex>/<32 hex>}. */
    static String newKey() {
        String name = UUID.randomUUID().toString().replace("-", "");
        return "exports/" + name.substring(0, 2) + "/" + name;
    }

    /** The actor's own job, or 404. */
    Job get(Actor actor, long id) {
        return jdbc
                .query(
                        "select id, kind, params, status, done_steps, total_steps, file_name, content_size, error,"
                                + " created_at, heartbeat_at from statistics_job where id = :id and requested_by = :by",
                        new MapSqlParameterSource("id", id).addValue("by", actor.username()),
                        (rs, i) -> job(rs))
                .stream()
                .findFirst()
                .orElseThrow(() -> new Problems.NotFound("page.notFound"));
    }

    /** The actor's latest jobs. */
    List<Job> mine(Actor actor, int limit) {
        return jdbc.query(
                "select id, kind, params, status, done_steps, total_steps, file_name, content_size, error,"
                        + " created_at, heartbeat_at from statistics_job where requested_by = :by"
                        + " order by created_at desc, id desc limit :limit",
                new MapSqlParameterSource("by", actor.username()).addValue("limit", limit),
                (rs, i) -> job(rs));
    }

    /**
     * Streams a finished job's file; 404 for another person's job or one not done, 503 when the store cannot be
     * reached (checked before anything is sent).
     */
    void download(Actor actor, long id, HttpServletResponse response) {
        Job job = get(actor, id);
        if (!"DONE".equals(job.status())) {
            throw new Problems.NotFound("page.notFound");
        }
        Stored file = jdbc.queryForObject(
                "select content_key, content_type, file_name from statistics_job where id = :id",
                new MapSqlParameterSource("id", id),
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)));
        if (file.key() != null) {
            try (InputStream in = files.open(file.key())) {
                headers(response, file.contentType(), file.fileName());
                in.transferTo(response.getOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        jdbc.query(
                "select content_type, file_name, content from statistics_job where id = :id",
                new MapSqlParameterSource("id", id),
                rs -> {
                    headers(response, rs.getString("content_type"), rs.getString("file_name"));
                    try (InputStream in = rs.getBinaryStream("content")) {
                        in.transferTo(response.getOutputStream());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private record Stored(String key, String contentType, String fileName) {}

    private static void headers(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Xlsx.attachment(fileName));
        response.setHeader("Cache-Control", "no-store");
    }

    private Job job(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        Instant beat = rs.getObject("heartbeat_at", OffsetDateTime.class).toInstant();
        if ("RUNNING".equals(status) && beat.plus(STALE_AFTER).isBefore(clock.instant())) {
            status = "STALE";
        }
        return new Job(
                rs.getLong("id"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("params"),
                status,
                rs.getLong("done_steps"),
                rs.getLong("total_steps"),
                rs.getString("file_name"),
                rs.getObject("content_size", Long.class),
                rs.getString("error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Path temp() throws IOException {
        Path p = Files.createTempFile("dvk-export-", ".tmp");
        p.toFile().deleteOnExit();
        return p;
    }

    static ModelFilter modelFilter(MultiValueMap<String, String> params) {
        return new ModelFilter(
                first(params, "unit"),
                enumOf(Field.class, params, "field"),
                enumOf(ModelStatus.class, params, "status"),
                enumOf(Level.class, params, "level"),
                integer(params, "year"),
                first(params, "q"));
    }

    static StatisticsQuery statisticsQuery(MultiValueMap<String, String> params) {
        return StatisticsApiController.StatisticsParams.parse(
                first(params, "unit"),
                integer(params, "year"),
                first(params, "period"),
                enumOf(Level.class, params, "level"),
                enumOf(Field.class, params, "field"),
                "current");
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Integer integer(MultiValueMap<String, String> params, String name) {
        String v = first(params, name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 2009 || n > 2100) {
                throw new Problems.Invalid(name, "statistics.dashboard.year.invalid");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Problems.Invalid(name, "statistics.dashboard.year.invalid");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, MultiValueMap<String, String> params, String name) {
        String v = first(params, name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problems.Invalid(name, "statistics.dashboard.filter.invalid");
        }
    }

    private static String query(MultiValueMap<String, String> params) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        for (String k : List.of("unit", "year", "period", "field", "level", "status", "q")) {
            String v = first(params, k);
            if (v != null) {
                kept.add(k, v);
            }
        }
        String s = UriComponentsBuilder.newInstance().queryParams(kept).build().getQuery();
        return s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    static Optional<Kind> kind(String name) {
        try {
            return Optional.of(Kind.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
