package vn.dvk.statistics;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.model.Field;
import vn.dvk.model.ModelFilter;
import vn.dvk.model.ModelStatus;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;

/**
 * Workbooks of the API: {@code GET /api/v1/statistics.xlsx} (the parameters of {@code GET /api/v1/statistics})
 * and {@code GET /api/v1/models.xlsx} (the filters of {@code GET /api/v1/models}, every matching row, unpaged).
 * Access and parameters are checked before the first byte is written, so a refusal is a problem document.
 */
@RestController
class ExportApiController {

    private final Statistics statistics;
    private final StatisticsWorkbook statisticsWorkbook;
    private final ModelWorkbook modelWorkbook;
    private final vn.dvk.model.ModelRegistry models;

    ExportApiController(
            Statistics statistics,
            StatisticsWorkbook statisticsWorkbook,
            ModelWorkbook modelWorkbook,
            vn.dvk.model.ModelRegistry models) {
        this.statistics = statistics;
        this.statisticsWorkbook = statisticsWorkbook;
        this.modelWorkbook = modelWorkbook;
        this.models = models;
    }

    @GetMapping("/api/v1/statistics.xlsx")
    void statistics(
            @AuthenticationPrincipal Actor actor,
            @RequestParam String unit,
            @RequestParam(required = false) @Min(2009) @Max(2100) Integer year,
            @RequestParam(required = false) @Pattern(regexp = "^\\d{4}-\\d{4}$") String period,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) Field field,
            @RequestParam(required = false, defaultValue = "current") String boundary,
            HttpServletResponse response)
            throws IOException {
        StatisticsQuery q = StatisticsApiController.StatisticsParams.parse(unit, year, period, level, field, boundary);
        StatisticsReport report = statistics.count(actor, q);
        var children = statistics.byChild(actor, q);
        var byYear = statistics.byYear(actor, q);
        Xlsx.attachment(response, StatisticsWorkbook.fileName(q));
        statisticsWorkbook.write(report, children, byYear, q, response.getOutputStream());
    }

    @GetMapping("/api/v1/models.xlsx")
    void models(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Size(max = 32) String unit,
            @RequestParam(required = false) Field field,
            @RequestParam(required = false) ModelStatus status,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) @Min(2009) @Max(2100) Integer year,
            @RequestParam(required = false) @Size(max = 200) String q,
            HttpServletResponse response)
            throws IOException {
        ModelFilter filter = new ModelFilter(unit, field, status, level, year, q);
        // checks the unit (400 naming "unit") before the download starts
        models.search(actor, filter, PageRequest.of(0, 1));
        Xlsx.attachment(response, ModelWorkbook.fileName(filter));
        modelWorkbook.write(actor, filter, LocaleContextHolder.getLocale(), response.getOutputStream(), n -> {});
    }
}
