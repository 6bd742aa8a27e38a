package vn.dvk.progress;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** The indicator catalogue, each model's chosen indicators, and the formalism signals of a subtree. */
@RestController
class IndicatorApiController {

    private final IndicatorCatalogue catalogue;
    private final ModelTargets targets;
    private final FormalismSignals signals;

    IndicatorApiController(IndicatorCatalogue catalogue, ModelTargets targets, FormalismSignals signals) {
        this.catalogue = catalogue;
        this.targets = targets;
        this.signals = signals;
    }

    /** An indicator to add or change; {@code code} is ignored on change, {@code version} guards a change. */
    record IndicatorRequest(
            String code,
            String name,
            String measure,
            IndicatorKind kind,
            String description,
            Boolean active,
            Long version) {
        IndicatorCatalogue.IndicatorData data() {
            return new IndicatorCatalogue.IndicatorData(code, name, measure, kind, description, active);
        }
    }

    /** The indicators of a model: each with its code, optional baseline and target. */
    record TargetsRequest(
            @NotNull(message = "{validation.required}") @Size(max = 50, message = "{validation.maxItems}")
            List<Choice> indicators) {}

    /** One chosen indicator. */
    record Choice(String code, BigDecimal baseline, BigDecimal target) {}

    @GetMapping("/api/v1/indicators")
    List<IndicatorCatalogue.IndicatorView> all() {
        return catalogue.all();
    }

    @GetMapping("/api/v1/indicators/{code}")
    IndicatorCatalogue.IndicatorView get(@PathVariable String code) {
        return catalogue.get(code);
    }

    @PostMapping("/api/v1/indicators")
    ResponseEntity<IndicatorCatalogue.IndicatorView> create(
            @AuthenticationPrincipal Actor actor, @RequestBody IndicatorRequest request) {
        IndicatorCatalogue.IndicatorView v = catalogue.create(actor, request.data());
        return ResponseEntity.created(URI.create("/api/v1/indicators/" + v.code()))
                .body(v);
    }

    @PutMapping("/api/v1/indicators/{code}")
    IndicatorCatalogue.IndicatorView update(
            @AuthenticationPrincipal Actor actor, @PathVariable String code, @RequestBody IndicatorRequest request) {
        return catalogue.update(actor, code, request.data(), request.version());
    }

    @GetMapping("/api/v1/models/{id}/indicators")
    List<ModelTargets.TargetView> targets(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return targets.of(actor, id);
    }

    @PutMapping("/api/v1/models/{id}/indicators")
    List<ModelTargets.TargetView> choose(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody TargetsRequest request) {
        return targets.replace(
                actor,
                id,
                request.indicators().stream()
                        .map(c -> c == null ? null : new ModelTargets.Choice(c.code(), c.baseline(), c.target()))
                        .toList());
    }

    /** Models of the caller's subtree (or of {@code unit}) flagged for the annual review, with the reason. */
    @GetMapping("/api/v1/formalism-signals")
    List<FormalismSignals.Signal> signals(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String unit) {
        return signals.list(actor, unit);
    }
}
