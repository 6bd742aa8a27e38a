package vn.dvk.statistics;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.model.Field;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/** The statistics page: the funnel by field for a unit and a year or period, and its sub-units. */
@Controller
class StatisticsPageController {

    static final String VIEW = "statistics/index";

    private final Statistics statistics;
    private final Clock clock;

    StatisticsPageController(Statistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    String page(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String unit,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) String period,
                @RequestParam(required = false) Level level, @RequestParam(required = false) Field field,
                Model model) {
        String code = unit == null || unit.isBlank() ? actor.unitCode() : unit.trim();
        boolean usePeriod = period != null && period.matches("^\\d{4}-\\d{4}$");
        Integer y = usePeriod ? null : (year == null ? LocalDate.now(clock).getYear() : year);
        StatisticsQuery q;
        try {
            q = StatisticsApiController.StatisticsParams.parse(code, y, usePeriod ? period : null, level, field,
                    "current");
        } catch (Problems.Invalid e) {
            q = StatisticsApiController.StatisticsParams.parse(code, LocalDate.now(clock).getYear(), null, level,
                    field, "current");
            model.addAttribute("paramError", e.errors().get(0).messageKey());
        }
        model.addAttribute("report", statistics.count(actor, q));
        model.addAttribute("children", statistics.byChild(actor, q));
        model.addAttribute("q", q);
        model.addAttribute("fields", Field.values());
        model.addAttribute("levels", Level.values());
        return VIEW;
    }
}
