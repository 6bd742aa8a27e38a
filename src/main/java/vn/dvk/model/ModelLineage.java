package vn.dvk.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitRef;

/**
 * Where a model came from and where it spread: the origin a replica may be made from, the replicas of an
 * origin (their replicas, and so on, to a bounded depth), and the active models of a unit for the annual review.
 */
@Service
@Transactional(readOnly = true)
public class ModelLineage {

    /** The deepest generation of replicas shown under an origin. */
    public static final int MAX_DEPTH = 5;

    /** A replica in the spread tree: its generation (1 = made from the origin) and the model it was made from. */
    public record Branch(ModelView model, int depth, Long parentId) {}

    private final Models models;
    private final ModelRegistry registry;
    private final vn.dvk.unit.UnitDirectory units;
    private final NamedParameterJdbcTemplate jdbc;

    ModelLineage(
            Models models, ModelRegistry registry, vn.dvk.unit.UnitDirectory units, NamedParameterJdbcTemplate jdbc) {
        this.models = models;
        this.registry = registry;
        this.units = units;
        this.jdbc = jdbc;
    }

    /**
     * A model this actor may replicate: accepted at appraisal and either recognized (anyone may replicate it) or
     * in the actor's subtree — the rule of registration; 404 otherwise.
     */
    public ModelView originForReplica(Actor actor, Long id) {
        DvkModel origin = models.findById(id)
                .filter(o -> o.getStatus() != ModelStatus.DRAFT)
                .filter(o -> o.getAppraisalOutcome() == AppraisalDecision.ACCEPT)
                .filter(o -> o.getRecognizedLevel() != null
                        || units.byId(o.getUnitId())
                                .map(u -> actor.covers(u.path()))
                                .orElse(false))
                .orElseThrow(() -> new Problems.NotFound("model.notFound"));
        return registry.viewsOf(List.of(origin.getId())).get(origin.getId());
    }

    /**
     * The replicas of a model the actor sees, generation by generation (one query per generation, at most
     * {@link #MAX_DEPTH}), depth first in the result; drafts are left out.
     */
    public List<Branch> spread(Actor actor, Long originId) {
        registry.get(actor, originId);
        Map<Long, List<Long>> children = new HashMap<>();
        List<Long> generation = List.of(originId);
        List<Long> all = new ArrayList<>();
        for (int depth = 1; depth <= MAX_DEPTH && !generation.isEmpty(); depth++) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select id, replicated_from_id from model_model"
                            + " where replicated_from_id in (:ids) and status <> 'DRAFT' order by id",
                    new MapSqlParameterSource("ids", generation));
            List<Long> next = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                Long id = ((Number) r.get("id")).longValue();
                if (all.contains(id) || id.equals(originId)) {
                    continue;
                }
                children.computeIfAbsent(((Number) r.get("replicated_from_id")).longValue(), k -> new ArrayList<>())
                        .add(id);
                next.add(id);
                all.add(id);
            }
            generation = next;
        }
        Map<Long, ModelView> views = registry.viewsOf(all);
        List<Branch> out = new ArrayList<>();
        walk(originId, 1, children, views, out);
        return out;
    }

    private static void walk(
            Long parent, int depth, Map<Long, List<Long>> children, Map<Long, ModelView> views, List<Branch> out) {
        for (Long id : children.getOrDefault(parent, List.of())) {
            out.add(new Branch(views.get(id), depth, parent));
            walk(id, depth + 1, children, views, out);
        }
    }

    /**
     * The active models of a unit's subtree for the annual review: accepted or recognized and not retired,
     * by unit path then title; the unit must be in the actor's scope (400 on {@code field} otherwise).
     */
    public List<ModelView> activeIn(Actor actor, String unitCode, String field) {
        UnitRef unit = units.inScope(actor, unitCode, field);
        List<Long> ids = jdbc.queryForList(
                "select m.id from model_model m join unit_scope u on u.id = m.unit_id"
                        + " where u.path like :prefix and m.status in ('ACCEPTED', 'RECOGNIZED') and m.retired_year is null"
                        + " order by u.path, m.title, m.id",
                new MapSqlParameterSource("prefix", unit.path() + "%"),
                Long.class);
        Map<Long, ModelView> views = registry.viewsOf(ids);
        return ids.stream().map(views::get).toList();
    }
}
