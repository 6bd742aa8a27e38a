package vn.dvk.recognition.replication;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Forms;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/** The replication section of a model's page (htmx): marks, the mark form, "replicate this model", spread tree. */
@Controller
class ReplicationPageController {

    private final Replication replication;
    private final ModelRegistry models;
    private final MessageSource messages;
    private final Clock clock;
    private final Validator validator;

    ReplicationPageController(
            Replication replication, ModelRegistry models, MessageSource messages, Clock clock, Validator validator) {
        this.validator = validator;
        this.replication = replication;
        this.models = models;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/models/{id}/replication")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        return render(actor, id, model, Map.of(), Map.of());
    }

    @PostMapping("/models/{id}/replication-marks")
    String mark(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String reason,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = Forms.violations(validator, new MarkRequest(level, year, reason));
        if (errors.isEmpty()) {
            try {
                replication.mark(actor, id, level, year, reason);
                redirect.addFlashAttribute("flashOk", "replication.marked");
                if (htmx != null) {
                    response.setHeader("HX-Redirect", "/models/" + id);
                    return render(actor, id, model, Map.of(), Map.of());
                }
                return "redirect:/models/" + id;
            } catch (Problems.Invalid e) {
                e.errors().forEach(fe -> errors.put(fe.field(), text(fe.messageKey(), fe.args())));
            } catch (Problems.Conflict e) {
                errors.put("form", text(e.messageKey(), e.args()));
            }
        }
        if (htmx == null) {
            redirect.addFlashAttribute("flashError", String.join(" ", errors.values()));
            return "redirect:/models/" + id;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reason", reason);
        return render(actor, id, model, errors, values);
    }

    private String render(Actor actor, Long id, Model model, Map<String, String> errors, Map<String, String> values) {
        ModelView m = models.get(actor, id);
        model.addAttribute("m", m);
        model.addAttribute("marks", replication.marksOf(actor, id));
        model.addAttribute("replicas", replication.spread(actor, id));
        model.addAttribute("canMark", ReplicationPolicy.offers(actor, ReplicationPolicy.Act.MARK, m));
        model.addAttribute("canReplicate", ReplicationPolicy.offers(actor, ReplicationPolicy.Act.REPLICATE, m));
        model.addAttribute("markLevels", ReplicationPolicy.markLevels(actor));
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "recognition/replication :: section";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
