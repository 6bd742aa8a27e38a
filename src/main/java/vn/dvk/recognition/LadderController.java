package vn.dvk.recognition;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.dvk.shared.Actor;

/** The ladder as JSON ({@code GET /api/v1/models/{id}/ladder}) and as the htmx section of a model's page. */
@Controller
class LadderController {

    private final Ladder ladder;

    LadderController(Ladder ladder) {
        this.ladder = ladder;
    }

    @GetMapping("/api/v1/models/{id}/ladder")
    @ResponseBody
    List<Ladder.Rung> api(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return ladder.of(actor, id);
    }

    @GetMapping("/models/{id}/ladder")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        model.addAttribute("rungs", ladder.of(actor, id));
        return "recognition/ladder :: section";
    }
}
