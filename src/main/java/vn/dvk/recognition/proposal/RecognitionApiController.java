package vn.dvk.recognition.proposal;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** Proposals for recognition, scores and decisions under {@code /api/v1}. */
@RestController
@RequestMapping("/api/v1")
class RecognitionApiController {

    private final Recognitions recognitions;

    RecognitionApiController(Recognitions recognitions) {
        this.recognitions = recognitions;
    }

    @PostMapping("/models/{id}/recognition-proposals")
    ResponseEntity<ProposalView> propose(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody ProposalRequest request) {
        ProposalView p = recognitions.propose(actor, id, request.level(), request.year(), request.note());
        return ResponseEntity.created(URI.create("/api/v1/recognition-proposals/" + p.id()))
                .body(p);
    }

    @GetMapping("/models/{id}/recognition-proposals")
    List<ProposalView> ofModel(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return recognitions.ofModel(actor, id);
    }

    @GetMapping("/recognition-proposals/{id}")
    ProposalView get(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return recognitions.get(actor, id);
    }

    @PostMapping("/recognition-proposals/{id}/scores")
    ProposalView score(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody ScoreRequest request) {
        return recognitions.score(actor, id, request.scores(), request.comment());
    }

    @PostMapping("/recognition-proposals/{id}/decision")
    ProposalView decide(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody DecisionRequest request) {
        return recognitions.decide(
                actor,
                id,
                request.decision(),
                request.decisionNumber(),
                request.decisionDate(),
                request.comment(),
                request.overrideReason());
    }
}
