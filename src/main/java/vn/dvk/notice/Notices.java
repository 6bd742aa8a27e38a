package vn.dvk.notice;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.dvk.account.Accounts;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Limits;
import vn.dvk.shared.Problems;

/**
 * The notices of users: posted by the listeners in the transaction of the change that caused them (an in-app row and,
 * when e-mail is configured and the user has an address and wants this kind, an outbox row), listed, counted for the
 * bell and marked read by their owner only.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(NoticeProperties.class)
public class Notices {

    /** A notice as its owner sees it; {@code title} and {@code detail} in the reader's language. */
    public record NoticeView(
            Long id,
            NoticeKind kind,
            String outcome,
            String subject,
            String title,
            String detail,
            String link,
            Instant createdAt,
            boolean read) {}

    /** A user's choices: the language of e-mails, one daily digest, and the kinds that are not e-mailed. */
    public record Preferences(String language, boolean digest, Set<NoticeKind> muted) {

        static final Preferences DEFAULT = new Preferences("vi", false, EnumSet.noneOf(NoticeKind.class));

        /** True when this kind is e-mailed. */
        public boolean mails(NoticeKind kind) {
            return !muted.contains(kind);
        }
    }

    /** What a listener posts: to whom (a user id), what, about what. */
    record NewNotice(
            Long userId,
            NoticeKind kind,
            String outcome,
            String subject,
            String detail,
            String link,
            String dedupKey) {}

    static final String COLUMNS = "id, user_id, kind, outcome, subject, detail, link, created_at, read_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final Accounts accounts;
    private final NoticeText text;
    private final Clock clock;

    Notices(
            NamedParameterJdbcTemplate jdbc,
            ObjectProvider<JavaMailSender> mail,
            Accounts accounts,
            NoticeText text,
            Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.accounts = accounts;
        this.text = text;
        this.clock = clock;
    }

    /** True when {@code spring.mail.host} is set: only then are e-mails queued (and sent). */
    public boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    /**
     * Posts a notice in the caller's transaction; a notice with a {@code dedupKey} already posted to that user is not
     * posted again. Queues the e-mail when mail is configured, the user has an address and wants the kind.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void post(NewNotice n) {
        Instant now = clock.instant();
        MapSqlParameterSource p = new MapSqlParameterSource("user", n.userId())
                .addValue("kind", n.kind().name())
                .addValue("outcome", n.outcome(), Types.VARCHAR)
                .addValue("subject", cut(n.subject() == null ? "" : n.subject(), 500))
                .addValue("detail", cut(n.detail(), Limits.TEXT), Types.VARCHAR)
                .addValue("link", n.link(), Types.VARCHAR)
                .addValue("dedup", n.dedupKey(), Types.VARCHAR)
                .addValue("now", Timestamp.from(now));
        if (n.dedupKey() != null
                && jdbc.queryForObject(
                                "select count(*) from notice_notice where user_id = :user" + " and dedup_key = :dedup",
                                p,
                                Integer.class)
                        > 0) {
            return;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into notice_notice (user_id, kind, outcome, subject, detail, link, dedup_key, created_at)"
                        + " values (:user, :kind, :outcome, :subject, :detail, :link, :dedup, :now)",
                p,
                key,
                new String[] {"id"});
        forgetUnread(n.userId());
        if (!mailConfigured()) {
            return;
        }
        Accounts.Recipient to = accounts.recipient(n.userId()).orElse(null);
        if (to == null || to.email() == null || !to.enabled()) {
            return;
        }
        Preferences prefs = preferences(n.userId());
        if (!prefs.mails(n.kind())) {
            return;
        }
        jdbc.update(
                "insert into notice_outbox (notice_id, user_id, digest, status, attempts, next_attempt_at,"
                        + " created_at) values (:notice, :user, :digest, 'PENDING', 0, :now, :now)",
                p.addValue("notice", key.getKey().longValue()).addValue("digest", prefs.digest()));
    }

    /**
     * The bell: how many notices of the user are unread, up to {@link #BELL_CAP} (one indexed count), counted once
     * per request: a page asks for it in its validator ({@code ETag}) and again in its navigation (4,983 counts in
     * 30 s of the mixed workload, docs/PERFORMANCE.md, thirteenth round). A notice posted or read through this class
     * in the same request forgets it.
     */
    public long unreadCount(Long userId) {
        // counted up to BELL_CAP: the bell shows "99+" beyond 99, and a user with a few hundred unread notices cost
        // each of his pages a read of every one (0.35 ms a count; docs/PERFORMANCE.md, seventeenth round)
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = UNREAD + userId;
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Long known) {
            return known;
        }
        Long n = jdbc.queryForObject(
                "select count(*) from (select 1 from notice_notice where user_id = :user"
                        + " and read_at is null limit " + BELL_CAP + ") u",
                new MapSqlParameterSource("user", userId),
                Long.class);
        long count = n == null ? 0 : n;
        if (request != null) {
            request.setAttribute(key, count, RequestAttributes.SCOPE_REQUEST);
        }
        return count;
    }

    /** The most unread notices {@link #unreadCount} counts: the bell shows "99+" beyond 99. */
    public static final int BELL_CAP = 100;

    /** The request attribute that keeps a user's unread count for the rest of the request. */
    private static final String UNREAD = Notices.class.getName() + ".unread.";

    /** Forgets the unread count this request has kept for the user (a notice was posted or read). */
    private static void forgetUnread(Long userId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(UNREAD + userId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The caller's notices, unread first, newest first. */
    public Page<NoticeView> list(Actor actor, Pageable pageable) {
        MapSqlParameterSource p = new MapSqlParameterSource("user", actor.userId())
                .addValue("limit", pageable.getPageSize())
                .addValue("offset", pageable.getOffset());
        List<NoticeView> rows = jdbc.query(
                "select " + COLUMNS + " from notice_notice where user_id = :user"
                        + " order by case when read_at is null then 0 else 1 end, id desc limit :limit offset :offset",
                p,
                (rs, i) -> text.view(NoticeText.row(rs)));
        long total = jdbc.queryForObject("select count(*) from notice_notice where user_id = :user", p, Long.class);
        return new PageImpl<>(rows, pageable, total);
    }

    /** Marks one notice of the caller read; another user's notice, or none, is 404. */
    @Transactional
    public NoticeView markRead(Actor actor, Long id) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", id)
                .addValue("user", actor.userId())
                .addValue("now", Timestamp.from(clock.instant()));
        jdbc.update(
                "update notice_notice set read_at = :now where id = :id and user_id = :user and read_at is null", p);
        forgetUnread(actor.userId());
        return jdbc
                .query(
                        "select " + COLUMNS + " from notice_notice where id = :id and user_id = :user",
                        p,
                        (rs, i) -> text.view(NoticeText.row(rs)))
                .stream()
                .findFirst()
                .orElseThrow(() -> new Problems.NotFound("notice.notFound"));
    }

    /** Marks every notice of the caller read; answers how many were unread. */
    @Transactional
    public int markAllRead(Actor actor) {
        forgetUnread(actor.userId());
        return jdbc.update(
                "update notice_notice set read_at = :now where user_id = :user and read_at is null",
                new MapSqlParameterSource("user", actor.userId()).addValue("now", Timestamp.from(clock.instant())));
    }

    /** A user's choices (the defaults when never saved: Vietnamese, one message per notice, every kind). */
    public Preferences preferences(Long userId) {
        return jdbc
                .query(
                        "select language, digest, muted_kinds from notice_preference where user_id = :user",
                        new MapSqlParameterSource("user", userId),
                        (rs, i) -> new Preferences(rs.getString(1), rs.getBoolean(2), kinds(rs.getString(3))))
                .stream()
                .findFirst()
                .orElse(Preferences.DEFAULT);
    }

    /** Saves the caller's choices; a language other than {@code vi} or {@code en} is a 400 naming {@code language}. */
    @Transactional
    public void savePreferences(Actor actor, Preferences prefs) {
        if (prefs.language() == null || !Set.of("vi", "en").contains(prefs.language())) {
            throw new Problems.Invalid("language", "notice.language.invalid");
        }
        MapSqlParameterSource p = new MapSqlParameterSource("user", actor.userId())
                .addValue("language", prefs.language())
                .addValue("digest", prefs.digest())
                .addValue(
                        "muted", prefs.muted().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        if (jdbc.update(
                        "update notice_preference set language = :language, digest = :digest, muted_kinds = :muted"
                                + " where user_id = :user",
                        p)
                == 0) {
            jdbc.update(
                    "insert into notice_preference (user_id, language, digest, muted_kinds)"
                            + " values (:user, :language, :digest, :muted)",
                    p);
        }
    }

    private static Set<NoticeKind> kinds(String csv) {
        Set<NoticeKind> out = EnumSet.noneOf(NoticeKind.class);
        Arrays.stream(csv == null ? new String[0] : csv.split(","))
                .filter(s -> !s.isBlank())
                .forEach(s -> out.add(NoticeKind.valueOf(s)));
        return out;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
