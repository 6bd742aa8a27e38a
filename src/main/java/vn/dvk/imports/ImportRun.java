package vn.dvk.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.dvk.shared.Actor;

/**
 * One import under way, of one kind: it checks each row handed to {@link #accept} and, unless it is a preview or a
 * row was wrong already, writes what the rows say (all of it is rolled back at the end when any row was wrong).
 */
abstract class ImportRun {

    final Actor actor;
    final boolean dryRun;
    final boolean update;
    final Long importId;
    private final Labels labels;
    private final int maxErrors;
    final Set<Integer> badRows = new HashSet<>();
    final List<ImportReport.RowError> errors = new ArrayList<>();
    int created;
    int unchanged;
    int updated;

    ImportRun(Actor actor, boolean dryRun, boolean update, Long importId, Labels labels, int maxErrors) {
        this.actor = actor;
        this.dryRun = dryRun;
        this.update = update;
        this.importId = importId;
        this.labels = labels;
        this.maxErrors = maxErrors;
    }

    /** Checks one data row (and writes it, or queues it for the next batch). */
    abstract void accept(ImportFile.Row row);

    /** Checks and writes what is still queued. */
    void flush() {}

    /** True while rows may still be written: a real import in which no row was wrong so far. */
    boolean writing() {
        return !dryRun && badRows.isEmpty();
    }

    /** Records an error of a row: {@code messageKey} null means {@code args[0]} is the message itself. */
    void error(int row, String column, String messageKey, Object... args) {
        badRows.add(row);
        if (errors.size() < maxErrors) {
            String message = messageKey == null ? String.valueOf(args[0]) : labels.text(messageKey, args);
            errors.add(new ImportReport.RowError(row, column, message));
        }
    }

    /** The error of an already resolved message. */
    void errorText(int row, String column, String message) {
        error(row, column, null, message);
    }
}
