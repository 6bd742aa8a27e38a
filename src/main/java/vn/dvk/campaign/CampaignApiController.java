package vn.dvk.campaign;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** {@code /api/v1/campaigns}: launch, edit and read campaigns (phát động). */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignApiController {

    private final CampaignRegistry registry;
    private final CampaignConsolidation consolidation;
    private final ConsolidationWorkbook workbook;

    CampaignApiController(
            CampaignRegistry registry, CampaignConsolidation consolidation, ConsolidationWorkbook workbook) {
        this.registry = registry;
        this.consolidation = consolidation;
        this.workbook = workbook;
    }

    @PostMapping
    ResponseEntity<CampaignView> launch(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody CampaignRequest request) {
        CampaignView c = registry.launch(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + c.id())).body(c);
    }

    /** The campaigns of the caller's unit (or of {@code unit}, which it must see) and of the units above it. */
    @GetMapping
    List<CampaignView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Size(max = 32) String unit,
            @RequestParam(required = false) @Min(2009) @Max(2100) Integer year) {
        return registry.applying(actor, unit, year);
    }

    @GetMapping("/{id}")
    CampaignView get(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return registry.get(actor, id);
    }

    @PutMapping("/{id}")
    CampaignView edit(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody CampaignRequest request) {
        return registry.edit(actor, id, request);
    }

    /** Which units under the campaign registered how many models for it, and which none (tổng hợp đăng ký). */
    @GetMapping("/{id}/consolidation")
    Consolidation consolidation(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @Valid @ModelAttribute ConsolidationQuery query) {
        return consolidation.consolidate(actor, id, query);
    }

    /** The same, every row at once, as a workbook. */
    @GetMapping("/{id}/consolidation.xlsx")
    void consolidationWorkbook(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @Valid @ModelAttribute ConsolidationQuery query,
            HttpServletResponse response)
            throws IOException {
        workbook.download(consolidation.all(actor, id, query), query.missingOnly(), response);
    }
}
