package vn.dvk.shared;

import java.util.List;

/** Exceptions that carry a client's mistake to the problem-details handler. Messages are message-bundle keys. */
public final class Problems {

    private Problems() {}

    /** One field and what is wrong with it. */
    public record FieldError(String field, String messageKey, Object... args) {}

    /** Something the caller may not see or that does not exist: answered 404. */
    public static class NotFound extends RuntimeException {
        private final String messageKey;
        private final String field;

        public NotFound(String messageKey) {
            this(messageKey, null);
        }

        private NotFound(String messageKey, String field) {
            super(messageKey);
            this.messageKey = messageKey;
            this.field = field;
        }

        /** Not found, or not visible, by what a request parameter named (answered with that field in errors). */
        public static NotFound onField(String field, String messageKey) {
            return new NotFound(messageKey, field);
        }

        public String messageKey() {
            return messageKey;
        }
        /** The request field that named what was not found, or null. */
        public String field() {
            return field;
        }
    }

    /** A move the current state forbids, or a stale version: answered 409. */
    public static class Conflict extends RuntimeException {
        private final String messageKey;
        private final Object[] args;
        private String field;

        public Conflict(String messageKey, Object... args) {
            super(messageKey);
            this.messageKey = messageKey;
            this.args = args;
        }

        /** A conflict about one field of the request, which the problem's {@code errors} then name. */
        public static Conflict onField(String field, String messageKey, Object... args) {
            Conflict c = new Conflict(messageKey, args);
            c.field = field;
            return c;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] args() {
            return args;
        }
        /** The field of the request the conflict concerns, or null. */
        public String field() {
            return field;
        }
    }

    /** Input that passes the syntax but breaks a business rule on named fields: answered 400. */
    public static class Invalid extends RuntimeException {
        private final List<FieldError> errors;

        public Invalid(String field, String messageKey, Object... args) {
            this(List.of(new FieldError(field, messageKey, args)));
        }

        public Invalid(List<FieldError> errors) {
            super(errors.isEmpty() ? "invalid" : errors.get(0).field());
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** A signed-in user who may see a thing but not do this to it: answered 403. */
    public static class Forbidden extends RuntimeException {
        private final String messageKey;

        public Forbidden(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * A service the request needs (the file storage) cannot be reached: answered 503 with the message key's text.
     * The detail (what failed, for the log) is never shown to the user.
     */
    public static class Unavailable extends RuntimeException {
        private final String messageKey;

        public Unavailable(String messageKey, String detail, Throwable cause) {
            super(detail, cause);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** Too many requests from one client within a while: answered 429 with {@code Retry-After} in seconds. */
    public static class TooMany extends RuntimeException {
        private final String messageKey;
        private final long retryAfterSeconds;

        public TooMany(String messageKey, long retryAfterSeconds) {
            super(messageKey);
            this.messageKey = messageKey;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public String messageKey() {
            return messageKey;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
