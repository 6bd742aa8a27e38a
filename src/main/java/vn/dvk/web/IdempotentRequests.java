package vn.dvk.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.dvk.shared.JobMetrics;

/**
 * The kept results of POST requests sent with an {@code Idempotency-Key} (table {@code web_idempotency_key}): a key
 * belongs to one caller (a user, or an address for anonymous callers) and holds the fingerprint of the first body and
 * the first result, until it expires. {@link #claim} and {@link #complete} run in the request's own transaction.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotentRequests {

    static final String SWEEP_JOB = "idempotency-keys-sweep";

    /** A kept result; {@code status} 0 while its request has not finished (seen only by that request). */
    record Kept(
            long id,
            String method,
            String path,
            String fingerprint,
            int status,
            String contentType,
            String location,
            byte[] body,
            boolean withheld,
            Instant expiresAt) {

        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdempotencyProperties settings;
    private final JobMetrics jobs;

    IdempotentRequests(JdbcTemplate jdbc, Clock clock, IdempotencyProperties settings, JobMetrics jobs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.jobs = jobs;
        jobs.register(SWEEP_JOB);
    }

    /** The committed result of the caller's key, if any (expired ones included: see {@link Kept#expired}). */
    Optional<Kept> find(String principal, String key) {
        List<Kept> found = jdbc.query(
                "select id, method, path, fingerprint, status, content_type, location, body,"
                        + " withheld, expires_at from web_idempotency_key where principal = ? and idem_key = ?",
                (rs, i) -> new Kept(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBytes(8),
                        rs.getBoolean(9),
                        rs.getTimestamp(10).toInstant()),
                principal,
                key);
        return found.stream().findFirst();
    }

    /**
     * Takes the key for this request, in the current transaction; false when another request holds it (once that
     * request's transaction has ended: until then the insert waits for it).
     */
    boolean claim(String principal, String key, String method, String path, String fingerprint) {
        Instant now = clock.instant();
        try {
            jdbc.update(
                    "insert into web_idempotency_key (principal, idem_key, method, path, fingerprint, status,"
                            + " created_at, expires_at) values (?, ?, ?, ?, ?, 0, ?, ?)",
                    principal,
                    key,
                    method,
                    path,
                    fingerprint,
                    Timestamp.from(now),
                    Timestamp.from(now.plus(settings.ttl())));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /**
     * Keeps the result of the request that claimed the key, in the same transaction as its writes; a {@code withheld}
     * answer (it held secrets shown once) keeps its status only.
     */
    void complete(
            String principal,
            String key,
            int status,
            String contentType,
            String location,
            byte[] body,
            boolean withheld) {
        jdbc.update(
                "update web_idempotency_key set status = ?, content_type = ?, location = ?, body = ?,"
                        + " withheld = ? where principal = ? and idem_key = ?",
                status,
                withheld ? null : contentType,
                withheld ? null : location,
                withheld ? null : body,
                withheld,
                principal,
                key);
    }

    /** Forgets an expired key, so that it can be used again. */
    void forget(long id) {
        jdbc.update(
                "delete from web_idempotency_key where id = ? and expires_at <= ?",
                id,
                Timestamp.from(clock.instant()));
    }

    /** Deletes the expired keys; on one node at a time. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = SWEEP_JOB, lockAtMostFor = "PT30M")
    public void sweep() {
        jobs.run(
                SWEEP_JOB,
                () -> jdbc.update(
                        "delete from web_idempotency_key where expires_at <= ?", Timestamp.from(clock.instant())));
    }
}
