package vn.dvk.statistics;

/** The figures of the movement for one slice (a field, a holder type, an origin, or all). */
public record Counts(long registered, long accepted, long changesRequested, long rejected, long proposed,
                     long recognized, long active, long retired) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    Counts plus(Counts o) {
        return new Counts(registered + o.registered, accepted + o.accepted, changesRequested + o.changesRequested,
                rejected + o.rejected, proposed + o.proposed, recognized + o.recognized, active + o.active,
                retired + o.retired);
    }
}
