package vn.dvk.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/**
 * The import page: choose what to import, download its template, upload the filled file for a preview (a table of
 * the wrong rows with the error beside each), then import the same file. htmx swaps the result in place and shows
 * the upload's progress; without htmx the forms post and the whole page comes back.
 */
@Controller
class ImportPageController {

    private static final String VIEW = "imports/index";

    private final ImportApiController api;
    private final Templates templates;
    private final Labels labels;

    ImportPageController(ImportApiController api, Templates templates, Labels labels) {
        this.api = api;
        this.templates = templates;
        this.labels = labels;
    }

    @GetMapping("/imports")
    String page(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind, Model model) {
        List<ImportKind> kinds = ImportPolicy.kinds(actor);
        if (kinds.isEmpty()) {
            throw new Problems.Forbidden("access.denied");
        }
        ImportKind chosen = ImportKind.of(kind == null ? "" : kind);
        model.addAttribute("kinds", kinds.stream().map(ImportKind::path).toList());
        model.addAttribute("kind", (chosen != null && kinds.contains(chosen) ? chosen : kinds.get(0)).path());
        return VIEW;
    }

    @GetMapping("/imports/template")
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "models") String kind) {
        return ImportApiController.download(templates, kind);
    }

    @PostMapping("/imports/preview")
    String preview(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "models") String kind,
            @RequestParam(defaultValue = "false") boolean update,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        return result(actor, kind, update, file, true, htmx, model);
    }

    @PostMapping("/imports/run")
    String run(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "models") String kind,
            @RequestParam(defaultValue = "false") boolean update,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        return result(actor, kind, update, file, false, htmx, model);
    }

    private String result(
            Actor actor,
            String kindName,
            boolean update,
            MultipartFile file,
            boolean dryRun,
            String htmx,
            Model model) {
        ImportKind kind = ImportApiController.kind(kindName);
        ImportPolicy.require(actor, kind);
        model.addAttribute(
                "kinds",
                ImportPolicy.kinds(actor).stream().map(ImportKind::path).toList());
        model.addAttribute("kind", kind.path());
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        try {
            ImportReport report = api.run(actor, kind, file, dryRun, update);
            model.addAttribute("report", report);
            Map<String, String> headers = new LinkedHashMap<>();
            kind.columns().forEach(c -> headers.put(c.key(), labels.header(c)));
            model.addAttribute("headers", headers);
        } catch (ImportRefused e) {
            model.addAttribute("fileError", labels.text(e.messageKey(), e.args()));
        }
        return htmx != null ? VIEW + " :: result" : VIEW;
    }
}
