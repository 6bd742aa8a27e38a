package vn.dvk.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Background exports on the pages: a form posts the kind and the filters, the job page shows the filters in words and
 * a progress bar that htmx refreshes every second, together with the list of the user's files, from
 * {@code /statistics/jobs/{id}/progress} until the file can be downloaded.
 */
@Controller
class JobPageController {

    static final String VIEW = "statistics/jobs";

    private static final int LIST_SIZE = 20;

    private final ExportJobs jobs;
    private final UnitDirectory units;

    JobPageController(ExportJobs jobs, UnitDirectory units) {
        this.jobs = jobs;
        this.units = units;
    }

    @PostMapping("/statistics/jobs")
    String start(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String kind,
            @RequestParam MultiValueMap<String, String> params) {
        ExportJobs.Kind k =
                ExportJobs.kind(kind).orElseThrow(() -> new Problems.Invalid("kind", "statistics.job.kind.invalid"));
        long id = jobs.start(actor, k, params, LocaleContextHolder.getLocale());
        return "redirect:/statistics/jobs/" + id;
    }

    @GetMapping("/statistics/jobs")
    String list(
            @AuthenticationPrincipal Actor actor,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        live(actor, null, model);
        return htmx != null ? VIEW + " :: live" : VIEW;
    }

    @GetMapping("/statistics/jobs/{id}")
    String show(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        live(actor, id, model);
        return VIEW;
    }

    /** The job's card and the list together, from one reading: the two never disagree on a job's state. */
    @GetMapping("/statistics/jobs/{id}/progress")
    String progress(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        live(actor, id, model);
        return VIEW + " :: live";
    }

    /** The actor's latest jobs, the one asked for (its state as the list read it) and every job's filters in words. */
    private void live(Actor actor, Long id, Model model) {
        List<ExportJobs.Job> mine = jobs.mine(actor, LIST_SIZE);
        ExportJobs.Job job = id == null
                ? null
                : mine.stream().filter(j -> j.id() == id).findFirst().orElseGet(() -> jobs.get(actor, id));
        Map<Long, List<Filter>> filters = new HashMap<>();
        mine.forEach(j -> filters.put(j.id(), filters(actor, j.params())));
        if (job != null) {
            filters.put(job.id(), filters(actor, job.params()));
        }
        model.addAttribute("job", job);
        model.addAttribute("jobs", mine);
        model.addAttribute("filters", filters);
        // the page refreshes itself while the job shown runs, or (without one) while any job of the list runs
        model.addAttribute(
                "polling", job != null ? job.running() : mine.stream().anyMatch(ExportJobs.Job::running));
    }

    /**
     * One filter of a job as a person reads it: its name ({@code statistics.job.filter.<name>}) and its value, either
     * a message key (a field, level or status) or a text (a unit's name, a year, a search).
     */
    record Filter(String name, String valueKey, String text) {}

    /** The filters of a job's stored query in words; without a unit, the job covered the actor's own unit. */
    private List<Filter> filters(Actor actor, String params) {
        MultiValueMap<String, String> q = UriComponentsBuilder.fromUriString("/?" + (params == null ? "" : params))
                .build()
                .getQueryParams();
        List<Filter> out = new ArrayList<>();
        String unit = decoded(q.getFirst("unit"));
        out.add(new Filter(
                "unit",
                null,
                unit == null
                        ? actor.unitName()
                        : units.byCode(unit).map(UnitRef::name).orElse(unit)));
        for (String name : List.of("year", "period")) {
            String v = decoded(q.getFirst(name));
            if (v != null) {
                out.add(new Filter(name, null, v.replace('-', '–')));
            }
        }
        for (String[] e :
                new String[][] {{"field", "enum.Field."}, {"level", "enum.Level."}, {"status", "enum.ModelStatus."}}) {
            String v = decoded(q.getFirst(e[0]));
            if (v != null) {
                out.add(new Filter(e[0], e[1] + v.toUpperCase(Locale.ROOT), null));
            }
        }
        String search = decoded(q.getFirst("q"));
        if (search != null) {
            out.add(new Filter("q", null, "«" + search + "»"));
        }
        return out;
    }

    private static String decoded(String v) {
        return v == null || v.isBlank() ? null : UriUtils.decode(v, StandardCharsets.UTF_8);
    }

    @GetMapping("/statistics/jobs/{id}/file")
    void file(@AuthenticationPrincipal Actor actor, @PathVariable long id, HttpServletResponse response) {
        jobs.download(actor, id, response);
    }
}
