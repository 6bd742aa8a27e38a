package vn.dvk.statistics;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/**
 * Background exports on the pages: a form posts the kind and the filters, the job page shows a progress bar that
 * htmx refreshes every second from {@code /statistics/jobs/{id}/progress} until the file can be downloaded.
 */
@Controller
class JobPageController {

    static final String VIEW = "statistics/jobs";

    private final ExportJobs jobs;

    JobPageController(ExportJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/statistics/jobs")
    String start(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind,
                 @RequestParam MultiValueMap<String, String> params) {
        ExportJobs.Kind k = ExportJobs.kind(kind)
                .orElseThrow(() -> new Problems.Invalid("kind", "statistics.job.kind.invalid"));
        long id = jobs.start(actor, k, params, LocaleContextHolder.getLocale());
        return "redirect:/statistics/jobs/" + id;
    }

    @GetMapping("/statistics/jobs")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("jobs", jobs.mine(actor, 20));
        return VIEW;
    }

    @GetMapping("/statistics/jobs/{id}")
    String show(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("job", jobs.get(actor, id));
        model.addAttribute("jobs", jobs.mine(actor, 20));
        return VIEW;
    }

    @GetMapping("/statistics/jobs/{id}/progress")
    String progress(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("job", jobs.get(actor, id));
        return VIEW + " :: progress";
    }

    @GetMapping("/statistics/jobs/{id}/file")
    void file(@AuthenticationPrincipal Actor actor, @PathVariable long id, HttpServletResponse response) {
        jobs.download(actor, id, response);
    }
}
