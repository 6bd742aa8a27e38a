package vn.dvk.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dvk.shared.Fmt;

/**
 * The words of a notice in a language: its title ({@code notice.title.<KIND>[.<OUTCOME>]} with the subject), its detail
 * (free text, or {@code notice.detail.<KIND>} with the stored arguments, dates shown dd/MM/yyyy).
 */
@Component
class NoticeText {

    /** A notice row as stored. */
    record Row(
            Long id,
            Long userId,
            NoticeKind kind,
            String outcome,
            String subject,
            String detail,
            String link,
            Instant createdAt,
            Instant readAt) {}

    private final MessageSource messages;

    NoticeText(MessageSource messages) {
        this.messages = messages;
    }

    static Row row(ResultSet rs) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Row(
                rs.getLong("id"),
                rs.getLong("user_id"),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("outcome"),
                rs.getString("subject"),
                rs.getString("detail"),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }

    /** The notice in the language of the current request (Vietnamese outside a request). */
    Notices.NoticeView view(Row r) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Notices.NoticeView(
                r.id(),
                r.kind(),
                r.outcome(),
                r.subject(),
                title(r, locale),
                detail(r, locale),
                r.link(),
                r.createdAt(),
                r.readAt() != null);
    }

    String title(Row r, Locale locale) {
        String key = "notice.title." + r.kind().name() + (r.outcome() == null ? "" : "." + r.outcome());
        return messages.getMessage(key, new Object[] {r.subject()}, locale);
    }

    String detail(Row r, Locale locale) {
        if (r.detail() == null || r.detail().isBlank()) {
            return null;
        }
        if (!r.kind().argsDetail()) {
            return r.detail();
        }
        Object[] args = r.detail().split("\\|", -1);
        Fmt fmt = new Fmt();
        for (int i = 0; i < args.length; i++) {
            args[i] = asDate((String) args[i], fmt);
        }
        return messages.getMessage("notice.detail." + r.kind().name(), args, locale);
    }

    /** An ISO date argument shown as dd/MM/yyyy; anything else as it is. */
    private static String asDate(String arg, Fmt fmt) {
        if (arg.length() == 10 && arg.charAt(4) == '-' && arg.charAt(7) == '-') {
            try {
                return fmt.date(LocalDate.parse(arg));
            } catch (DateTimeParseException e) {
                return arg;
            }
        }
        return arg;
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
