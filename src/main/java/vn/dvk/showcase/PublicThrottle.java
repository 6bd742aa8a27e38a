package vn.dvk.showcase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.JobMetrics;
import vn.dvk.shared.Problems;

/**
 * The limit on what one client address sends to the public surface ({@code dvk.showcase.per-address} within
 * {@code dvk.showcase.window}), shared by every node: each accepted request is a row of
 * {@code showcase_public_request}, written in the transaction of what it sends (a refused or invalid request leaves
 * none). The address is stored as a digest.
 */
@Component
class PublicThrottle {

    /** Name of the job that deletes old rows, in {@code shedlock} and in the job metrics. */
    static final String PRUNE_JOB = "public-requests-prune";

    private static final String IN_WINDOW = " from showcase_public_request where throttle_key = ? and sent_at > ?";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ShowcaseProperties settings;
    private final JobMetrics jobs;

    PublicThrottle(JdbcTemplate jdbc, Clock clock, ShowcaseProperties settings, JobMetrics jobs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.jobs = jobs;
        jobs.register(PRUNE_JOB);
    }

    /**
     * Counts one request of {@code kind} from {@code address}, or refuses it with 429 and the seconds until the
     * oldest counted request leaves the window.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void count(String kind, String address) {
        String key = kind + ":" + digest(address);
        Instant now = clock.instant();
        List<OffsetDateTime> nth = jdbc.query(
                "select sent_at" + IN_WINDOW + " order by sent_at desc offset ? rows fetch next 1 rows only",
                (rs, i) -> rs.getObject(1, OffsetDateTime.class),
                key,
                at(now.minus(settings.window())),
                settings.perAddress() - 1);
        if (!nth.isEmpty()) {
            Instant freeAt = nth.get(0).toInstant().plus(settings.window());
            throw new Problems.TooMany(
                    "showcase.tooMany",
                    Math.max(1, Duration.between(now, freeAt).toSeconds() + 1));
        }
        jdbc.update("insert into showcase_public_request (throttle_key, sent_at) values (?, ?)", key, at(now));
    }

    /** Deletes the rows that have left the window; on one node at a time. */
    @Scheduled(fixedDelay = 5, initialDelay = 2, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = PRUNE_JOB, lockAtMostFor = "PT5M")
    public void prune() {
        jobs.run(
                PRUNE_JOB,
                () -> jdbc.update(
                        "delete from showcase_public_request where sent_at <= ?",
                        at(clock.instant().minus(settings.window()))));
    }

    private static String digest(String address) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
