package vn.dvk.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/**
 * Excel imports: the template of each kind, a preview ({@code dryRun=true}) that checks every row and writes
 * nothing, and the import itself, all or nothing: 200 with what was created and left unchanged, or 422 with every
 * error and nothing written. A file that cannot be read as an import is refused with a problem naming why.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportApiController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Importer importer;
    private final Templates templates;
    private final Labels labels;
    private final ImportProperties settings;

    ImportApiController(Importer importer, Templates templates, Labels labels, ImportProperties settings) {
        this.importer = importer;
        this.templates = templates;
        this.labels = labels;
        this.settings = settings;
    }

    /** The template of a kind: {@code units}, {@code users}, {@code models} or {@code progress}. */
    @GetMapping("/templates/{kind}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        return download(templates, kind);
    }

    /** The template of the kind named in a path or a form as a download; 404 for an unknown kind. */
    static ResponseEntity<byte[]> download(Templates templates, String kind) {
        ImportKind k = kind(kind);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(Templates.fileName(k))
                                .build()
                                .toString())
                .body(templates.of(k));
    }

    /**
     * Imports a filled template (multipart part {@code file}); {@code dryRun=true} only checks it;
     * {@code update=true} corrects models imported before whose registration columns differ.
     */
    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> upload(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String kind,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean update,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        ImportKind k = kind(kind);
        ImportPolicy.require(actor, k);
        ImportReport report = run(actor, k, file, dryRun, update);
        if (dryRun || report.errors().isEmpty()) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, labels.text("imports.rejected", report.rows()));
        pd.setTitle(labels.text("imports.rejected.title"));
        pd.setProperty("rows", report.rows());
        pd.setProperty("created", 0);
        pd.setProperty("unchanged", 0);
        pd.setProperty("errors", report.errors());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    /** Runs an uploaded file through the importer from a temporary copy, removed afterwards. */
    ImportReport run(Actor actor, ImportKind kind, MultipartFile file, boolean dryRun, boolean update) {
        if (file == null || file.isEmpty()) {
            throw new ImportRefused(400, "imports.file.required");
        }
        if (file.getSize() > settings.maxSize().toBytes()) {
            throw new ImportRefused(
                    413, "imports.file.tooBig", settings.maxSize().toMegabytes());
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("dvk-import-", ".xlsx");
            file.transferTo(copy);
            return importer.run(actor, kind, fileName(file.getOriginalFilename()), copy, dryRun, update);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
    }

    /**
     * The name an import keeps of its file: the last segment of what the sender gave, control characters and lone
     * surrogates replaced (PostgreSQL refuses a NUL in text), at most 255 characters.
     */
    static String fileName(String original) {
        String name = original == null
                ? ""
                : original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 255; i++) {
            char c = name.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (pair && out.length() < 254) {
                out.append(c).append(name.charAt(++i));
            } else if (pair || Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append('_');
                i += pair ? 1 : 0;
            } else {
                out.append(c);
            }
        }
        return out.toString().isBlank() ? "import.xlsx" : out.toString();
    }

    static ImportKind kind(String path) {
        ImportKind k = ImportKind.of(path);
        if (k == null) {
            throw new Problems.NotFound("imports.kind.notFound");
        }
        return k;
    }

    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        String message = labels.text(e.messageKey(), e.args());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, message);
        pd.setTitle(labels.text("imports.refused.title"));
        pd.setProperty("errors", List.of(Map.of("field", "file", "message", message)));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }
}
