package vn.dvk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local folder store: the layout DVK has always used, atomic writes, clear errors. */
class LocalFileStoreTests {

    @TempDir
    Path dir;

    @Test
    void aFileIsWrittenWhereTheOldLayoutPutItAndReadBack() throws Exception {
        // given the store over a folder
        LocalFileStore store = new LocalFileStore(dir);
        byte[] pdf = S3FileStoreTests.bytes(20_000, 7);

        // when a file is put under an evidence key
        store.put("ab/ab0123456789abcdef0123456789abcd", pdf, "application/pdf");

        // then it is the file <folder>/ab/<name>, whole, with no temporary file left beside it
        assertThat(Files.readAllBytes(dir.resolve("ab").resolve("ab0123456789abcdef0123456789abcd")))
                .isEqualTo(pdf);
        try (var files = Files.list(dir.resolve("ab"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ab0123456789abcdef0123456789abcd");
        }
        try (InputStream in = store.open("ab/ab0123456789abcdef0123456789abcd")) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(store.keys()).containsExactly("ab/ab0123456789abcdef0123456789abcd");
    }

    @Test
    void aMissingFileIsMissingAndADeletedOneIsGone() {
        LocalFileStore store = new LocalFileStore(dir);
        store.put("cd/cd0123456789abcdef0123456789abcd", new byte[] {1, 2, 3}, "image/png");

        store.delete("cd/cd0123456789abcdef0123456789abcd");
        store.delete("cd/cd0123456789abcdef0123456789abcd");

        assertThat(store.exists("cd/cd0123456789abcdef0123456789abcd")).isFalse();
        assertThatThrownBy(() -> store.open("cd/cd0123456789abcdef0123456789abcd"))
                .isInstanceOf(FileStore.Missing.class);
    }

    @Test
    void aFolderThatCannotBeWrittenIsUnavailableAndLeavesNothing() throws Exception {
        // given a "folder" that is a plain file, so nothing can be created under it
        Path blocked = Files.writeString(dir.resolve("blocked"), "x");
        LocalFileStore store = new LocalFileStore(blocked);

        // when a file is put, then the store says it is unavailable (503 for the user)
        assertThatThrownBy(() -> store.put("ef/ef0123456789abcdef0123456789abcd", new byte[] {1}, "image/png"))
                .isInstanceOf(FileStore.Unavailable.class)
                .hasMessageContaining("ef/ef0123456789abcdef0123456789abcd");
        assertThat(Files.readString(blocked)).isEqualTo("x");
    }

    @Test
    void keysLeaveOutTemporaryAndForeignFiles() throws Exception {
        LocalFileStore store = new LocalFileStore(dir);
        store.put("exports/ab/ab0123456789abcdef0123456789abcd", new byte[] {1}, "application/pdf");
        Files.writeString(dir.resolve("exports/ab/up123.tmp"), "half");
        Files.writeString(dir.resolve("README.txt"), "not a key");

        assertThat(store.keys()).containsExactly("exports/ab/ab0123456789abcdef0123456789abcd");
        assertThatThrownBy(() -> store.open("../outside")).isInstanceOf(IllegalArgumentException.class);
    }
}
