package vn.dvk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvk.support.S3Server;

/** The S3 store against a real S3 server (S3Proxy) started in this JVM. */
class S3FileStoreTests {

    private static S3Server server;
    private static S3FileStore store;

    @BeforeAll
    static void start() {
        server = S3Server.start("dvk-files");
        store = S3FileStore.of(new StorageProperties.S3(
                server.bucket(),
                server.endpoint(),
                "us-east-1",
                null,
                null,
                S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY,
                Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        store.close();
        server.close();
    }

    @Test
    void whatIsPutIsReadBackByteForByte(@TempDir Path dir) throws Exception {
        // given a photo's bytes and an export's file of 3 MB
        byte[] photo = bytes(300_000, 1);
        Path export = dir.resolve("export.xlsx");
        Files.write(export, bytes(3 * 1024 * 1024, 2));

        // when both are put
        store.put("ab/ab0123456789abcdef0123456789abcd", photo, "image/png");
        store.put("exports/cd/cd0123456789abcdef0123456789abcd", export, "application/zip");

        // then both are there, the same bytes, under their keys in the bucket
        assertThat(store.exists("ab/ab0123456789abcdef0123456789abcd")).isTrue();
        try (InputStream in = store.open("ab/ab0123456789abcdef0123456789abcd")) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }
        try (InputStream in = store.open("exports/cd/cd0123456789abcdef0123456789abcd")) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(export));
        }
        assertThat(server.keys())
                .contains("ab/ab0123456789abcdef0123456789abcd", "exports/cd/cd0123456789abcdef0123456789abcd");
        assertThat(store.size("ab/ab0123456789abcdef0123456789abcd")).isEqualTo(photo.length);
    }

    @Test
    void aDeletedObjectIsGoneAndDeletingNothingIsNoError() {
        // given a stored object
        store.put("de/de0123456789abcdef0123456789abcd", bytes(1000, 3), "application/pdf");

        // when it is deleted, twice
        store.delete("de/de0123456789abcdef0123456789abcd");
        store.delete("de/de0123456789abcdef0123456789abcd");

        // then it is gone from the store and from the server
        assertThat(store.exists("de/de0123456789abcdef0123456789abcd")).isFalse();
        assertThat(server.keys()).doesNotContain("de/de0123456789abcdef0123456789abcd");
    }

    @Test
    void aMissingObjectIsMissingNotAnError() {
        // when nothing was stored under a key
        // then it does not exist, has no size, and opening it says it is missing (404 for the user)
        assertThat(store.exists("00/000000000000000000000000000000ff")).isFalse();
        assertThat(store.size("00/000000000000000000000000000000ff")).isEqualTo(-1);
        assertThatThrownBy(() -> store.open("00/000000000000000000000000000000ff"))
                .isInstanceOf(FileStore.Missing.class);
    }

    @Test
    void aKeyThatCouldLeaveTheStoreIsRefused() {
        assertThatThrownBy(() -> store.put("../etc/passwd", new byte[1], "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("AB/Upper")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTheServerIsDownEachOperationSaysSoAndNothingIsHalfWritten() {
        // given the server is stopped
        server.stop();
        try {
            // when a file is put, read, checked and deleted
            // then each fails with the storage's own error, naming the operation and the bucket (for the log)
            assertThatThrownBy(() -> store.put("ee/ee0123456789abcdef0123456789abcd", bytes(500_000, 4), "image/png"))
                    .isInstanceOf(FileStore.Unavailable.class)
                    .hasMessageContaining("put")
                    .hasMessageContaining("dvk-files")
                    .extracting(e -> ((FileStore.Unavailable) e).messageKey())
                    .isEqualTo("storage.unavailable");
            assertThatThrownBy(() -> store.open("ee/ee0123456789abcdef0123456789abcd"))
                    .isInstanceOf(FileStore.Unavailable.class);
            assertThatThrownBy(() -> store.exists("ee/ee0123456789abcdef0123456789abcd"))
                    .isInstanceOf(FileStore.Unavailable.class);
            assertThatThrownBy(() -> store.delete("ee/ee0123456789abcdef0123456789abcd"))
                    .isInstanceOf(FileStore.Unavailable.class);
        } finally {
            server.start();
        }
        // and once it is back, there is no object, whole or partial, under the key
        assertThat(store.exists("ee/ee0123456789abcdef0123456789abcd")).isFalse();
        assertThat(server.keys()).doesNotContain("ee/ee0123456789abcdef0123456789abcd");
    }

    @Test
    void aWrongSecretIsRefusedAsUnavailableNotMissing() {
        // given a client with a wrong secret
        try (S3FileStore wrong = S3FileStore.of(new StorageProperties.S3(
                server.bucket(),
                server.endpoint(),
                "us-east-1",
                true,
                null,
                S3Server.ACCESS_KEY,
                "not-the-secret",
                Duration.ofSeconds(5)))) {
            // then a put is refused by the server and reported as the store being unusable
            assertThatThrownBy(() -> wrong.put("ff/ff0123456789abcdef0123456789abcd", bytes(10, 5), "image/png"))
                    .isInstanceOf(FileStore.Unavailable.class);
        }
        assertThat(server.keys()).doesNotContain("ff/ff0123456789abcdef0123456789abcd");
    }

    @Test
    void aBucketThatDoesNotExistIsAConfigurationFaultNotAMissingFile() {
        // given a client of a bucket the server does not have
        try (S3FileStore nowhere = S3FileStore.of(new StorageProperties.S3(
                "no-such-bucket",
                server.endpoint(),
                "us-east-1",
                null,
                "dvk/",
                S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY,
                Duration.ofSeconds(5)))) {
            // then reading is refused as the store being unusable (503), not as a missing file (404)
            assertThatThrownBy(() -> nowhere.open("ab/ab0123456789abcdef0123456789abcd"))
                    .isInstanceOf(FileStore.Unavailable.class)
                    .hasMessageContaining("no-such-bucket");
            assertThatThrownBy(() -> nowhere.put("ab/ab0123456789abcdef0123456789abcd", new byte[] {1}, "image/png"))
                    .isInstanceOf(FileStore.Unavailable.class);
        }
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
