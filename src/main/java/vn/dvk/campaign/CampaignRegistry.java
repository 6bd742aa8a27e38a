package vn.dvk.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Launches and edits campaigns (APPROVER or ADMIN covering the campaign's unit, as {@link CampaignPolicy} says) and tells which ones apply to a unit:
 * those of the unit itself and of the units above it. One campaign per unit, year and level: a second one sharing a
 * level of the same unit and year is refused, by a check that names the campaign it meets and, for two launched at the
 * same moment, by the key of {@code campaign_level}.
 */
@Service
@Transactional(readOnly = true)
public class CampaignRegistry {

    /** Subject type of campaign entries in the audit trail. */
    static final String AUDIT_SUBJECT = "CAMPAIGN";

    private final Campaigns campaigns;
    private final UnitDirectory units;
    private final AuditTrail audit;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    CampaignRegistry(Campaigns campaigns, UnitDirectory units, AuditTrail audit, Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CampaignView launch(Actor actor, CampaignRequest r) {
        CampaignPolicy.requireRoles(actor, CampaignPolicy.Act.ORGANISE);
        UnitRef unit = units.inScope(actor, r.unitCode(), "unitCode");
        check(r, unit, null);
        Campaign c = campaigns.saveAndFlush(new Campaign(unit.id(), r, actor.username(), clock.instant()));
        holdLevels(c, r);
        record(actor, c, unit, "CAMPAIGN_CREATE");
        return view(c, unit);
    }

    @Transactional
    public CampaignView edit(Actor actor, Long id, CampaignRequest r) {
        CampaignPolicy.requireRoles(actor, CampaignPolicy.Act.ORGANISE);
        Campaign c = campaigns.findById(id).orElseThrow(() -> new Problems.NotFound("campaign.notFound"));
        UnitRef unit = units.byId(c.getUnitId()).orElseThrow();
        if (!CampaignPolicy.allows(actor, CampaignPolicy.Act.ORGANISE, unit.path())) {
            throw new Problems.NotFound("campaign.notFound");
        }
        if (!unit.code().equals(r.unitCode() == null ? null : r.unitCode().trim())) {
            throw new Problems.Invalid("unitCode", "campaign.unit.fixed");
        }
        if (r.version() == null) {
            throw new Problems.Invalid("version", "validation.required");
        }
        if (r.version() != c.getVersion()) {
            throw new Problems.Conflict("campaign.version.stale", c.getVersion());
        }
        check(r, unit, id);
        c.apply(r, clock.instant());
        campaigns.flush();
        holdLevels(c, r);
        record(actor, c, unit, "CAMPAIGN_EDIT");
        return view(c, unit);
    }

    /** A campaign the actor may read: of a unit in its subtree or above it; else 404. */
    public CampaignView get(Actor actor, Long id) {
        Campaign c = campaigns.findById(id).orElseThrow(() -> new Problems.NotFound("campaign.notFound"));
        UnitRef unit = units.byId(c.getUnitId()).orElseThrow();
        if (!CampaignPolicy.maySee(actor, unit.path())) {
            throw new Problems.NotFound("campaign.notFound");
        }
        return view(c, unit);
    }

    /**
     * The campaigns that apply to a unit (the actor's own, or {@code unitCode}, which must be visible to it): those of
     * the unit and of every unit above it, of one year or all, the latest year first.
     */
    public List<CampaignView> applying(Actor actor, String unitCode, Integer year) {
        UnitRef unit = unitCode == null || unitCode.isBlank()
                ? units.byId(actor.unitId()).orElseThrow()
                : units.visibleTo(actor, unitCode.trim());
        return applying(unit, year);
    }

    /** The campaigns of the unit and of the units above it, as {@link #applying(Actor, String, Integer)}. */
    List<CampaignView> applying(UnitRef unit, Integer year) {
        List<Long> ids = unit.pathIds();
        List<Campaign> found = year == null
                ? campaigns.findByUnitIdInOrderByYearDescRegistrationOpensAscIdAsc(ids)
                : campaigns.findByUnitIdInAndYearOrderByRegistrationOpensAscIdAsc(ids, year);
        Map<Long, UnitRef> refs = units.byIds(ids);
        return found.stream().map(c -> view(c, refs.get(c.getUnitId()))).toList();
    }

    /** Campaigns open today for the actor's unit, closing first first: what a reporter may register under now. */
    public List<CampaignView> openFor(Actor actor) {
        if (!CampaignPolicy.mayAtAll(actor, CampaignPolicy.Act.REGISTER)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return units.byId(actor.unitId()).map(u -> applying(u, null)).orElse(List.of()).stream()
                .filter(c -> c.openOn(today))
                .sorted(Comparator.comparing(CampaignView::registrationCloses))
                .toList();
    }

    private void check(CampaignRequest r, UnitRef unit, Long self) {
        if (r.registrationCloses().isBefore(r.registrationOpens())) {
            throw new Problems.Invalid("registrationCloses", "campaign.closesBeforeOpens");
        }
        if (r.documentDate() != null && r.documentDate().isAfter(r.registrationCloses())) {
            throw new Problems.Invalid("documentDate", "campaign.documentAfterClose");
        }
        Optional<Campaign> overlapping = campaigns.findByUnitIdAndYear(unit.id(), r.year()).stream()
                .filter(c -> !c.getId().equals(self))
                .filter(c -> c.sharesLevel(r.levels()))
                .findFirst();
        if (overlapping.isPresent()) {
            throw Problems.Conflict.onField(
                    "levels", "campaign.overlap", overlapping.get().getTitle(), r.year());
        }
    }

    /**
     * The levels the campaign opens, one row each in {@code campaign_level}, whose key is the unit, the year and the
     * level: a campaign launched at the same moment for a level of the same unit and year has passed {@link #check}
     * too, but only one of the two rows can be written (the other waits for the first to commit, then writes
     * nothing), and the second is refused as the check would have refused it; its transaction, campaign included,
     * is rolled back.
     */
    private void holdLevels(Campaign c, CampaignRequest r) {
        jdbc.update("delete from campaign_level where campaign_id = ?", c.getId());
        for (vn.dvk.shared.Level level : r.levels()) {
            // on a conflict nothing is written and the transaction stays usable, to name the other campaign
            if (jdbc.update(
                            "insert into campaign_level (unit_id, reg_year, level, campaign_id) values (?, ?, ?, ?)"
                                    + " on conflict do nothing",
                            c.getUnitId(),
                            r.year(),
                            level.name(),
                            c.getId())
                    == 0) {
                String other = jdbc
                        .queryForList(
                                "select c.title from campaign_level l join campaign_campaign c"
                                        + " on c.id = l.campaign_id where l.unit_id = ? and l.reg_year = ? and l.level = ?",
                                String.class,
                                c.getUnitId(),
                                r.year(),
                                level.name())
                        .stream()
                        .findFirst()
                        .orElse("");
                throw Problems.Conflict.onField("levels", "campaign.overlap", other, r.year());
            }
        }
    }

    /** The audit entry; a campaign of the root concerns every area, so every reader's data version moves. */
    private void record(Actor actor, Campaign c, UnitRef unit, String action) {
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                c.getId(),
                action,
                null,
                null,
                c.getTitle(),
                unit.parentId() == null ? null : unit.path());
    }

    private static CampaignView view(Campaign c, UnitRef unit) {
        return new CampaignView(
                c.getId(),
                unit.code(),
                unit.name(),
                c.getYear(),
                c.getTitle(),
                c.getDocumentNumber(),
                c.getDocumentDate(),
                c.getRegistrationOpens(),
                c.getRegistrationCloses(),
                c.levelList(),
                c.isRequireDossier(),
                c.getVersion());
    }
}
