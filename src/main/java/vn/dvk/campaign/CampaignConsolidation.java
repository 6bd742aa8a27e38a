package vn.dvk.campaign;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.RegistrationTally;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Consolidates the registrations under a campaign (tổng hợp đăng ký): which units below its unit registered how many
 * models for it, and which registered nothing. Whoever may read the campaign may read it, within the part of the
 * campaign's subtree that it covers: a unit below the campaign's unit sees its own subtree only.
 */
@Service
@Transactional(readOnly = true)
class CampaignConsolidation {

    private final CampaignRegistry campaigns;
    private final UnitDirectory units;
    private final RegistrationTally tally;

    CampaignConsolidation(CampaignRegistry campaigns, UnitDirectory units, RegistrationTally tally) {
        this.campaigns = campaigns;
        this.units = units;
        this.tally = tally;
    }

    /** One page of the rows; 404 for a campaign the actor may not read or a unit it may not see there. */
    Consolidation consolidate(Actor actor, Long campaignId, ConsolidationQuery q) {
        return consolidate(actor, campaignId, q, false);
    }

    /** Every row on one page (the filter applied), for the workbook. */
    Consolidation all(Actor actor, Long campaignId, ConsolidationQuery q) {
        return consolidate(actor, campaignId, q, true);
    }

    private Consolidation consolidate(Actor actor, Long campaignId, ConsolidationQuery q, boolean all) {
        CampaignView c = campaigns.get(actor, campaignId);
        UnitRef unit = unitOf(actor, c, q.unitCode());
        RegistrationTally.ByChild counted = tally.byChild(unit, c.year(), c.levels());
        List<Consolidation.Row> rows = new ArrayList<>();
        for (UnitRef child : units.children(unit)) {
            RegistrationTally.Counts n = counted.children().get(child.id());
            if (child.active() || n != null) {
                rows.add(
                        Consolidation.Row.of(child, n == null ? RegistrationTally.Counts.ZERO : n, c.requireDossier()));
            }
        }
        RegistrationTally.Counts sum =
                counted.children().values().stream().reduce(counted.own(), RegistrationTally.Counts::plus);
        long registeredUnits = rows.stream().filter(r -> !r.missing()).count();
        Consolidation.Totals totals = new Consolidation.Totals(
                rows.size(),
                registeredUnits,
                rows.size() - registeredUnits,
                sum.registered(),
                sum.awaitingAppraisal(),
                sum.changesRequested(),
                sum.accepted(),
                sum.rejected(),
                c.requireDossier() ? sum.dossierComplete() : null);
        List<Consolidation.Row> shown = q.missingOnly()
                ? rows.stream().filter(Consolidation.Row::missing).toList()
                : rows;
        int size = all ? Math.max(1, shown.size()) : q.pageSize();
        int number = all ? 0 : q.pageNumber();
        int from = (int) Math.min((long) number * size, shown.size());
        List<Consolidation.Row> page = shown.subList(from, (int) Math.min((long) from + size, shown.size()));
        return new Consolidation(
                c,
                Consolidation.Row.of(unit, counted.own(), c.requireDossier()),
                totals,
                page,
                new PagedModel.PageMetadata(size, number, shown.size(), (shown.size() + size - 1) / size));
    }

    /**
     * The unit named (in the campaign's subtree and covered by the actor, else 404 on {@code unit}), or by default
     * the campaign's unit, or the actor's own when it lies below the campaign's unit.
     */
    private UnitRef unitOf(Actor actor, CampaignView c, String code) {
        UnitRef top = units.byCode(c.unitCode()).orElseThrow(() -> new Problems.NotFound("campaign.notFound"));
        if (code == null) {
            return actor.covers(top.path()) ? top : units.byId(actor.unitId()).orElseThrow();
        }
        return units.byCode(code)
                .filter(u -> top.contains(u) && actor.covers(u.path()))
                .orElseThrow(() -> Problems.NotFound.onField("unit", "unit.notFound"));
    }
}
