package vn.dvk.imports;

/**
 * An import was written (not a preview, not one refused with errors): published in its transaction. {@code kind} is
 * the lower-case kind of the API ({@code models}, {@code users}…).
 */
public record ImportFinished(
        Long importId,
        String kind,
        String fileName,
        String username,
        int rows,
        int created,
        int unchanged,
        int updated) {}
