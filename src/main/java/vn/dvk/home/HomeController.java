package vn.dvk.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dvk.inspection.InspectionRegistry;
import vn.dvk.model.ModelRegistry;
import vn.dvk.progress.ReportingDeadlines;
import vn.dvk.recognition.Recognitions;
import vn.dvk.shared.Actor;
import vn.dvk.statistics.Statistics;
import vn.dvk.statistics.StatisticsQuery;
import vn.dvk.statistics.StatisticsReport;

/** "Việc cần làm" and the key figures of the user's unit for this year. */
@Controller
class HomeController {

    static final String VIEW = "home/index";
    private static final int INBOX_LIMIT = 20;

    private final ModelRegistry models;
    private final Recognitions recognitions;
    private final Statistics statistics;
    private final Clock clock;
    private final ReportingDeadlines deadlines;
    private final InspectionRegistry inspections;

    HomeController(ModelRegistry models, Recognitions recognitions, Statistics statistics, Clock clock,
                   ReportingDeadlines deadlines, InspectionRegistry inspections) {
        this.models = models;
        this.recognitions = recognitions;
        this.statistics = statistics;
        this.clock = clock;
        this.deadlines = deadlines;
        this.inspections = inspections;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Actor actor, Model model) {
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("modelWork", models.inbox(actor, INBOX_LIMIT));
        model.addAttribute("proposalWork", recognitions.inbox(actor, INBOX_LIMIT));
        Map<String, Object> dueWork = new LinkedHashMap<>(deadlines.inbox(actor, INBOX_LIMIT));
        dueWork.putAll(inspections.inbox(actor, INBOX_LIMIT));
        model.addAttribute("dueWork", dueWork);
        model.addAttribute("year", year);
        StatisticsReport r = statistics.count(actor, new StatisticsQuery(actor.unitCode(), year, year,
                false, null, null, StatisticsQuery.Boundary.CURRENT));
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("registered", r.registered());
        figures.put("accepted", r.accepted());
        figures.put("rejected", r.rejected());
        figures.put("proposed", r.proposed());
        figures.put("recognized", r.recognized());
        figures.put("active", r.active());
        model.addAttribute("figures", figures);
        return VIEW;
    }
}
