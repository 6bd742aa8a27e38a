package vn.dvk.progress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.Problems;
import vn.dvk.storage.FileStore;

/**
 * Evidence files (photos, PDF, Word, Excel): checked by size and by content, stored under generated names in the
 * {@link FileStore} (key {@code <2 hex>/<32 hex>}), and served with safe headers. Progress reports and inspections share it.
 */
@Component
@EnableConfigurationProperties(EvidenceProperties.class)
public class EvidenceStore {

    private static final Logger log = LoggerFactory.getLogger(EvidenceStore.class);
    private static final Pattern STORED = Pattern.compile("^[0-9a-f]{32}$");
    /** At most this many files in one upload. */
    public static final int MAX_FILES = 10;

    /** A file as it arrives: its name on the sender's machine, its size and its bytes. */
    public record Upload(String fileName, long size, InputStreamSource content) {

        public static Upload of(MultipartFile file) {
            return new Upload(file.getOriginalFilename(), file.getSize(), file);
        }

        public static Upload of(String fileName, byte[] bytes) {
            return new Upload(fileName, bytes.length, () -> new ByteArrayInputStream(bytes));
        }
    }

    /** A file that passed the checks, ready to store. */
    public record Checked(String fileName, FileType type, byte[] bytes) {}

    /** A stored file: its generated name, the name the sender gave it, its checked type and size. */
    public record StoredFile(String storedName, String fileName, String contentType, long size) {

        public boolean image() {
            FileType t = FileType.ofMediaType(contentType);
            return t != null && t.image();
        }
    }

    private final FileStore files;
    private final DataSize maxSize;

    EvidenceStore(FileStore files, EvidenceProperties settings) {
        this.files = files;
        this.maxSize = settings.maxSize();
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /**
     * Checks every upload and answers them in order, or refuses them all with one error per bad file, named
     * {@code field[i]} (or {@code field} for a single file).
     */
    public List<Checked> check(String field, List<Upload> uploads) {
        List<Checked> out = new ArrayList<>();
        List<Problems.FieldError> errors = new ArrayList<>();
        if (uploads.size() > MAX_FILES) {
            throw new Problems.Invalid(field, "upload.tooMany", MAX_FILES);
        }
        for (int i = 0; i < uploads.size(); i++) {
            String name = uploads.size() == 1 ? field : field + "[" + i + "]";
            try {
                out.add(check(name, uploads.get(i)));
            } catch (Problems.Invalid e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        return out;
    }

    /** Checks one upload: not empty, not too large, and a JPEG, PNG, PDF, DOCX or XLSX by its content. */
    public Checked check(String field, Upload u) {
        String name = cleanName(u.fileName());
        if (u.size() <= 0) {
            throw new Problems.Invalid(field, "upload.empty", name);
        }
        if (u.size() > maxSize.toBytes()) {
            throw tooLarge(field, name, u.size());
        }
        byte[] bytes;
        try (InputStream in = u.content().getInputStream()) {
            bytes = in.readNBytes((int) maxSize.toBytes() + 1);
        } catch (IOException e) {
            throw new Problems.Invalid(field, "upload.unreadable", name);
        }
        if (bytes.length == 0) {
            throw new Problems.Invalid(field, "upload.empty", name);
        }
        if (bytes.length > maxSize.toBytes()) {
            throw tooLarge(field, name, bytes.length);
        }
        FileSniffer.Verdict v = FileSniffer.sniff(bytes);
        if (v.type() == null) {
            throw new Problems.Invalid(field, v.refusalKey(), name, v.executableKind());
        }
        return new Checked(name, v.type(), bytes);
    }

    /**
     * Writes a checked file under a new random name and returns it. Inside a transaction, the file is removed
     * again if the transaction rolls back, so nothing is half-saved. When the store cannot be reached,
     * {@link FileStore.Unavailable} (503) and the transaction rolls back.
     */
    public StoredFile store(Checked c) {
        String stored = UUID.randomUUID().toString().replace("-", "");
        files.put(key(stored), c.bytes(), c.type().mediaType());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(stored);
                    }
                }
            });
        }
        return new StoredFile(stored, c.fileName(), c.type().mediaType(), c.bytes().length);
    }

    /**
     * The HTTP answer for a stored file: its checked content type, {@code nosniff}, a Content-Disposition
     * with its name ({@code inline} for images and PDF, {@code attachment} for Word and Excel), private caching.
     */
    public ResponseEntity<Resource> serve(StoredFile f) {
        InputStream content = files.open(key(f.storedName()));
        FileType type = FileType.ofMediaType(f.contentType());
        boolean inline = type == FileType.JPEG || type == FileType.PNG || type == FileType.PDF;
        ContentDisposition cd = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(f.fileName(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .contentLength(f.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, cd.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new InputStreamResource(content));
    }

    void delete(String stored) {
        try {
            files.delete(key(stored));
        } catch (RuntimeException e) {
            log.warn("Could not remove the upload {} after a rollback: {}", stored, e.getMessage());
        }
    }

    /**
     * For the orphan sweep ({@link vn.dvk.storage.FileReferences}): of these store keys, those of the evidence form
     * whose generated name {@code known} finds among a table's rows.
     */
    public static Set<String> referenced(Collection<String> keys, Function<List<String>, List<String>> known) {
        Map<String, String> byName = new HashMap<>();
        for (String k : keys) {
            int slash = k.indexOf('/');
            String name = k.substring(slash + 1);
            if (slash == 2 && STORED.matcher(name).matches() && k.startsWith(name.substring(0, 2))) {
                byName.put(name, k);
            }
        }
        if (byName.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        known.apply(List.copyOf(byName.keySet())).forEach(n -> out.add(byName.get(n)));
        return out;
    }

    /** The store's key of a generated name: {@code ab/ab12…}, the folder layout DVK has always used. */
    private static String key(String stored) {
        if (stored == null || !STORED.matcher(stored).matches()) {
            throw new Problems.NotFound("upload.notFound");
        }
        return stored.substring(0, 2) + "/" + stored;
    }

    /** The last segment of the sender's name, without control characters, at most 200 characters. */
    static String cleanName(String original) {
        String n = original == null ? "" : original;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.isEmpty()) {
            n = "tep";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    /** The refusal of a file over the limit, never saying it weighs as much as the limit. */
    private Problems.Invalid tooLarge(String field, String name, long bytes) {
        String size = human(bytes);
        String limit = human(maxSize.toBytes());
        return size.equals(limit)
                ? new Problems.Invalid(field, "upload.tooLarge.justOver", name, limit)
                : new Problems.Invalid(field, "upload.tooLarge", name, size, limit);
    }

    /** "10 MB", "12,5 MB", "830 KB". */
    static String human(long bytes) {
        DecimalFormat f = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi")));
        if (bytes >= 1024 * 1024) {
            return f.format(bytes / (1024.0 * 1024.0)) + " MB";
        }
        if (bytes >= 1024) {
            return f.format(bytes / 1024.0) + " KB";
        }
        return bytes + " byte";
    }
}
