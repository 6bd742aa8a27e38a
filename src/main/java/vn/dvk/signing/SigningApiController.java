package vn.dvk.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/** The signing certificate of a unit (ADMIN covering the unit) and the check of a signed PDF (anyone signed in). */
@RestController
class SigningApiController {

    /** The largest PDF the check reads. */
    static final long MAX_PDF = 20L * 1024 * 1024;

    private final SigningCertificateRegistry certificates;

    SigningApiController(SigningCertificateRegistry certificates) {
        this.certificates = certificates;
    }

    /** Uploads (or replaces) the unit's certificate: a PKCS#12 file, its password, the signer's name and position. */
    @PostMapping(path = "/api/v1/units/{code}/signing-certificate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SigningCertificateRegistry.CertificateView> upload(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String code,
            @RequestParam(name = "file", required = false) List<MultipartFile> file,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "signerName", required = false) String signerName,
            @RequestParam(name = "position", required = false) String position) {
        certificates.managed(actor, code);
        byte[] bytes = bytes(file, Pkcs12File.MAX_BYTES, "signing.file.tooLarge", Pkcs12File.MAX_BYTES / 1024);
        SigningCertificateRegistry.CertificateView view =
                certificates.upload(actor, code, bytes, password, signerName, position);
        return ResponseEntity.created(URI.create("/api/v1/units/" + code + "/signing-certificate"))
                .body(view);
    }

    @GetMapping("/api/v1/units/{code}/signing-certificate")
    SigningCertificateRegistry.CertificateView get(@AuthenticationPrincipal Actor actor, @PathVariable String code) {
        return certificates.get(actor, code);
    }

    @DeleteMapping("/api/v1/units/{code}/signing-certificate")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Actor actor, @PathVariable String code) {
        certificates.remove(actor, code);
        return ResponseEntity.noContent().build();
    }

    /** The signatures of an uploaded PDF (multipart {@code file}) and whether each is intact. */
    @PostMapping(path = "/api/v1/documents/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PdfSignatures.Report verify(@RequestParam(name = "file", required = false) List<MultipartFile> file) {
        return PdfSignatures.verify(bytes(file, MAX_PDF, "signing.verify.tooLarge", MAX_PDF / 1024 / 1024));
    }

    /** The bytes of the one file part named {@code file}; 400 on {@code file} when there is none, several or too big. */
    static byte[] bytes(List<MultipartFile> files, long max, String tooLargeKey, long shownMax) {
        if (files == null || files.isEmpty() || files.get(0).isEmpty()) {
            throw new Problems.Invalid("file", "signing.file.required");
        }
        if (files.size() > 1) {
            throw new Problems.Invalid("file", "signing.file.one");
        }
        MultipartFile f = files.get(0);
        if (f.getSize() > max) {
            throw new Problems.Invalid("file", tooLargeKey, shownMax);
        }
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
