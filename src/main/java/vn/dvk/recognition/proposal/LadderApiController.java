package vn.dvk.recognition.proposal;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/**
 * The ladder as JSON ({@code GET /api/v1/models/{id}/ladder}). A {@link RestController} of its own, so that its
 * errors are problem details like the rest of the API (they were HTML pages while it shared the page controller).
 */
@RestController
class LadderApiController {

    private final Ladder ladder;

    LadderApiController(Ladder ladder) {
        this.ladder = ladder;
    }

    @GetMapping("/api/v1/models/{id}/ladder")
    List<Ladder.Rung> ladder(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return ladder.of(actor, id);
    }
}
