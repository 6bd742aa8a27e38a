package vn.dvk.shared;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit entry: SHA-256 over the previous entry's hash and the entry's canonical fields.
 * Canonical form (version 1): the ASCII tag {@code dvk-audit-v1}, the previous hash (64 hex digits), then each
 * field as a 4-byte big-endian length (-1 for null) followed by its UTF-8 bytes, in this order: the time in
 * microseconds since the epoch (decimal), actor, subject type, subject id (decimal), action, from state,
 * to state, comment. The entry's id is not part of it: the order is fixed by {@code prev_hash}. Public for the
 * bulk writers (the dataset generator) that append to the chain without going through {@link AuditTrail}.
 */
public final class AuditHash {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] TAG = "dvk-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private AuditHash() {}

    public static String of(
            String prevHash,
            Instant at,
            String actor,
            String subjectType,
            Long subjectId,
            String action,
            String fromState,
            String toState,
            String comment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(TAG);
        out.writeBytes(prevHash.getBytes(StandardCharsets.US_ASCII));
        field(out, at == null ? null : String.valueOf(micros(at)));
        field(out, actor);
        field(out, subjectType);
        field(out, subjectId == null ? null : subjectId.toString());
        field(out, action);
        field(out, fromState);
        field(out, toState);
        field(out, comment);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
