package vn.dvk.unit;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.dvk.shared.JobMetrics;
import vn.dvk.shared.Problems;

/**
 * Every night, applies the scheduled reorganizations whose effective date has come. Each node schedules it; the
 * lock in the shared database lets one run it, and each reorganization is claimed by its row, so a second run
 * (or a second node) applies nothing twice. One that no longer fits the tree is marked failed, with the reason.
 */
@Component
public class ReorganizationJob {

    /** Name of the job, in {@code shedlock} and the job metrics. */
    public static final String NAME = "unit-reorganizations";

    private static final Logger log = LoggerFactory.getLogger(ReorganizationJob.class);

    private final Reorganizations reorganizations;
    private final UnitDirectory directory;
    private final Clock clock;
    private final JobMetrics metrics;

    ReorganizationJob(Reorganizations reorganizations, UnitDirectory directory, Clock clock, JobMetrics metrics) {
        this.reorganizations = reorganizations;
        this.directory = directory;
        this.clock = clock;
        this.metrics = metrics;
        metrics.register(NAME);
    }

    /** Runs the job unless another node holds its lock. */
    @Scheduled(cron = "${dvk.unit.reorganization-cron:0 5 0 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = NAME, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void run() {
        metrics.run(NAME, () -> applyDue(clock));
    }

    /** Applies what is due on the day {@code clock} says; returns how many reorganizations were applied. */
    public int applyDue(Clock clock) {
        LocalDate today = Reorganizations.today(clock);
        SystemActor system = new SystemActor(directory.ensureRoot());
        int applied = 0;
        for (long id : reorganizations.due(today)) {
            try {
                if (reorganizations.applyScheduled(system, id, today)) {
                    applied++;
                }
            } catch (Problems.Invalid e) {
                String reason = String.join(
                        "; ",
                        e.errors().stream()
                                .map(f -> f.field() + ": " + f.messageKey())
                                .toList());
                log.warn("Scheduled reorganization #{} could not be applied: {}", id, reason);
                reorganizations.failed(system, id, reason);
            }
        }
        log.info("Scheduled reorganizations applied on {}: {}", today, applied);
        return applied;
    }
}
