package vn.dvk.notice;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.account.Accounts;

/**
 * Delivers the outbox after commit. A pass claims due rows ({@code select … for update skip locked}, then marked
 * SENDING with the node and time, in a short transaction of its own), so two nodes, or two passes, never take the same
 * row (the passes are scheduled by {@link OutboxSchedule}); then sends each message outside any transaction and records the outcome: SENT; SKIPPED when the user was
 * disabled, or lost the address, after it was queued; PENDING again with one more attempt, the error and the next
 * attempt time (the wait doubling from {@code dvk.notice.retry-base} up to {@code retry-max}) when the server failed;
 * FAILED after {@code max-attempts}. A row left SENDING by a node that stopped is given back after
 * {@code claim-timeout} (then, and only then, a message may be sent twice). Without {@code spring.mail.host} there is no mail sender and nothing is
 * queued or sent.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private record Claimed(Long outboxId, int attempts, NoticeText.Row row) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectProvider<JavaMailSender> mail;
    private final Accounts accounts;
    private final Notices notices;
    private final NoticeMail composer;
    private final NoticeProperties settings;
    private final Clock clock;
    private final String node;

    OutboxSender(
            NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<JavaMailSender> mail,
            Accounts accounts,
            Notices notices,
            NoticeMail composer,
            NoticeProperties settings,
            Clock clock,
            @Value("${dvk.node-name:}") String nodeName) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.mail = mail;
        this.accounts = accounts;
        this.notices = notices;
        this.composer = composer;
        this.settings = settings;
        this.clock = clock;
        this.node = nodeName == null || nodeName.isBlank()
                ? "node-" + UUID.randomUUID().toString().substring(0, 8)
                : nodeName;
    }

    /** One pass over the single messages that are due; answers how many were sent. Safe to run on several nodes. */
    public int deliver() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        releaseStaleClaims();
        int sent = 0;
        for (Claimed c : claim(false, settings.batchSize())) {
            sent += send(sender, c.row().userId(), List.of(c)) ? 1 : 0;
        }
        return sent;
    }

    /** The daily digests: one message per user with every digest notice queued; answers how many messages were sent. */
    public int deliverDigests() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        releaseStaleClaims();
        Map<Long, List<Claimed>> byUser = new LinkedHashMap<>();
        List<Claimed> claimed;
        do {
            claimed = claim(true, settings.batchSize());
            claimed.forEach(c -> byUser.computeIfAbsent(c.row().userId(), k -> new ArrayList<>())
                    .add(c));
        } while (claimed.size() == settings.batchSize());
        int sent = 0;
        for (Map.Entry<Long, List<Claimed>> e : byUser.entrySet()) {
            sent += send(sender, e.getKey(), e.getValue()) ? 1 : 0;
        }
        return sent;
    }

    private List<Claimed> claim(boolean digest, int limit) {
        Instant now = clock.instant();
        MapSqlParameterSource p = new MapSqlParameterSource("now", Timestamp.from(now))
                .addValue("digest", digest)
                .addValue("limit", limit)
                .addValue("node", node);
        return tx.execute(status -> {
            List<Long> ids = jdbc.queryForList(
                    "select id from notice_outbox where status = 'PENDING'"
                            + " and digest = :digest and next_attempt_at <= :now order by id limit :limit"
                            + " for update skip locked",
                    p,
                    Long.class);
            if (ids.isEmpty()) {
                return List.of();
            }
            p.addValue("ids", ids);
            jdbc.update(
                    "update notice_outbox set status = 'SENDING', claimed_at = :now, claimed_by = :node"
                            + " where id in (:ids) and status = 'PENDING'",
                    p);
            return jdbc.query(
                    "select o.id as outbox_id, o.attempts, n.id, n.user_id, n.kind, n.outcome, n.subject,"
                            + " n.detail, n.link, n.created_at, n.read_at from notice_outbox o"
                            + " join notice_notice n on n.id = o.notice_id where o.id in (:ids) and o.claimed_by = :node"
                            + " and o.status = 'SENDING' order by o.id",
                    p,
                    (rs, i) -> new Claimed(rs.getLong("outbox_id"), rs.getInt("attempts"), NoticeText.row(rs)));
        });
    }

    /** Sends one message for these claimed rows of one user and records the outcome on all of them. */
    private boolean send(JavaMailSender sender, Long userId, List<Claimed> rows) {
        List<Long> ids = rows.stream().map(Claimed::outboxId).toList();
        Accounts.Recipient to = accounts.recipient(userId).orElse(null);
        if (to == null || !to.enabled() || to.email() == null) {
            mark(ids, "SKIPPED", to == null || !to.enabled() ? "user disabled" : "no e-mail address", null);
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            Locale locale = Locale.forLanguageTag(notices.preferences(userId).language());
            composer.compose(
                    message,
                    settings.from(),
                    to,
                    locale,
                    rows.stream().map(Claimed::row).toList());
            sender.send(message);
            mark(ids, "SENT", null, null);
            return true;
        } catch (Exception e) {
            int attempts = rows.stream().mapToInt(Claimed::attempts).max().orElse(0) + 1;
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Notice e-mail to user #{} failed (attempt {}): {}", userId, attempts, error);
            if (attempts >= settings.maxAttempts()) {
                mark(ids, "FAILED", error, null);
            } else {
                mark(ids, "PENDING", error, clock.instant().plus(backoff(attempts)));
            }
            return false;
        }
    }

    /** The wait before attempt {@code attempts + 1}: retry-base doubled per attempt made, at most retry-max. */
    Duration backoff(int attempts) {
        Duration wait = settings.retryBase().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    private void mark(List<Long> ids, String status, String error, Instant next) {
        Timestamp now = Timestamp.from(clock.instant());
        MapSqlParameterSource p = new MapSqlParameterSource("ids", ids)
                .addValue("status", status)
                .addValue("error", Notices.cut(error, 1000), Types.VARCHAR)
                .addValue("next", next == null ? null : Timestamp.from(next), Types.TIMESTAMP)
                .addValue("sent", "SENT".equals(status) ? now : null, Types.TIMESTAMP);
        if ("PENDING".equals(status)) {
            jdbc.update(
                    "update notice_outbox set status = 'PENDING', attempts = attempts + 1, last_error = :error,"
                            + " next_attempt_at = :next, claimed_at = null, claimed_by = null where id in (:ids)",
                    p);
        } else {
            jdbc.update(
                    "update notice_outbox set status = :status, attempts = attempts + "
                            + ("SKIPPED".equals(status) ? "0" : "1") + ", last_error = :error,"
                            + " sent_at = :sent where id in (:ids)",
                    p);
        }
    }

    /** Rows a stopped node left SENDING longer than the claim timeout are due again. */
    private void releaseStaleClaims() {
        jdbc.update(
                "update notice_outbox set status = 'PENDING', claimed_at = null, claimed_by = null"
                        + " where status = 'SENDING' and claimed_at < :before",
                new MapSqlParameterSource(
                        "before", Timestamp.from(clock.instant().minus(settings.claimTimeout()))));
    }
}
