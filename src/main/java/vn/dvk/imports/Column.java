package vn.dvk.imports;

import java.util.Arrays;
import java.util.List;

/**
 * One column of an import template: its key (the English header of the template's second row, also accepted as the
 * first), whether a row must fill it, the codes it accepts (an enumeration; empty for free text) and the example's
 * value. Its Vietnamese header and its explanation are the messages {@code label} (by default
 * {@code imports.column.<key>}) and {@code <label>.note}.
 */
record Column(String key, boolean required, String enumType, List<String> codes, String example, String label) {

    Column(String key, boolean required, String enumType, List<String> codes, String example) {
        this(key, required, enumType, codes, example, "imports.column." + key);
    }

    static Column text(String key, boolean required, String example) {
        return new Column(key, required, null, List.of(), example);
    }

    static Column choice(String key, boolean required, Class<? extends Enum<?>> type, String example) {
        return new Column(
                key,
                required,
                type.getSimpleName(),
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(),
                example);
    }

    /** The same column under another message key for its header and explanation (a key shared by two kinds). */
    Column labelled(String messageKey) {
        return new Column(key, required, enumType, codes, example, messageKey);
    }
}
