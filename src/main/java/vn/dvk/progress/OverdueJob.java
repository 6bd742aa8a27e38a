package vn.dvk.progress;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.JobMetrics;

/**
 * Every night, flags reports that are overdue and reminds of those due within a week (as {@link ReportDue} events). Each node schedules it; the lock in the shared database lets
 * only one of them run it, and each run is recorded in {@code progress_job_run} with the node that ran it.
 */
@Component
@EnableConfigurationProperties(NodeProperties.class)
public class OverdueJob {

    /** Name of the job, in {@code shedlock} and {@code progress_job_run}. */
    public static final String NAME = "progress-overdue";

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

    private final ReportingDeadlines deadlines;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final String node;
    private final JobMetrics metrics;

    OverdueJob(
            ReportingDeadlines deadlines,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            NodeProperties settings,
            JobMetrics metrics) {
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.clock = clock;
        String node = settings.nodeName();
        this.node = node == null || node.isBlank()
                ? "node-" + UUID.randomUUID().toString().substring(0, 8)
                : node;
        this.metrics = metrics;
        metrics.register(NAME);
    }

    /** The name this node records its runs under. */
    public String node() {
        return node;
    }

    /** Runs the job unless another node holds its lock; the lock is kept at least 5 minutes after a run. */
    @Scheduled(cron = "${dvk.progress.overdue-cron:" + ProgressProperties.OVERDUE_CRON + "}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = NAME, lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    public void run() {
        metrics.run(NAME, () -> {
            MapSqlParameterSource p = new MapSqlParameterSource("job", NAME)
                    .addValue("node", node)
                    .addValue("now", Timestamp.from(clock.instant()));
            jdbc.update(
                    "insert into progress_job_run (job, node, started_at, flagged)" + " values (:job, :node, :now, 0)",
                    p);
            LocalDate today = LocalDate.now(clock.withZone(Fmt.ZONE));
            int flagged = deadlines.flagOverdue(today);
            deadlines.remindDue(today);
            jdbc.update(
                    "update progress_job_run set finished_at = :end, flagged = :flagged"
                            + " where job = :job and node = :node and finished_at is null",
                    p.addValue("end", Timestamp.from(clock.instant())).addValue("flagged", flagged));
            log.info("Overdue reports: {} flagged by {}", flagged, node);
        });
    }
}
