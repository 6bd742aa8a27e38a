package vn.dvk.recognition.proposal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
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
import vn.dvk.shared.Level;
import vn.dvk.shared.Limits;

/** Proposals for recognition, scores and decisions under {@code /api/v1}. */
@RestController
@RequestMapping("/api/v1")
class RecognitionApiController {

    private final Recognitions recognitions;

    RecognitionApiController(Recognitions recognitions) {
        this.recognitions = recognitions;
    }

    /** A proposal of a model at a level and year. */
    record ProposalRequest(
            @NotNull(message = "{validation.required}") Level level,

            @NotNull(message = "{validation.required}")
            @Min(value = 2009, message = "{model.year.range}")
            @Max(value = 2100, message = "{model.year.range}")
            Integer year,

            @Size(max = Limits.TEXT, message = "{validation.maxLength}")
            String note) {}

    /** A council member's scores. */
    record ScoreRequest(
            @NotEmpty(message = "{validation.required}") @Size(max = 100, message = "{validation.maxItems}")
            List<Recognitions.Score> scores,

            @Size(max = Limits.TEXT, message = "{validation.maxLength}")
            String comment) {}

    /** The approver's decision. */
    record DecisionRequest(
            @NotNull(message = "{validation.required}") Decision decision,

            @Size(max = 64, message = "{validation.maxLength}")
            String decisionNumber,

            LocalDate decisionDate,

            @Size(max = Limits.TEXT, message = "{validation.maxLength}")
            String comment,

            @Size(max = 1000, message = "{validation.maxLength}")
            String overrideReason) {}

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
