package vn.dvk.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dvk.model.ModelView;
import vn.dvk.model.SubmissionCheck;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;

/**
 * Submissions under a campaign: a registration for year Y and level L of a unit under (or of) a campaign's unit, the
 * campaign covering Y and L, is refused with 409 before the campaign opens and after it closes (a first submission
 * only: a registration sent back for changes may always come back), and without a complete dossier when the campaign
 * requires one. Where no campaign covers Y and L, nothing is checked.
 */
@Component
class CampaignGate implements SubmissionCheck {

    private final CampaignRegistry campaigns;
    private final UnitDirectory units;
    private final MessageSource messages;
    private final Clock clock;
    private final Fmt fmt = new Fmt();

    CampaignGate(CampaignRegistry campaigns, UnitDirectory units, MessageSource messages, Clock clock) {
        this.campaigns = campaigns;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void beforeSubmit(ModelView m, boolean again) {
        LocalDate today = LocalDate.now(clock);
        units.byCode(m.unitCode()).map(u -> campaigns.applying(u, m.year())).orElse(List.of()).stream()
                .filter(c -> c.levels().contains(m.level()))
                .forEach(c -> {
                    String name = name(c);
                    if (!again && today.isBefore(c.registrationOpens())) {
                        throw new Problems.Conflict("campaign.submit.notOpen", name, fmt.date(c.registrationOpens()));
                    }
                    if (!again && today.isAfter(c.registrationCloses())) {
                        throw new Problems.Conflict("campaign.submit.closed", name, fmt.date(c.registrationCloses()));
                    }
                    if (c.requireDossier() && !m.dossier().complete()) {
                        throw new Problems.Conflict(
                                "campaign.submit.dossier",
                                name,
                                m.dossier().missing().stream()
                                        .map(s -> messages.getMessage(
                                                "enum.DossierSection." + s.name(),
                                                null,
                                                s.name(),
                                                LocaleContextHolder.getLocale()))
                                        .collect(Collectors.joining("; ")));
                    }
                });
    }

    /** "“Title” (số 12-KH/BDV)": how a refusal names the campaign. */
    private static String name(CampaignView c) {
        return "“" + c.title() + "”" + (c.documentNumber() == null ? "" : " (" + c.documentNumber() + ")");
    }
}
