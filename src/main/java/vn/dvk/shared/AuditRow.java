package vn.dvk.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One stored audit entry as the hash chain sees it, read by plain JDBC (the back-fill and the verification). */
record AuditRow(
        long id,
        Instant at,
        String actor,
        String subjectType,
        Long subjectId,
        String action,
        String fromState,
        String toState,
        String comment,
        String prevHash,
        String hash) {

    static final String COLUMNS =
            "id, at, actor, subject_type, subject_id, action, from_state, to_state, comment, prev_hash, hash";

    static AuditRow read(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
        long subject = rs.getLong("subject_id");
        boolean noSubject = rs.wasNull();
        return new AuditRow(
                rs.getLong("id"),
                at == null ? null : at.toInstant(),
                rs.getString("actor"),
                rs.getString("subject_type"),
                noSubject ? null : subject,
                rs.getString("action"),
                rs.getString("from_state"),
                rs.getString("to_state"),
                rs.getString("comment"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** The hash this entry must have when it follows an entry whose hash is {@code prev}. */
    String expectedHash(String prev) {
        return AuditHash.of(prev, at, actor, subjectType, subjectId, action, fromState, toState, comment);
    }
}
