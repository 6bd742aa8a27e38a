package vn.dvk.commendation;

import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** One commendation, its certificate, and the commendations of a model. */
@RestController
@RequestMapping("/api/v1")
class CommendationDetailApiController {

    private final CommendationRegistry registry;
    private final CommendationCertificate certificate;

    CommendationDetailApiController(CommendationRegistry registry, CommendationCertificate certificate) {
        this.registry = registry;
        this.certificate = certificate;
    }

    @GetMapping("/commendations/{id}")
    CommendationRegistry.CommendationView get(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return registry.get(actor, id);
    }

    @GetMapping(value = "/commendations/{id}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> certificate(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return CommendationDetailApiController.pdf(certificate.pdf(actor, id), id);
    }

    @GetMapping("/models/{id}/commendations")
    List<CommendationRegistry.CommendationView> ofModel(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return registry.ofModel(actor, id);
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, Long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("khen-thuong-" + id + ".pdf")
                                .build()
                                .toString())
                .body(bytes);
    }
}
