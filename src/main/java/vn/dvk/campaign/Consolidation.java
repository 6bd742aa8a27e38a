package vn.dvk.campaign;

import java.util.List;
import org.springframework.data.web.PagedModel;
import vn.dvk.model.RegistrationTally;
import vn.dvk.shared.Level;
import vn.dvk.unit.UnitRef;

/**
 * The registrations under a campaign (year = the campaign's, level among its levels, drafts never counted), for one
 * unit of its subtree: {@code own} = the unit's own registrations, {@code content} = one row per direct child (its
 * whole subtree; children that no longer exist only where they registered), paged, {@code totals} = the whole unit.
 */
public record Consolidation(
        CampaignView campaign, Row own, Totals totals, List<Row> content, PagedModel.PageMetadata page) {

    /**
     * The figures of one unit (with its subtree, for a child row); {@code dossierComplete} counts the registered
     * models whose eight sections are written, and is null where the campaign does not require the dossier.
     */
    public record Row(
            String unitCode,
            String unitName,
            Level level,
            boolean active,
            long registered,
            long awaitingAppraisal,
            long changesRequested,
            long accepted,
            long rejected,
            Long dossierComplete) {

        static Row of(UnitRef unit, RegistrationTally.Counts n, boolean dossier) {
            return new Row(
                    unit.code(),
                    unit.name(),
                    unit.level(),
                    unit.active(),
                    n.registered(),
                    n.awaitingAppraisal(),
                    n.changesRequested(),
                    n.accepted(),
                    n.rejected(),
                    dossier ? n.dossierComplete() : null);
        }

        /** True when the unit (with its subtree) has registered nothing for the campaign. */
        public boolean missing() {
            return registered == 0;
        }
    }

    /**
     * The whole unit: its own registrations and every child's; {@code units} = the child rows (all of them, whatever
     * the filter), of which {@code unitsRegistered} registered something and {@code unitsMissing} nothing.
     */
    public record Totals(
            long units,
            long unitsRegistered,
            long unitsMissing,
            long registered,
            long awaitingAppraisal,
            long changesRequested,
            long accepted,
            long rejected,
            Long dossierComplete) {}

    /** Whether the unit's own line is worth a row: it registered itself, or it has no child rows at all. */
    public boolean showOwn() {
        return own.registered() > 0 || totals.units() == 0;
    }
}
