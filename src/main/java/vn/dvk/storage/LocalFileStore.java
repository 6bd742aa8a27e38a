package vn.dvk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files in a folder of this machine ({@code dvk.uploads.dir}): the key {@code ab/ab12…} is the file
 * {@code <folder>/ab/ab12…}, the layout DVK has always used. A put writes a temporary file beside the target and
 * moves it into place atomically, so a reader never sees half a file.
 */
class LocalFileStore implements FileStore {

    private final Path root;

    LocalFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        write(key, tmp -> Files.write(tmp, content));
    }

    @Override
    public void put(String key, Path file, String contentType) {
        write(key, tmp -> Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING));
    }

    private interface Writing {
        void into(Path tmp) throws IOException;
    }

    private void write(String key, Writing writing) {
        Path target = path(key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "up", ".tmp");
            writing.into(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new Unavailable("cannot write " + key + " under " + root + ": " + e, e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(path(key));
        } catch (NoSuchFileException e) {
            throw new Missing();
        } catch (IOException e) {
            throw new Unavailable("cannot read " + key + " under " + root + ": " + e, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new Unavailable("cannot delete " + key + " under " + root + ": " + e, e);
        }
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    @Override
    public List<Stored> list() {
        List<Stored> out = new ArrayList<>();
        for (String key : keys()) {
            try {
                out.add(new Stored(key, Files.getLastModifiedTime(path(key)).toInstant()));
            } catch (IOException e) {
                // removed since it was listed
            }
        }
        return out;
    }

    /** Every stored key, in order; temporary files and anything else not named like a key are left out. */
    List<String> keys() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.length() <= 200 && KEY.matcher(k).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new Unavailable("cannot list " + root + ": " + e, e);
        }
    }

    private Path path(String key) {
        Path p = root.resolve(FileStore.checkKey(key)).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return p;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the temporary file's name never matches a key, so the migration and readers skip it
            }
        }
    }
}
