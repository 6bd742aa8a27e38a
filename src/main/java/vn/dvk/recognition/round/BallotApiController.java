package vn.dvk.recognition.round;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * The secret ballot of rounds that vote ({@code method: BALLOT}) under {@code /api/v1}: a member's vote on a
 * nominee, the round's count, and the minutes of the count as PDF.
 */
@RestController
@RequestMapping("/api/v1")
class BallotApiController {

    private final CouncilBallots ballots;
    private final Councils councils;
    private final BallotMinutesDocument minutes;

    BallotApiController(CouncilBallots ballots, Councils councils, BallotMinutesDocument minutes) {
        this.ballots = ballots;
        this.councils = councils;
        this.minutes = minutes;
    }

    /** A member's vote; it cannot be changed once taken. */
    record BallotRequest(
            @NotNull(message = "{validation.required}") Vote vote) {}

    @PostMapping("/recognition-proposals/{id}/ballot")
    ResponseEntity<CouncilBallots.Cast> cast(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody BallotRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ballots.cast(actor, id, request.vote()));
    }

    @GetMapping("/recognition-rounds/{id}/ballot-results")
    CouncilBallots.BallotResults results(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return councils.ballotResults(actor, id);
    }

    @GetMapping(value = "/recognition-rounds/{id}/ballot-minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> minutesPdf(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return pdf(minutes.pdf(actor, id), id);
    }

    /** The minutes as an inline PDF named after the round. */
    static ResponseEntity<byte[]> pdf(byte[] pdf, Long roundId) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("bien-ban-kiem-phieu-" + roundId + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
