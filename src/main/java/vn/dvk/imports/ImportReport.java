package vn.dvk.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an import found or did: a preview ({@code dryRun}) says how many rows and how many are valid; a real import how
 * many records it created, left unchanged (already there, same values) or updated (asked to). Errors name the row of
 * the sheet (1-based, as Excel numbers it) and the column's key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
        int rows,
        Integer valid,
        Integer created,
        Integer unchanged,
        Integer updated,
        List<RowError> errors,
        List<InitialPassword> initialPasswords) {

    public ImportReport(
            int rows, Integer valid, Integer created, Integer unchanged, Integer updated, List<RowError> errors) {
        this(rows, valid, created, unchanged, updated, errors, null);
    }

    /**
     * The password generated for a user created by an import of users (a file never carries passwords): shown once,
     * in this answer, for the administrator to hand over; never stored in clear nor written to the audit trail.
     */
    public record InitialPassword(String username, String password) {}

    /** One thing wrong with one row; {@code row} 0 for the file as a whole. */
    public record RowError(int row, String column, String message) {}
}
