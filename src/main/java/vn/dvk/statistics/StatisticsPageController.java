package vn.dvk.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;
import vn.dvk.commendation.CommendationForm;
import vn.dvk.model.Field;
import vn.dvk.model.HolderType;
import vn.dvk.model.Origin;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.VersionedCache;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The dashboard of a unit's subtree: the funnel, the breakdowns, the trend by year, the sub-units with drill-down,
 * each table next to its chart. The charts read {@code /statistics/data}, which carries the very objects the
 * tables are rendered from ({@link Statistics#count}, {@link Statistics#byChild}, {@link Statistics#byYear}).
 */
@Controller
class StatisticsPageController {

    static final String VIEW = "statistics/index";

    private final Statistics statistics;
    private final StatisticsWorkbook workbook;
    private final UnitDirectory units;
    private final MessageSource messages;
    private final Clock clock;
    private final Fmt fmt;

    private final vn.dvk.notice.Notices notices;
    private final DashboardFigures figures;

    StatisticsPageController(
            Statistics statistics,
            StatisticsWorkbook workbook,
            UnitDirectory units,
            MessageSource messages,
            Clock clock,
            Fmt fmt,
            vn.dvk.notice.Notices notices,
            DashboardFigures figures) {
        this.figures = figures;
        this.notices = notices;
        this.fmt = fmt;
        this.statistics = statistics;
        this.workbook = workbook;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** The figures of one page view: what the tables show and what the charts draw. */
    record Dashboard(
            StatisticsReport report,
            List<ChildRow> children,
            Map<Integer, Counts> byYear,
            Map<String, String> labels) {}

    /**
     * One sub-unit's line of the drill-down table; {@code query} (the drill-down link's query string) and
     * {@code figures} (the row's numbers as shown) are made here once, not by an expression per cell: a province
     * has up to a few hundred sub-units.
     */
    record ChildRow(
            String code,
            String name,
            Counts counts,
            long commendations,
            @JsonIgnore String query,
            @JsonIgnore List<String> figures) {}

    @GetMapping("/statistics")
    String page(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String field,
            @RequestParam(required = false) String boundary,
            Model model,
            WebRequest request) {
        StatisticsQuery q = query(actor, unit, year, period, level, field, boundary, model);
        Statistics.Scoped scoped = statistics.scope(actor, q);
        boolean yearChosen = year != null && !year.isBlank() || period != null && !period.isBlank();
        if (!yearChosen && model.getAttribute("paramError") == null) {
            Integer latest = latestYearWithData(statistics.byYear(scoped), q.fromYear());
            if (latest != null) {
                q = new StatisticsQuery(q.unit(), latest, latest, false, q.level(), q.field(), q.boundary());
                scoped = statistics.scope(actor, q);
                model.addAttribute("latestYear", latest);
            }
        }
        // the menu's bell is part of the page: its count changes without the data version moving
        if (VersionedCache.notModified(
                request,
                scoped.version(),
                false,
                "dashboard",
                q,
                actor.username(),
                notices.unreadCount(actor.userId()),
                request.getSessionId(),
                LocaleContextHolder.getLocale().toLanguageTag(),
                model.getAttribute("paramError"))) {
            return null;
        }
        Statistics.Scoped shown = scoped;
        model.addAttribute(
                "figuresHtml",
                figures.html(shown, LocaleContextHolder.getLocale(), request.getContextPath(), () -> dashboard(shown)));
        model.addAttribute("q", q);
        model.addAttribute("unitRef", scoped.unit());
        model.addAttribute("trail", trail(actor, scoped.unit()));
        model.addAttribute("params", params(q));
        model.addAttribute("fields", Field.values());
        model.addAttribute("levels", Level.values());
        model.addAttribute("forms", CommendationForm.values());
        model.addAttribute("holderTypes", HolderType.values());
        return VIEW;
    }

    /**
     * When no year was asked for and this year has no figures yet, the latest year of the trend that has some (the
     * dashboard then opens on it and says so); null when this year has figures or no year of the trend has any.
     */
    static Integer latestYearWithData(Map<Integer, Counts> byYear, int thisYear) {
        if (hasData(byYear.get(thisYear))) {
            return null;
        }
        return byYear.entrySet().stream()
                .filter(e -> e.getKey() < thisYear && hasData(e.getValue()))
                .map(Map.Entry::getKey)
                .max(Integer::compare)
                .orElse(null);
    }

    private static boolean hasData(Counts c) {
        return c != null && (c.registered() > 0 || c.proposed() > 0 || c.recognized() > 0);
    }

    /** The dashboard's figures as JSON for the charts (page session; the API has {@code /api/v1/statistics}). */
    @GetMapping("/statistics/data")
    @ResponseBody
    Dashboard data(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String field,
            @RequestParam(required = false) String boundary,
            WebRequest request) {
        StatisticsQuery q = query(actor, unit, year, period, level, field, boundary, null);
        Statistics.Scoped scoped = statistics.scope(actor, q);
        if (VersionedCache.notModified(
                request,
                scoped.version(),
                false,
                "dashboard-data",
                q,
                LocaleContextHolder.getLocale().toLanguageTag())) {
            return null;
        }
        return dashboard(scoped);
    }

    /** The dashboard's tables as a workbook, for the download button. */
    @GetMapping("/statistics/export.xlsx")
    void export(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String field,
            @RequestParam(required = false) String boundary,
            HttpServletResponse response)
            throws IOException {
        StatisticsQuery q = query(actor, unit, year, period, level, field, boundary, null);
        Statistics.Scoped scoped = statistics.scope(actor, q);
        StatisticsReport report = statistics.count(scoped);
        List<Statistics.ChildCounts> children = statistics.byChild(scoped);
        Xlsx.attachment(response, StatisticsWorkbook.fileName(q));
        workbook.write(report, children, statistics.byYear(scoped), q, response.getOutputStream());
    }

    private Dashboard dashboard(Statistics.Scoped scoped) {
        StatisticsQuery q = scoped.q();
        StatisticsReport report = statistics.count(scoped);
        List<ChildRow> children = new ArrayList<>();
        for (Statistics.ChildCounts c : statistics.byChild(scoped)) {
            Counts n = c.counts();
            StatisticsQuery drill = new StatisticsQuery(
                    c.unit().code(),
                    q.fromYear(),
                    q.toYear(),
                    q.period(),
                    q.level(),
                    q.field(),
                    StatisticsQuery.Boundary.CURRENT);
            children.add(new ChildRow(
                    c.unit().code(),
                    c.unit().name(),
                    n,
                    c.commendations(),
                    params(drill),
                    LongStream.of(
                                    n.registered(),
                                    n.accepted(),
                                    n.rejected(),
                                    n.proposed(),
                                    n.recognized(),
                                    n.active(),
                                    n.retired(),
                                    c.commendations())
                            .mapToObj(fmt::number)
                            .toList()));
        }
        return new Dashboard(report, children, statistics.byYear(scoped), labels());
    }

    /**
     * Reads the filters as the API does; on the page a wrong value falls back to this year (with a warning) instead
     * of an error page. {@code model} is null for the JSON and the download, which answer 400 instead.
     */
    private StatisticsQuery query(
            Actor actor,
            String unit,
            String year,
            String period,
            String level,
            String field,
            String boundary,
            Model model) {
        String code = unit == null || unit.isBlank() ? actor.unitCode() : unit.trim();
        int thisYear = LocalDate.now(clock).getYear();
        boolean usePeriod = period != null && !period.isBlank();
        try {
            Integer y = null;
            if (!usePeriod) {
                y = year == null || year.isBlank() ? thisYear : parseYear(year);
            }
            return StatisticsApiController.StatisticsParams.parse(
                    code,
                    y,
                    usePeriod ? period.trim() : null,
                    parseEnum(Level.class, level, "level"),
                    parseEnum(Field.class, field, "field"),
                    boundary == null || boundary.isBlank() ? "current" : boundary);
        } catch (Problems.Invalid e) {
            if (model == null) {
                throw e;
            }
            model.addAttribute("paramError", e.errors().get(0).messageKey());
            return StatisticsApiController.StatisticsParams.parse(code, thisYear, null, null, null, "current");
        }
    }

    private static int parseYear(String year) {
        try {
            int y = Integer.parseInt(year.trim());
            if (y < 2009 || y > 2100) {
                throw new Problems.Invalid("year", "statistics.dashboard.year.invalid");
            }
            return y;
        } catch (NumberFormatException e) {
            throw new Problems.Invalid("year", "statistics.dashboard.year.invalid");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problems.Invalid(name, "statistics.dashboard.filter.invalid");
        }
    }

    /** The query string that reproduces the filters, for the JSON, the downloads and drill-down links. */
    static String params(StatisticsQuery q) {
        StringBuilder s = new StringBuilder("unit=").append(URLEncoder.encode(q.unit(), StandardCharsets.UTF_8));
        if (q.period()) {
            s.append("&period=").append(q.fromYear()).append('-').append(q.toYear());
        } else {
            s.append("&year=").append(q.fromYear());
        }
        if (q.level() != null) {
            s.append("&level=").append(q.level().name());
        }
        if (q.field() != null) {
            s.append("&field=").append(q.field().name());
        }
        if (q.boundary() == StatisticsQuery.Boundary.HISTORICAL) {
            s.append("&boundary=historical");
        }
        return s.toString();
    }

    /** The unit and its ancestors up to the actor's own unit, for the way back up from a drill-down. */
    private List<UnitRef> trail(Actor actor, UnitRef unit) {
        List<UnitRef> out = new ArrayList<>();
        UnitRef u = unit;
        while (u != null && StatisticsPolicy.maySee(actor, u.path())) {
            out.add(0, u);
            u = units.byId(u.parentId()).orElse(null);
        }
        return out;
    }

    private Map<String, String> labels() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : Counts.ORDER) {
            out.put(k, messages.getMessage("stat." + k, null, k, locale));
        }
        for (Field f : Field.values()) {
            out.put(f.name(), messages.getMessage("enum.Field." + f, null, f.name(), locale));
        }
        for (HolderType h : HolderType.values()) {
            out.put(h.name(), messages.getMessage("enum.HolderType." + h, null, h.name(), locale));
        }
        for (Origin o : Origin.values()) {
            out.put(o.name(), messages.getMessage("enum.Origin." + o, null, o.name(), locale));
        }
        for (Level l : Level.values()) {
            out.put(l.name(), messages.getMessage("enum.Level." + l, null, l.name(), locale));
        }
        for (CommendationForm f : CommendationForm.values()) {
            out.put(f.name(), messages.getMessage("statistics.form." + f, null, f.name(), locale));
        }
        out.put("commendations", messages.getMessage("statistics.dashboard.commendations", null, "", locale));
        return out;
    }
}
