package vn.dvk.statistics;

import java.util.List;

/** The figures of the movement for one slice (a field, a holder type, an origin, or all). */
public record Counts(
        long registered,
        long accepted,
        long changesRequested,
        long rejected,
        long proposed,
        long recognized,
        long active,
        long retired) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The one order of the counts in every table and workbook, that of the published figures: registered, then the
     * appraisal's outcomes — accepted ("Ghi nhận"), rejected ("Không ghi nhận") — then those still waiting on changes
     * ("Cần điều chỉnh"), proposed, recognized, active, retired. Labels are {@code stat.<key>}.
     */
    public static final List<String> ORDER = List.of(
            "registered", "accepted", "rejected", "changesRequested", "proposed", "recognized", "active", "retired");

    /** The count named by a key of {@link #ORDER}. */
    public long value(String key) {
        return switch (key) {
            case "registered" -> registered;
            case "accepted" -> accepted;
            case "rejected" -> rejected;
            case "changesRequested" -> changesRequested;
            case "proposed" -> proposed;
            case "recognized" -> recognized;
            case "active" -> active;
            case "retired" -> retired;
            default -> throw new IllegalArgumentException(key);
        };
    }

    Counts plus(Counts o) {
        return new Counts(
                registered + o.registered,
                accepted + o.accepted,
                changesRequested + o.changesRequested,
                rejected + o.rejected,
                proposed + o.proposed,
                recognized + o.recognized,
                active + o.active,
                retired + o.retired);
    }
}
