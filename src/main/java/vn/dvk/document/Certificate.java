package vn.dvk.document;

import java.time.LocalDate;

/**
 * A certificate of merit (Bằng khen, Giấy khen): who grants it ({@code authority}, e.g. "Chủ tịch Ủy ban nhân dân
 * tỉnh Bến Tre"), its title ("Bằng khen"), the recipient, the achievement, the decision, and who signs.
 * Rendered by {@link DocumentRenderer#certificate(Certificate)} on landscape A4.
 */
public record Certificate(
        String authority,
        String title,
        String recipient,
        String reason,
        String decisionNumber,
        LocalDate decisionDate,
        String place,
        String signerPosition,
        String signerName) {}
