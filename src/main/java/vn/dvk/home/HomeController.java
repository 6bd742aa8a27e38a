package vn.dvk.home;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;
import vn.dvk.campaign.CampaignRegistry;
import vn.dvk.inspection.InspectionRegistry;
import vn.dvk.model.ChangeRequest;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.notice.Notices;
import vn.dvk.progress.ReportingDeadlines;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.shared.Actor;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.VersionedCache;
import vn.dvk.statistics.Statistics;
import vn.dvk.statistics.StatisticsQuery;
import vn.dvk.statistics.StatisticsReport;
import vn.dvk.web.RenderedViews;

/** "Việc cần làm" and the key figures of the user's unit for this year. */
@Controller
class HomeController {

    static final String VIEW = "home/index";
    static final String WORK_VIEW = "home/work :: work";
    private static final int INBOX_LIMIT = 20;

    private final ModelRegistry models;
    private final Recognitions recognitions;
    private final Statistics statistics;
    private final Clock clock;
    private final ReportingDeadlines deadlines;
    private final InspectionRegistry inspections;
    private final VersionedCache cache;
    private final CampaignRegistry campaigns;
    private final Notices notices;
    private final RenderedViews views;

    HomeController(
            ModelRegistry models,
            Recognitions recognitions,
            Statistics statistics,
            Clock clock,
            ReportingDeadlines deadlines,
            InspectionRegistry inspections,
            VersionedCache cache,
            CampaignRegistry campaigns,
            Notices notices,
            RenderedViews views) {
        this.notices = notices;
        this.views = views;
        this.cache = cache;
        this.campaigns = campaigns;
        this.models = models;
        this.recognitions = recognitions;
        this.statistics = statistics;
        this.clock = clock;
        this.deadlines = deadlines;
        this.inspections = inspections;
    }

    @GetMapping("/")
    String home(
            @AuthenticationPrincipal Actor actor,
            Model model,
            WebRequest request,
            HttpServletRequest http,
            HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock);
        // every list of the page lies in the user's subtree: the version of the user's area
        DataVersions.Version version = cache.version(actor.unitPath());
        List<Object> who = List.of(actor.username(), actor.unitPath(), new TreeSet<>(actor.roles()), today);
        // the bell's count is part of the page: a notice read or received changes it without moving the data version
        if (VersionedCache.notModified(
                request,
                version,
                false,
                "home",
                who,
                notices.unreadCount(actor.userId()),
                request.getSessionId(),
                LocaleContextHolder.getLocale().toLanguageTag())) {
            return null;
        }
        // the lists and figures, the same for the same user, unit, roles and day as long as the data has not changed,
        // kept as HTML (rendering them was two thirds of the page's CPU under load; docs/PERFORMANCE.md)
        model.addAttribute(
                "workHtml",
                views.part(
                        version,
                        List.of("home", who, actor.unitName()),
                        WORK_VIEW,
                        work -> fill(work, actor, today),
                        http,
                        response));
        return VIEW;
    }

    private void fill(Model model, Actor actor, LocalDate today) {
        int year = today.getYear();
        Map<String, Object> dueWork = new LinkedHashMap<>(deadlines.inbox(actor, today, INBOX_LIMIT));
        dueWork.putAll(inspections.inbox(actor, INBOX_LIMIT));
        StatisticsReport r = statistics.count(
                actor,
                new StatisticsQuery(actor.unitCode(), year, year, false, null, null, StatisticsQuery.Boundary.CURRENT));
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("registered", r.registered());
        figures.put("accepted", r.accepted());
        figures.put("rejected", r.rejected());
        figures.put("proposed", r.proposed());
        figures.put("recognized", r.recognized());
        figures.put("active", r.active());
        Map<String, List<ModelView>> modelWork = models.inbox(actor, INBOX_LIMIT);
        // a model sent back for changes shows what the appraiser asked for, so the reporter knows before opening it
        Map<Long, ChangeRequest> changeRequests = models.changeRequests(
                modelWork.values().stream().flatMap(List::stream).toList());
        model.addAttribute("modelWork", modelWork);
        model.addAttribute("changeRequests", changeRequests);
        model.addAttribute("proposalWork", recognitions.inbox(actor, INBOX_LIMIT));
        model.addAttribute("dueWork", dueWork);
        model.addAttribute("year", year);
        model.addAttribute("figures", figures);
        model.addAttribute("campaigns", campaigns.openFor(actor));
        model.addAttribute("today", today);
        model.addAttribute("unitName", actor.unitName());
    }
}
