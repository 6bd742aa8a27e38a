package vn.dvk.shared;

import javax.sql.DataSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit/verify}: checks the hash chain of the whole audit trail. Administrators of the central
 * level only, since the trail spans every unit ({@link AuditPolicy}).
 */
@RestController
class AuditApiController {

    private final AuditVerifier verifier;

    AuditApiController(DataSource dataSource) {
        this.verifier = new AuditVerifier(dataSource);
    }

    record Verification(boolean ok, long entries, Long firstBrokenId, String lastHash, String reason) {}

    @GetMapping("/api/v1/audit/verify")
    Verification verify(@AuthenticationPrincipal Actor actor) {
        AuditPolicy.requireVerifier(actor);
        AuditVerifier.Result r = verifier.verify();
        return new Verification(r.ok(), r.entries(), r.firstBrokenId(), r.lastHash(), r.reason());
    }
}
