package vn.dvk.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an import found or did: a preview ({@code dryRun}) says how many rows and how many are valid; a real import how
 * many records it created, left unchanged (already there, same values) or updated (asked to). Errors name the row of
 * the sheet (1-based, as Excel numbers it) and the column's key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(int rows, Integer valid, Integer created, Integer unchanged, Integer updated,
                           List<RowError> errors) {

    /** One thing wrong with one row; {@code row} 0 for the file as a whole. */
    public record RowError(int row, String column, String message) {
    }
}
