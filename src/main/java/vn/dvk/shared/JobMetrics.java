package vn.dvk.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The runs of the scheduled jobs as metrics, for monitoring: {@code dvk.jobs.runs} (a timer by job and outcome) and
 * {@code dvk.jobs.last.success} (wall-clock time of this node's last successful run; 0 until it has one). A job that
 * takes a lock shared by the nodes runs on one of them only, so the latest success is the maximum over the nodes.
 */
@Component
public class JobMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Makes the job's gauge exist from start-up (at 0), before its first run. */
    public void register(String job) {
        lastSuccess(job);
    }

    /** Runs one run of the job, timing it and noting its outcome; an exception is counted and passed on. */
    public void run(String job, Runnable work) {
        long start = System.nanoTime();
        String outcome = "failure";
        try {
            work.run();
            outcome = "success";
            lastSuccess(job).set(System.currentTimeMillis());
        } finally {
            Timer.builder("dvk.jobs.runs")
                    .description("Runs of the scheduled jobs on this node")
                    .tag("job", job)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private AtomicLong lastSuccess(String job) {
        return lastSuccess.computeIfAbsent(job, j -> {
            AtomicLong at = new AtomicLong();
            TimeGauge.builder("dvk.jobs.last.success", at, TimeUnit.MILLISECONDS, AtomicLong::get)
                    .description("Time (since the epoch) of this node's last successful run of the job; 0 before one")
                    .tag("job", j)
                    .register(registry);
            return at;
        });
    }
}
