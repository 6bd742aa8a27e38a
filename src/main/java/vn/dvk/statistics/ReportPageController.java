package vn.dvk.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dvk.document.OfficialDocument;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitRef;

/**
 * The annual report's preview: the document as it will be issued (figures counted now), the board's text in a
 * form beside it, and the downloads (PDF, DOCX, directly or in the background).
 */
@Controller
class ReportPageController {

    static final String VIEW = "statistics/annual";

    private final AnnualReports reports;
    private final Clock clock;

    ReportPageController(AnnualReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** One block of the preview, flattened for the template. */
    record PreviewBlock(String kind, String label, String text, List<String> headers, List<List<String>> rows) {}

    @GetMapping("/reports/annual")
    String preview(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer year,
            Model model) {
        String code = unit == null || unit.isBlank() ? actor.unitCode() : unit.trim();
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        AnnualReports.checkYear(y);
        UnitRef ref = reports.unit(actor, code);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", reports.text(actor, code, y));
        }
        OfficialDocument doc = reports.document(actor, code, y);
        model.addAttribute("doc", doc);
        model.addAttribute("blocks", blocks(doc));
        model.addAttribute("unitRef", ref);
        model.addAttribute("year", y);
        model.addAttribute("mayEdit", StatisticsPolicy.mayWriteReport(actor, ref.path()));
        model.addAttribute("styles", OfficialDocument.Style.values());
        return VIEW;
    }

    @PostMapping("/reports/annual")
    String save(
            @AuthenticationPrincipal Actor actor,
            @RequestParam String unit,
            @RequestParam Integer year,
            @RequestParam(required = false) OfficialDocument.Style style,
            @RequestParam(required = false) String parentBody,
            @RequestParam(required = false) String issuer,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String issuedOn,
            @RequestParam(required = false) String addressee,
            @RequestParam(required = false) String leadership,
            @RequestParam(required = false) String strengths,
            @RequestParam(required = false) String shortcomings,
            @RequestParam(required = false) String causes,
            @RequestParam(required = false) String lessons,
            @RequestParam(required = false) String directions,
            @RequestParam(required = false) String proposals,
            @RequestParam(required = false) String signerAuthority,
            @RequestParam(required = false) String signerPosition,
            @RequestParam(required = false) String signerName,
            @RequestParam(required = false) String recipients,
            @RequestParam(required = false) Long version,
            RedirectAttributes redirect,
            Model model) {
        AnnualReports.checkYear(year);
        LocalDate date = null;
        try {
            date = issuedOn == null || issuedOn.isBlank() ? null : LocalDate.parse(issuedOn.trim());
        } catch (DateTimeParseException e) {
            // reported below as a missing date
        }
        AnnualReportForm form = new AnnualReportForm(
                style,
                parentBody,
                issuer,
                number,
                place,
                date,
                addressee,
                leadership,
                strengths,
                shortcomings,
                causes,
                lessons,
                directions,
                proposals,
                signerAuthority,
                signerPosition,
                signerName,
                recipients,
                version);
        try {
            reports.save(actor, unit, year, form);
        } catch (Problems.Invalid e) {
            model.addAttribute("form", form);
            model.addAttribute(
                    "errors",
                    e.errors().stream()
                            .collect(Collectors.toMap(
                                    Problems.FieldError::field, Problems.FieldError::messageKey, (a, b) -> a)));
            return preview(actor, unit, year, model);
        }
        redirect.addFlashAttribute("flashOk", "statistics.annual.saved");
        return "redirect:"
                + UriComponentsBuilder.fromPath("/reports/annual")
                        .queryParam("unit", unit)
                        .queryParam("year", year)
                        .encode()
                        .toUriString();
    }

    @GetMapping("/reports/annual/file")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal Actor actor,
            @RequestParam String unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false, defaultValue = "pdf") String format) {
        return ReportApiController.file(reports, actor, unit, year, format);
    }

    private static List<PreviewBlock> blocks(OfficialDocument doc) {
        List<PreviewBlock> out = new ArrayList<>();
        for (OfficialDocument.Block b : doc.blocks()) {
            if (b instanceof OfficialDocument.Paragraph p) {
                out.add(new PreviewBlock("p", null, p.text(), null, null));
            } else if (b instanceof OfficialDocument.Heading h) {
                out.add(new PreviewBlock("h", null, h.text(), null, null));
            } else if (b instanceof OfficialDocument.Article a) {
                out.add(new PreviewBlock("a", a.label(), a.text(), null, null));
            } else if (b instanceof OfficialDocument.Table t) {
                out.add(new PreviewBlock("t", null, null, t.headers(), t.rows()));
            }
        }
        return out;
    }
}
