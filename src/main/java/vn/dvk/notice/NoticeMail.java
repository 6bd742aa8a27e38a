package vn.dvk.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.dvk.account.Accounts;

/**
 * The e-mail of one notice, or of a day's digest: {@code multipart/alternative} with a plain text and an HTML part, in
 * the recipient's language. Every text that came from users (names, titles, comments) is escaped in the HTML, and the
 * subject holds no line break or control character, so no one can add a header or markup through them.
 */
@Component
class NoticeMail {

    private static final int SUBJECT_MAX = 200;

    private final NoticeText text;
    private final String base;

    NoticeMail(NoticeText text, @Value("${dvk.public-url:http://localhost:8080}") String publicUrl) {
        this.text = text;
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Fills {@code message} with the notices for {@code to} (one: a single notice; more: a digest). */
    void compose(MimeMessage message, String from, Accounts.Recipient to, Locale locale, List<NoticeText.Row> rows)
            throws MessagingException {
        String subject = rows.size() == 1
                ? text.title(rows.get(0), locale)
                : text.message("notice.mail.digest.subject", locale, rows.size());
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">");
        String greeting = text.message("notice.mail.greeting", locale, to.fullName());
        plain.append(greeting).append("\n\n");
        html.append("<p>").append(esc(greeting)).append("</p>");
        for (NoticeText.Row r : rows) {
            String title = text.title(r, locale);
            String detail = text.detail(r, locale);
            String link = r.link() == null ? base + "/notifications" : base + r.link();
            plain.append("* ").append(title).append('\n');
            html.append("<p><strong>").append(esc(title)).append("</strong>");
            if (detail != null) {
                plain.append("  ").append(detail.replace("\n", "\n  ")).append('\n');
                html.append("<br>").append(esc(detail).replace("\n", "<br>"));
            }
            plain.append("  ").append(link).append("\n\n");
            html.append("<br><a href=\"")
                    .append(esc(link))
                    .append("\">")
                    .append(esc(link))
                    .append("</a></p>");
        }
        String footer = text.message("notice.mail.footer", locale, base + "/notifications/settings");
        plain.append("--\n").append(footer).append('\n');
        html.append("<hr><p style=\"color:#666;font-size:small\">")
                .append(esc(footer))
                .append("</p></body></html>");

        try {
            message.setFrom(new InternetAddress(from));
            message.setRecipient(
                    MimeMessage.RecipientType.TO,
                    new InternetAddress(to.email(), headerSafe(to.fullName(), 100), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8", e);
        }
        message.setSubject("[DVK] " + headerSafe(subject, SUBJECT_MAX), StandardCharsets.UTF_8.name());
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plainPart = new MimeBodyPart();
        plainPart.setText(plain.toString(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html.toString(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(plainPart);
        alternative.addBodyPart(htmlPart);
        message.setContent(alternative);
    }

    /**
     * A text fit for a header: line breaks, control characters and the Unicode line separators become spaces, runs of
     * spaces one, cut at {@code max} characters.
     */
    static String headerSafe(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", " ")
                .replaceAll(" {2,}", " ")
                .trim();
        return one.length() > max ? one.substring(0, max - 1) + "…" : one;
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, StandardCharsets.UTF_8.name());
    }
}
