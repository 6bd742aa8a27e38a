package vn.dvk.imports;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dvk.shared.TextFolding;

/** The words of templates and error messages, from the message bundles; headers and choices matched without accents. */
@Component
class Labels {

    static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** A message in the caller's language. */
    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The Vietnamese header of a column (the template's first row). */
    String header(Column c) {
        return text(VI, c.label());
    }

    /** The label of one of a column's codes, in a language. */
    String choice(Locale locale, Column c, String code) {
        return text(locale, "enum." + c.enumType() + "." + code);
    }

    /** The labels of a column's choices in the caller's language, for an error message. */
    String choices(Column c) {
        Locale locale = LocaleContextHolder.getLocale();
        return String.join(
                "; ", c.codes().stream().map(code -> choice(locale, c, code)).toList());
    }

    /** True when a header cell names the column: its key, or its header in Vietnamese or English, accents aside. */
    boolean names(Column c, String cell) {
        String f = fold(cell);
        return !f.isEmpty()
                && (f.equals(fold(c.key()))
                        || f.equals(fold(header(c)))
                        || f.equals(fold(text(Locale.ENGLISH, c.label()))));
    }

    /** The code a cell of a choice column stands for (its code or its label in either language), or null. */
    String code(Column c, String cell) {
        String f = fold(cell);
        for (String code : c.codes()) {
            if (f.equals(fold(code))
                    || f.equals(fold(choice(VI, c, code)))
                    || f.equals(fold(choice(Locale.ENGLISH, c, code)))) {
                return code;
            }
        }
        return null;
    }

    static String fold(String s) {
        return s == null ? "" : TextFolding.words(s.replace('_', ' '));
    }
}
