package vn.dvk.statistics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import vn.dvk.model.Field;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.VersionedCache;

/** {@code GET /api/v1/statistics}. */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsApiController {

    private final Statistics statistics;

    StatisticsApiController(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping
    StatisticsReport get(
            @AuthenticationPrincipal Actor actor,
            @RequestParam String unit,
            @RequestParam(required = false) @Min(2009) @Max(2100) Integer year,
            @RequestParam(required = false) @Pattern(regexp = "^\\d{4}-\\d{4}$") String period,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) Field field,
            @RequestParam(required = false, defaultValue = "current") String boundary,
            WebRequest request) {
        StatisticsQuery q = StatisticsParams.parse(unit, year, period, level, field, boundary);
        Statistics.Scoped scoped = statistics.scope(actor, q);
        if (VersionedCache.notModified(request, scoped.version(), true, "statistics", q)) {
            return null;
        }
        return statistics.count(scoped);
    }

    /** Turns the query parameters into a {@link StatisticsQuery}, naming the parameter that is wrong. */
    static final class StatisticsParams {

        private StatisticsParams() {}

        static StatisticsQuery parse(
                String unit, Integer year, String period, Level level, Field field, String boundary) {
            StatisticsQuery.Boundary b;
            try {
                b = StatisticsQuery.Boundary.valueOf(boundary.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Problems.Invalid("boundary", "statistics.boundary.invalid");
            }
            if ((year == null) == (period == null || period.isBlank())) {
                throw new Problems.Invalid("year", "statistics.yearOrPeriod");
            }
            if (year != null) {
                return new StatisticsQuery(unit, year, year, false, level, field, b);
            }
            if (!period.trim().matches("^\\d{4}-\\d{4}$")) {
                throw new Problems.Invalid("period", "statistics.period.invalid");
            }
            period = period.trim();
            int from = Integer.parseInt(period.substring(0, 4));
            int to = Integer.parseInt(period.substring(5, 9));
            if (from > to || from < 2009 || to > 2100) {
                throw new Problems.Invalid("period", "statistics.period.invalid");
            }
            return new StatisticsQuery(unit, from, to, true, level, field, b);
        }
    }
}
