package vn.dvk.imports;

/**
 * A file that cannot be read as an import at all (not a workbook, protected, with macros, a zip bomb, formulas,
 * too big, empty, headers missing): answered with a problem detail naming the file, nothing written.
 */
class ImportRefused extends RuntimeException {

    private final String messageKey;
    private final Object[] args;
    private final int status;

    ImportRefused(String messageKey, Object... args) {
        this(422, messageKey, args);
    }

    ImportRefused(int status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }

    int status() {
        return status;
    }
}
