package vn.dvk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.dvk.shared.JobMetrics;

/**
 * Counts failed sign-ins per username and per client address in a sliding window; past the limit, further
 * attempts are refused until enough failures have left the window. Shared by the sign-in page and the API, and by
 * every node: the failures are rows of {@code account_login_failure} in the shared database, written in the caller's
 * transaction. A scheduled job (one node at a time, ShedLock) deletes the rows that have left the window.
 */
@Component
class LoginThrottle {

    /** Name of the job that deletes old failures, in {@code shedlock} and in the job metrics. */
    static final String PRUNE_JOB = "login-failures-prune";

    private static final int MAX_KEY = 160;
    private static final String INSERT = "insert into account_login_failure (throttle_key, failed_at) values (?, ?)";
    private static final String IN_WINDOW = " from account_login_failure where throttle_key = ? and failed_at > ?";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LoginLimits limits;
    private final JobMetrics jobs;

    LoginThrottle(JdbcTemplate jdbc, Clock clock, LoginLimits limits, JobMetrics jobs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = limits;
        this.jobs = jobs;
        jobs.register(PRUNE_JOB);
    }

    /** Seconds the caller must wait, or 0 when a sign-in may be tried now. */
    long retryAfterSeconds(String username, String address) {
        Instant now = clock.instant();
        return Math.max(
                wait(userKey(username), limits.maxFailuresPerUser(), now),
                wait(addressKey(address), limits.maxFailuresPerAddress(), now));
    }

    void failed(String username, String address) {
        OffsetDateTime now = at(clock.instant());
        jdbc.batchUpdate(
                INSERT, List.of(new Object[] {userKey(username), now}, new Object[] {addressKey(address), now}));
    }

    void succeeded(String username) {
        jdbc.update("delete from account_login_failure where throttle_key = ?", userKey(username));
    }

    /**
     * Notes that a sign-in was refused by a closed limit; true when it is the first refusal by that limit within the
     * window (on any node), so that the audit trail gets one entry per locked username or address and window, not one
     * per attempt of a client that keeps trying.
     */
    boolean firstRefusal(String username, String address) {
        Instant now = clock.instant();
        boolean first = false;
        if (wait(userKey(username), limits.maxFailuresPerUser(), now) > 0) {
            first |= noteRefusal(userKey(username), now);
        }
        if (wait(addressKey(address), limits.maxFailuresPerAddress(), now) > 0) {
            first |= noteRefusal(addressKey(address), now);
        }
        return first;
    }

    /** Deletes the failures that have left the window; on one node at a time. */
    @Scheduled(fixedDelay = 5, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = PRUNE_JOB, lockAtMostFor = "PT5M")
    public void prune() {
        jobs.run(
                PRUNE_JOB,
                () -> jdbc.update(
                        "delete from account_login_failure where failed_at <= ?",
                        at(clock.instant().minus(limits.window()))));
    }

    private boolean noteRefusal(String key, Instant now) {
        String refusal = cut("r:" + key);
        Integer seen = jdbc.queryForObject(
                "select count(*)" + IN_WINDOW, Integer.class, refusal, at(now.minus(limits.window())));
        if (seen != null && seen > 0) {
            return false;
        }
        jdbc.update(INSERT, refusal, at(now));
        return true;
    }

    /**
     * Seconds until fewer than {@code max} failures of the key lie in the window: until the {@code max}-th most recent
     * leaves it (at least 1), or 0 when there are fewer already.
     */
    private long wait(String key, int max, Instant now) {
        List<OffsetDateTime> nth = jdbc.query(
                "select failed_at" + IN_WINDOW + " order by failed_at desc offset ? rows fetch next 1 rows only",
                (rs, i) -> rs.getObject(1, OffsetDateTime.class),
                key,
                at(now.minus(limits.window())),
                max - 1);
        if (nth.isEmpty()) {
            return 0;
        }
        Instant freeAt = nth.get(0).toInstant().plus(limits.window());
        return Math.max(1, Duration.between(now, freeAt).toSeconds() + 1);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String userKey(String username) {
        return cut("u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)));
    }

    private static String addressKey(String address) {
        return cut("a:" + (address == null ? "" : address));
    }

    private static String cut(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
