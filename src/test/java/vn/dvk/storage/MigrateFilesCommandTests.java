package vn.dvk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvk.support.S3Server;

/** {@code migrate-files}: the folder's files to a real S3 server, verified, and idempotent. */
class MigrateFilesCommandTests {

    private static S3Server server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = S3Server.start("dvk-migrated");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyFileIsCopiedOnceVerifiedAndAChangedOneAgain() throws Exception {
        // given a folder as DVK left it: two evidence files, one export, a temporary file and a stray file
        LocalFileStore folder = new LocalFileStore(dir);
        byte[] photo = S3FileStoreTests.bytes(200_000, 11);
        byte[] pdf = S3FileStoreTests.bytes(5_000, 12);
        byte[] xlsx = S3FileStoreTests.bytes(1_500_000, 13);
        folder.put("ab/ab0123456789abcdef0123456789abcd", photo, "image/png");
        folder.put("cd/cd0123456789abcdef0123456789abcd", pdf, "application/pdf");
        folder.put("exports/ef/ef0123456789abcdef0123456789abcd", xlsx, "application/zip");
        Files.writeString(dir.resolve("ab/up99.tmp"), "half");
        Files.writeString(dir.resolve("notes.txt"), "not DVK's");

        // when the command runs
        Run first = run("--dvk.uploads.dir=" + dir);

        // then the three files are in the bucket under the same keys, byte for byte, and it says so
        assertThat(first.code).as(first.out).isZero();
        assertThat(first.out)
                .contains("OK 3 files: 3 copied, 0 already there, " + (photo.length + pdf.length + xlsx.length)
                        + " bytes copied");
        assertThat(server.keys())
                .containsExactly(
                        "ab/ab0123456789abcdef0123456789abcd",
                        "cd/cd0123456789abcdef0123456789abcd",
                        "exports/ef/ef0123456789abcdef0123456789abcd");
        assertThat(server.bytes("exports/ef/ef0123456789abcdef0123456789abcd")).isEqualTo(xlsx);

        // when it runs again, nothing is copied
        Run again = run("--dvk.uploads.dir=" + dir);
        assertThat(again.out).contains("OK 3 files: 0 copied, 3 already there, 0 bytes copied");

        // when a file differs from its object (an interrupted earlier copy), only that one is copied again
        byte[] changed = S3FileStoreTests.bytes(5_000, 14);
        folder.put("cd/cd0123456789abcdef0123456789abcd", changed, "application/pdf");
        Run third = run("--dvk.uploads.dir=" + dir);
        assertThat(third.out).contains("OK 3 files: 1 copied, 2 already there, 5000 bytes copied");
        assertThat(server.bytes("cd/cd0123456789abcdef0123456789abcd")).isEqualTo(changed);
    }

    @Test
    void anUnreachableBucketEndsWithAnErrorAndCode2() throws Exception {
        // given a file and a server that is down
        new LocalFileStore(dir).put("ab/ab0123456789abcdef0123456789abcd", new byte[] {1, 2}, "image/png");
        server.stop();
        try {
            // when the command runs, then it says the bucket cannot be used
            Run r = run("--dvk.uploads.dir=" + dir, "--dvk.storage.s3.timeout=PT2S");
            assertThat(r.code).as(r.out).isEqualTo(2);
            assertThat(r.out).contains("ERROR the bucket cannot be used");
        } finally {
            server.start();
        }
    }

    @Test
    void withoutABucketItRefusesToRun() {
        Run r = runWith(new String[] {"migrate-files", "--dvk.uploads.dir=" + dir});
        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).contains("dvk.storage.s3.bucket");
    }

    private record Run(int code, String out) {}

    private Run run(String... extra) {
        String[] base = {
            "migrate-files",
            "--dvk.storage.s3.bucket=" + server.bucket(),
            "--dvk.storage.s3.endpoint=" + server.endpoint(),
            "--dvk.storage.s3.access-key=" + S3Server.ACCESS_KEY,
            "--dvk.storage.s3.secret-key=" + S3Server.SECRET_KEY
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return runWith(args);
    }

    private static Run runWith(String[] args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = MigrateFilesCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
