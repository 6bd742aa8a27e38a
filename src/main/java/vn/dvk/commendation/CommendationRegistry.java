package vn.dvk.commendation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.HolderType;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/** Records commendations: an approver issues them for issuing units of its subtree. */
@Service
@Transactional(readOnly = true)
public class CommendationRegistry {

    /** A commendation as the API shows it. */
    public record CommendationView(
            Long id,
            CommendationForm form,
            HolderType recipientType,
            String recipientName,
            String unitCode,
            String issuerUnitCode,
            Level issuerLevel,
            String decisionNumber,
            LocalDate decisionDate,
            String reason,
            Set<Long> modelIds) {}

    private final Commendations commendations;
    private final UnitDirectory units;
    private final ModelRegistry models;
    private final AuditTrail audit;
    private final Clock clock;

    CommendationRegistry(
            Commendations commendations, UnitDirectory units, ModelRegistry models, AuditTrail audit, Clock clock) {
        this.commendations = commendations;
        this.units = units;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CommendationView issue(Actor actor, NewCommendation c) {
        CommendationPolicy.requireIssuer(actor);
        UnitRef issuer = units.inScope(actor, c.issuerUnitCode(), "issuerUnitCode");
        UnitRef recipient = units.byCode(c.unitCode())
                .filter(issuer::contains)
                .orElseThrow(() -> new Problems.Invalid("unitCode", "commendation.unit.outsideIssuer"));
        Set<Long> modelIds = c.modelIds() == null ? Set.of() : c.modelIds();
        for (Long id : modelIds) {
            try {
                ModelView m = id == null ? null : models.get(actor, id);
                if (m == null) {
                    throw new Problems.NotFound("model.notFound");
                }
            } catch (Problems.NotFound e) {
                throw new Problems.Invalid("modelIds", "model.notFound");
            }
        }
        Commendation saved = commendations.saveAndFlush(new Commendation(
                c.form(),
                c.recipientType(),
                c.recipientName().trim(),
                recipient.id(),
                issuer.id(),
                c.decisionNumber().trim(),
                c.decisionDate(),
                c.reason() == null || c.reason().isBlank() ? null : c.reason().trim(),
                modelIds,
                actor.username(),
                clock.instant()));
        audit.record(
                actor.username(),
                "COMMENDATION",
                saved.getId(),
                "ISSUE",
                null,
                c.form().name(),
                c.decisionNumber());
        Map<Long, UnitRef> refs = new HashMap<>();
        refs.put(recipient.id(), recipient);
        refs.put(issuer.id(), issuer); // the issuer may be the recipient's own unit
        return view(saved, refs);
    }

    public Page<CommendationView> list(Actor actor, Pageable pageable) {
        Page<Commendation> page = commendations.findInSubtree(actor.unitPath(), pageable);
        Map<Long, UnitRef> refs = units.byIds(page.getContent().stream()
                .flatMap(c -> List.of(c.getUnitId(), c.getIssuerUnitId()).stream())
                .toList());
        return page.map(c -> view(c, refs));
    }

    private static CommendationView view(Commendation c, Map<Long, UnitRef> refs) {
        UnitRef unit = refs.get(c.getUnitId());
        UnitRef issuer = refs.get(c.getIssuerUnitId());
        return new CommendationView(
                c.getId(),
                c.getForm(),
                c.getRecipientType(),
                c.getRecipientName(),
                unit.code(),
                issuer.code(),
                issuer.level(),
                c.getDecisionNumber(),
                c.getDecisionDate(),
                c.getReason(),
                c.getModelIds());
    }

    /** A commendation whose recipient unit is in the actor's subtree; 404 otherwise. */
    public CommendationView get(Actor actor, Long id) {
        Commendation c = commendations.findById(id).orElseThrow(() -> new Problems.NotFound("commendation.notFound"));
        Map<Long, UnitRef> refs = units.byIds(List.of(c.getUnitId(), c.getIssuerUnitId()));
        if (!actor.covers(refs.get(c.getUnitId()).path())) {
            throw new Problems.NotFound("commendation.notFound");
        }
        return view(c, refs);
    }

    /** The commendations of a unit's subtree (the recipient's page), newest decision first. */
    public Page<CommendationView> listIn(Actor actor, String unitCode, Pageable pageable) {
        UnitRef unit = units.inScope(actor, unitCode, "unit");
        Page<Commendation> page = commendations.findInSubtree(unit.path(), pageable);
        Map<Long, UnitRef> refs = units.byIds(page.getContent().stream()
                .flatMap(c -> List.of(c.getUnitId(), c.getIssuerUnitId()).stream())
                .toList());
        return page.map(c -> view(c, refs));
    }

    /** The commendations linked to a model the actor sees, newest decision first. */
    public List<CommendationView> ofModel(Actor actor, Long modelId) {
        models.get(actor, modelId);
        List<Commendation> found = commendations.findByModel(modelId);
        Map<Long, UnitRef> refs = units.byIds(found.stream()
                .flatMap(c -> List.of(c.getUnitId(), c.getIssuerUnitId()).stream())
                .toList());
        return found.stream().map(c -> view(c, refs)).toList();
    }

    /** The issuing unit of a commendation the actor sees, for its certificate. */
    public UnitRef issuerOf(Actor actor, Long id) {
        return units.byCode(get(actor, id).issuerUnitCode()).orElseThrow();
    }
}
