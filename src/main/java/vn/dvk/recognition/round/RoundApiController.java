package vn.dvk.recognition.round;

import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/**
 * Rounds of recognition and their councils under {@code /api/v1/recognition-rounds}: open a round, add
 * members, assign, declare conflicts, reopen a sheet, read the ranked results, decide in bulk, and get the
 * decision as PDF. Members score through {@code POST /api/v1/recognition-proposals/{id}/scores}.
 */
@RestController
@RequestMapping("/api/v1/recognition-rounds")
class RoundApiController {

    private final Councils councils;
    private final RoundDecisionDocument decisions;

    RoundApiController(Councils councils, RoundDecisionDocument decisions) {
        this.councils = councils;
        this.decisions = decisions;
    }

    /** Members to add, by username. */
    record MembersRequest(List<String> usernames) {}

    /** How to assign: {@code perProposal} null for every member on every proposal. */
    record AssignRequest(Integer perProposal) {}

    /** A declared conflict of interest. */
    record ConflictRequest(Long proposalId, String reason) {}

    /** The approver reopens a member's sheet. */
    record ReopenRequest(Long proposalId, String scorer, String reason) {}

    @PostMapping
    ResponseEntity<Councils.RoundView> create(
            @AuthenticationPrincipal Actor actor, @RequestBody Councils.RoundDraft request) {
        Councils.RoundView v = councils.create(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/recognition-rounds/" + v.id()))
                .body(v);
    }

    @GetMapping
    List<Councils.RoundView> list(@AuthenticationPrincipal Actor actor) {
        return councils.list(actor);
    }

    @GetMapping("/{id}")
    Councils.RoundView get(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return councils.get(actor, id);
    }

    @PostMapping("/{id}/gather")
    Councils.RoundView gather(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return councils.gather(actor, id);
    }

    @PostMapping("/{id}/members")
    Councils.RoundView addMembers(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @RequestBody MembersRequest request) {
        return councils.addMembers(actor, id, request.usernames());
    }

    @PostMapping("/{id}/assignments")
    List<Councils.AssignmentView> assign(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestBody(required = false) AssignRequest request) {
        return councils.assign(actor, id, request == null ? null : request.perProposal());
    }

    @GetMapping("/{id}/assignments")
    List<Councils.AssignmentView> assignments(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return councils.assignments(actor, id);
    }

    @PostMapping("/{id}/conflicts")
    Councils.AssignmentView declareConflict(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @RequestBody ConflictRequest request) {
        return councils.declareConflict(actor, id, request.proposalId(), request.reason());
    }

    @PostMapping("/{id}/reopen")
    ResponseEntity<Void> reopen(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @RequestBody ReopenRequest request) {
        councils.reopenSheet(actor, id, request.proposalId(), request.scorer(), request.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/results")
    List<Councils.ResultRow> results(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return councils.results(actor, id);
    }

    @PostMapping("/{id}/decision")
    List<Councils.ResultRow> decide(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @RequestBody Councils.RoundDecision request) {
        return councils.decide(actor, id, request);
    }

    @GetMapping(value = "/{id}/decision.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> decisionPdf(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        byte[] pdf = decisions.pdf(actor, id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("quyet-dinh-cong-nhan-" + id + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
