package vn.dvk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar dvk.jar migrate-files}: copies every file of the local folder ({@code dvk.uploads.dir}) to the
 * bucket of {@code dvk.storage.s3.*}, with the same keys, and exits. A file whose object is already there with the same
 * content is skipped, so the command can be run again after an interruption; each copied object is read back and its
 * SHA-256 compared with the file's. It starts no web server and does not open the database. Prints one line per
 * failure and a summary {@code OK <n> files: <c> copied, <s> already there, <b> bytes copied}; exits 0 when every
 * file is in the bucket, 1 when some could not be copied, 2 when the command could not run (no bucket configured,
 * bucket unreachable).
 */
public final class MigrateFilesCommand {

    public static final String ARG = "migrate-files";

    private MigrateFilesCommand() {}

    public static boolean requested(String[] args) {
        return args.length > 0 && ARG.equals(args[0]);
    }

    /** Runs the copy with these command-line arguments and returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        String[] springArgs = Arrays.stream(args).filter(a -> !ARG.equals(a)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StorageOnly.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.level.root=WARN")
                .run(springArgs)) {
            StorageProperties storage = context.getBean(StorageProperties.class);
            LocalFileStore folder = new LocalFileStore(
                    Path.of(context.getBean(UploadsProperties.class).dir()));
            try (S3FileStore bucket = S3FileStore.of(storage.s3())) {
                return copy(folder, bucket, out);
            }
        } catch (RuntimeException e) {
            out.println("ERROR " + e.getMessage());
            return 2;
        }
    }

    /** Copies what is missing or different, verifies each copy, prints the summary; the exit code. */
    static int copy(LocalFileStore folder, S3FileStore bucket, PrintStream out) {
        out.println("Copying the files of the " + folder.describe() + " to the " + bucket.describe());
        int files = 0;
        int copied = 0;
        int already = 0;
        int failed = 0;
        long bytes = 0;
        for (String key : folder.keys()) {
            files++;
            Path file = folder.root().resolve(key);
            try {
                long size = Files.size(file);
                String sha = sha256(folder.open(key));
                if (bucket.size(key) == size && sha.equals(sha256(bucket.open(key)))) {
                    already++;
                    continue;
                }
                bucket.put(key, file, contentType(file));
                if (bucket.size(key) != size || !sha.equals(sha256(bucket.open(key)))) {
                    failed++;
                    out.println("FAILED " + key + ": the object read back differs from the file");
                    continue;
                }
                copied++;
                bytes += size;
            } catch (FileStore.Unavailable | IOException e) {
                failed++;
                out.println("FAILED " + key + ": " + e.getMessage());
                if (failed == 1 && files == 1) {
                    throw new IllegalStateException("the bucket cannot be used: " + e.getMessage(), e);
                }
            }
        }
        String summary =
                files + " files: " + copied + " copied, " + already + " already there, " + bytes + " bytes copied";
        if (failed > 0) {
            out.println("INCOMPLETE " + summary + ", " + failed + " failed (run the command again)");
            return 1;
        }
        out.println("OK " + summary);
        return 0;
    }

    private static String contentType(Path file) throws IOException {
        String type = Files.probeContentType(file);
        return type == null ? "application/octet-stream" : type;
    }

    private static String sha256(InputStream content) throws IOException {
        try (DigestInputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context of the command: the storage settings, nothing else (no database, no web server). */
    @EnableConfigurationProperties({StorageProperties.class, UploadsProperties.class})
    static class StorageOnly {}
}
