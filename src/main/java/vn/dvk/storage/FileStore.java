package vn.dvk.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import vn.dvk.shared.Problems;

/**
 * The files of every node, under keys such as {@code ab/ab12…} (lower-case letters, digits and {@code /}). A put is
 * all or nothing: after a failure no object is left under the key, or the one there before. Implementations: the
 * local folder ({@code dvk.storage.type=local}, the default) and an S3-compatible bucket ({@code s3}).
 */
public interface FileStore {

    /** What a key may look like: segments of lower-case letters and digits joined by {@code /}. */
    Pattern KEY = Pattern.compile("^[a-z0-9]+(/[a-z0-9]+)*$");

    /** Stores these bytes under the key, replacing what was there. */
    void put(String key, byte[] content, String contentType);

    /** Stores the file's content under the key, replacing what was there. */
    void put(String key, Path file, String contentType);

    /** The stored content; the caller closes it. {@link Missing} when nothing is stored under the key. */
    InputStream open(String key);

    /** Whether something is stored under the key. */
    boolean exists(String key);

    /** Removes what is stored under the key; nothing happens when nothing is. */
    void delete(String key);

    /** Every stored object whose name is a key, with the time it was last written (for the orphan sweep). */
    List<Stored> list();

    /** A stored object: its key and when it was last written. */
    record Stored(String key, Instant modified) {}

    /** Where the files go, for logs and the migration command (no secrets). */
    String describe();

    /** Refuses a key that is not of the {@link #KEY} form (never a path that could leave the store). */
    static String checkKey(String key) {
        if (key == null || key.length() > 200 || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return key;
    }

    /** Nothing is stored under the key: answered 404. */
    class Missing extends Problems.NotFound {
        public Missing() {
            super("upload.notFound");
        }
    }

    /** The storage cannot be reached or refused the operation: answered 503, the user is asked to try later. */
    class Unavailable extends Problems.Unavailable {
        public Unavailable(String detail, Throwable cause) {
            super("storage.unavailable", detail, cause);
        }
    }
}
