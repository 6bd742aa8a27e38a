package vn.dvk.recognition.proposal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dvk.shared.Actor;

/** The ladder as the htmx section of a model's page; the JSON is {@link LadderApiController}. */
@Controller
class LadderController {

    private final Ladder ladder;

    LadderController(Ladder ladder) {
        this.ladder = ladder;
    }

    @GetMapping("/models/{id}/ladder")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        model.addAttribute("rungs", ladder.of(actor, id));
        return "recognition/ladder :: section";
    }
}
