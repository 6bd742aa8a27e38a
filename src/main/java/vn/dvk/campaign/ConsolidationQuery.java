package vn.dvk.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * What a campaign's consolidation shows, as the API and the page bind it: the unit whose direct children are the rows
 * (a unit of the campaign's subtree the caller covers; by default the campaign's unit, or the caller's own unit when
 * it lies below), only the units that have registered nothing, and which page ({@code page} from 0).
 */
record ConsolidationQuery(
        @Size(max = 32) String unit,
        Boolean onlyMissing,
        @Min(0) @Max(100_000) Integer page,
        @Min(1) @Max(MAX_SIZE) Integer size) {

    /** Rows of a page unless {@code size} says otherwise. */
    static final int DEFAULT_SIZE = 50;

    /** The most rows of one page. */
    static final int MAX_SIZE = 500;

    /** The query a page starts from: the default unit, every row, the first page. */
    static ConsolidationQuery first() {
        return new ConsolidationQuery(null, null, null, null);
    }

    /** The unit asked for, or null for the default one. */
    String unitCode() {
        return unit == null || unit.isBlank() ? null : unit.strip();
    }

    boolean missingOnly() {
        return Boolean.TRUE.equals(onlyMissing);
    }

    int pageNumber() {
        return page == null ? 0 : page;
    }

    int pageSize() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
