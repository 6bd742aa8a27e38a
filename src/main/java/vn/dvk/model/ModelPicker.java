package vn.dvk.model;

import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/**
 * {@code /models/pick?q=}: the models the signed-in user may see whose words match the search (the search of
 * {@code /api/v1/models?q=}, accents ignored), for the origin-model picker of the registration form, which stores
 * the id.
 */
@RestController
class ModelPicker {

    static final int LIMIT = 10;

    /** What an origin may be: a model the appraisal accepted ({@link ModelLineage#originForReplica}). */
    private static final Set<ModelStatus> ORIGINS =
            EnumSet.of(ModelStatus.ACCEPTED, ModelStatus.PROPOSED, ModelStatus.RECOGNIZED, ModelStatus.RETIRED);

    private final ModelRegistry registry;

    ModelPicker(ModelRegistry registry) {
        this.registry = registry;
    }

    /** One choice: the id to store, the title to show, and the unit and year that tell like titles apart. */
    record Choice(String code, String name, String detail) {}

    @GetMapping("/models/pick")
    List<Choice> pick(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Size(max = 200) String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return registry
                .search(actor, new ModelFilter(null, null, null, null, null, q.strip()), PageRequest.of(0, 3 * LIMIT))
                .getContent()
                .stream()
                .filter(m -> ORIGINS.contains(m.status()))
                .limit(LIMIT)
                .map(m -> new Choice(
                        String.valueOf(m.id()), m.title(), m.unitName() + " · " + m.year() + " · #" + m.id()))
                .toList();
    }
}
