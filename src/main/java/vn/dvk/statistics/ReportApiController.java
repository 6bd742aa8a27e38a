package vn.dvk.statistics;

import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/** {@code GET /api/v1/reports/annual?unit=…&year=…&format=pdf|docx}: the annual summary report as a document. */
@RestController
class ReportApiController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final AnnualReports reports;

    ReportApiController(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/annual")
    ResponseEntity<byte[]> annual(
            @AuthenticationPrincipal Actor actor,
            @RequestParam String unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false, defaultValue = "pdf") String format) {
        return file(reports, actor, unit, year, format);
    }

    /** The report in the asked format, with its download headers; shared with the page. */
    static ResponseEntity<byte[]> file(AnnualReports reports, Actor actor, String unit, Integer year, String format) {
        AnnualReports.checkYear(year);
        String f = format == null ? "pdf" : format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("pdf") && !f.equals("docx")) {
            throw new Problems.Invalid("format", "statistics.annual.format.invalid");
        }
        byte[] bytes = f.equals("pdf") ? reports.pdf(actor, unit, year) : reports.docx(actor, unit, year);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, f.equals("pdf") ? "application/pdf" : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, Xlsx.attachment(fileName(unit, year, f)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }

    static String fileName(String unit, int year, String format) {
        return "bao-cao-tong-ket-" + unit.trim().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + year + "." + format;
    }
}
