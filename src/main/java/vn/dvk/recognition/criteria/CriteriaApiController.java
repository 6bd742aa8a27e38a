package vn.dvk.recognition.criteria;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** Criteria sets under {@code /api/v1/criteria-sets}: list, read, write (admins), copy and adapt. */
@RestController
@RequestMapping("/api/v1/criteria-sets")
class CriteriaApiController {

    private final CriteriaCatalogue catalogue;

    CriteriaApiController(CriteriaCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A set with the version last read, for PUT. */
    record VersionedDraft(
            String unitCode,
            vn.dvk.shared.Level level,
            String name,
            String documentNumber,
            LocalDate documentDate,
            String documentTitle,
            LocalDate effectiveFrom,
            BigDecimal passThreshold,
            BigDecimal commentBelowRatio,
            List<CriteriaCatalogue.CriterionDraft> criteria,
            Long version) {
        CriteriaCatalogue.Draft draft() {
            return new CriteriaCatalogue.Draft(
                    unitCode,
                    level,
                    name,
                    documentNumber,
                    documentDate,
                    documentTitle,
                    effectiveFrom,
                    passThreshold,
                    commentBelowRatio,
                    criteria);
        }
    }

    @GetMapping
    List<CriteriaCatalogue.CriteriaSetView> list(@AuthenticationPrincipal Actor actor) {
        return catalogue.list(actor);
    }

    @GetMapping("/{id}")
    CriteriaCatalogue.CriteriaSetView get(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return catalogue.get(actor, id);
    }

    @PostMapping
    ResponseEntity<CriteriaCatalogue.CriteriaSetView> create(
            @AuthenticationPrincipal Actor actor, @RequestBody CriteriaCatalogue.Draft request) {
        CriteriaCatalogue.CriteriaSetView v = catalogue.create(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/criteria-sets/" + v.id()))
                .body(v);
    }

    @PutMapping("/{id}")
    CriteriaCatalogue.CriteriaSetView update(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @RequestBody VersionedDraft request) {
        return catalogue.update(actor, id, request.draft(), request.version());
    }

    @PostMapping("/{id}/copy")
    ResponseEntity<CriteriaCatalogue.CriteriaSetView> copy(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestBody CriteriaCatalogue.CopyRequest request) {
        CriteriaCatalogue.CriteriaSetView v = catalogue.copy(actor, id, request);
        return ResponseEntity.created(URI.create("/api/v1/criteria-sets/" + v.id()))
                .body(v);
    }
}
