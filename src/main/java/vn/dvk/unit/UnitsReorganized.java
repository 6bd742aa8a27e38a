package vn.dvk.unit;

import java.time.LocalDate;
import java.util.List;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;

/**
 * Published inside the transaction of a reorganization, after the tree has changed, so that the modules that
 * hold rows of the ended units (users, open registrations, pending proposals) move them in the same
 * transaction. Listeners add what they moved to {@link #report()}, and what each unit in {@link #moved()}
 * carries.
 */
public record UnitsReorganized(
        long reorganizationId,
        ReorganizationType type,
        LocalDate effectiveDate,
        Actor actor,
        List<Ended> ended,
        ReorganizationReport report,
        List<Moved> moved) {

    /**
     * A unit that moves (ends into a successor, or goes under another parent) with {@code formerSubtree}, the
     * units below it the day before: listeners count what it carries into {@link ReorganizationReport#carried}.
     */
    public record Moved(String code, UnitScope formerSubtree) {}

    /**
     * A unit that ended, its level, the successor that takes over its users, work and history, and
     * {@code formerSubtree}: the units that lay below it the day before (its children have moved since).
     */
    public record Ended(
            long unitId,
            String code,
            Level level,
            long successorId,
            String successorCode,
            Level successorLevel,
            UnitScope formerSubtree) {}
}
