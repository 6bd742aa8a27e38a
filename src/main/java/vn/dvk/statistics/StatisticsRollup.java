package vn.dvk.statistics;

import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.shared.DataSourceTuning;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.JobMetrics;
import vn.dvk.unit.UnitsReorganized;

/**
 * Keeps the statistics deltas small and true: a job folds them into one row per key (checked every minute, once
 * across nodes, done when a thousand deltas were written since the last fold), and a reorganization, which moves units between areas, recounts them from the models in its own
 * transaction.
 */
@Component
@EnableConfigurationProperties(StatisticsProperties.class)
public class StatisticsRollup {

    private static final Logger log = LoggerFactory.getLogger(StatisticsRollup.class);

    private static final String MODEL_KEYS = "area_id, reg_year, field, holder_type, origin, level, status,"
            + " appraisal_outcome, submitted, retired_year";
    private static final String PROPOSAL_KEYS = "area_id, proposal_year, field, holder_type, origin, level, status";
    private static final String AREA = "coalesce(a.id, u.id)";
    private static final String AREA_JOIN = " left join unit_scope a on a.parent_id = (select r.id from unit_scope r"
            + " where r.code = 'TW') and u.path like concat(a.path, '%')";

    /** Deltas written since the last fold that make folding worth it. */
    static final int FOLD_AFTER = 1_000;
    /** Name of the folding job, in {@code shedlock} and in the job metrics. */
    static final String JOB = "statistics-compact";

    private final JdbcTemplate jdbc;
    private final DataVersions versions;
    private final boolean postgres;
    private volatile long modelWatermark;
    private volatile long proposalWatermark;
    private volatile long lastFold = System.nanoTime();
    private final TransactionTemplate repeatableRead;
    private final JobMetrics metrics;

    StatisticsRollup(
            JdbcTemplate jdbc,
            DataSourceTuning database,
            DataVersions versions,
            PlatformTransactionManager transactions,
            JobMetrics metrics) {
        this.metrics = metrics;
        metrics.register(JOB);
        this.jdbc = jdbc;
        this.versions = versions;
        this.postgres = database.postgres();
        this.repeatableRead = new TransactionTemplate(transactions);
        this.repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Folds the deltas into one row per key once enough were written since the last fold (or some, ten minutes
     * later): folding rewrites every row, so it is not done for nothing. On PostgreSQL the two tables are vacuumed
     * after a fold, outside its transaction: a fold leaves as many dead rows as it folded, and a count of an area
     * would otherwise visit them (20 ms instead of 2 for a province after 85,000 dead rows where autovacuum is off).
     */
    @Scheduled(
            fixedDelayString = "${dvk.statistics.compact-every:" + StatisticsProperties.COMPACT_EVERY + "}",
            initialDelayString = "PT30S")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT10M")
    public void compactIfWorthIt() {
        metrics.run(JOB, this::compactIfDue);
    }

    private void compactIfDue() {
        Integer folded = repeatableRead.execute(status -> {
            long written = newRows("statistics_model_delta", modelWatermark)
                    + newRows("statistics_proposal_delta", proposalWatermark);
            boolean due = written > 0 && System.nanoTime() - lastFold > TimeUnit.MINUTES.toNanos(10);
            return written >= FOLD_AFTER || due ? fold() : 0;
        });
        if (postgres && folded != null && folded > 0) {
            jdbc.execute("vacuum (analyze) statistics_model_delta, statistics_proposal_delta");
        }
    }

    /** Folds the deltas written so far into one row per key; deltas written meanwhile stay as they are. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public void compact() {
        fold();
    }

    private int fold() {
        int folded = fold("statistics_model_delta", MODEL_KEYS, true)
                + fold("statistics_proposal_delta", PROPOSAL_KEYS, false);
        lastFold = System.nanoTime();
        if (folded > 0) {
            log.debug("statistics deltas folded: {} rows", folded);
        }
        return folded;
    }

    private long newRows(String table, long watermark) {
        Long n = jdbc.queryForObject("select count(*) from " + table + " where id > ?", Long.class, watermark);
        return n == null ? 0 : n;
    }

    /** One snapshot (repeatable read) sees the same rows in the sum and in the delete. */
    private int fold(String table, String keys, boolean models) {
        Long max = jdbc.queryForObject("select max(id) from " + table, Long.class);
        if (max == null) {
            return 0;
        }
        jdbc.update(
                "insert into " + table + " (" + keys + ", n) select " + keys + ", sum(n) from " + table
                        + " where id <= ? group by " + keys + " having sum(n) <> 0",
                max);
        int deleted = jdbc.update("delete from " + table + " where id <= ?", max);
        Long folded = jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
        if (models) {
            modelWatermark = folded;
        } else {
            proposalWatermark = folded;
        }
        return deleted;
    }

    /** Units moved between areas: counts again from the models, inside the reorganization's transaction. */
    @EventListener
    void on(UnitsReorganized event) {
        rebuild();
    }

    /** Replaces the deltas by the counts of the models and proposals as they are. */
    @Transactional
    public void rebuild() {
        // the figures of every area may change: no cached figure may outlive this transaction
        versions.touchEverywhere();
        if (postgres) {
            jdbc.execute("lock table statistics_model_delta, statistics_proposal_delta in share row exclusive mode");
        }
        jdbc.update("delete from statistics_model_delta");
        jdbc.update("insert into statistics_model_delta (" + MODEL_KEYS + ", n) select " + AREA + ", m.reg_year,"
                + " m.field, m.holder_type, m.origin, m.level, m.status, m.appraisal_outcome,"
                + " m.submitted_at is not null, m.retired_year, count(*)"
                + " from model_record m join unit_scope u on u.id = m.unit_id" + AREA_JOIN
                + " group by " + AREA + ", m.reg_year, m.field, m.holder_type, m.origin, m.level, m.status,"
                + " m.appraisal_outcome, m.submitted_at is not null, m.retired_year");
        jdbc.update("delete from statistics_proposal_delta");
        jdbc.update("insert into statistics_proposal_delta (" + PROPOSAL_KEYS + ", n) select " + AREA + ","
                + " p.proposal_year, m.field, m.holder_type, m.origin, p.level, p.status, count(*)"
                + " from recognition_record p join model_record m on m.id = p.model_id"
                + " join unit_scope u on u.id = m.unit_id" + AREA_JOIN
                + " group by " + AREA + ", p.proposal_year, m.field, m.holder_type, m.origin, p.level, p.status");
    }
}
