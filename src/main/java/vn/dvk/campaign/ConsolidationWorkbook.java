package vn.dvk.campaign;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dvk.shared.Fmt;
import vn.dvk.statistics.Xlsx;

/**
 * A campaign's consolidation as a workbook: the campaign (title, document number and date, year, levels, window) and
 * the unit on top, then the unit's own line where it has one, a row per child unit, and the totals, with the column
 * titles in the user's language.
 */
@Component
class ConsolidationWorkbook {

    private final MessageSource messages;
    private final Fmt fmt;

    ConsolidationWorkbook(MessageSource messages, Fmt fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    /** "tong-hop-dang-ky-7-BTR.xlsx": the campaign's id and the unit's code. */
    static String fileName(Consolidation c) {
        return "tong-hop-dang-ky-" + c.campaign().id() + "-" + c.own().unitCode() + ".xlsx";
    }

    /** Answers the request with the workbook, in the request's language. */
    void download(Consolidation c, boolean onlyMissing, HttpServletResponse response) throws IOException {
        Xlsx.attachment(response, fileName(c));
        write(c, onlyMissing, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    void write(Consolidation c, boolean onlyMissing, Locale locale, OutputStream out) throws IOException {
        CampaignView campaign = c.campaign();
        List<String> top = new ArrayList<>();
        top.add(msg(locale, "consolidation.export.title", campaign.title()));
        if (campaign.documentNumber() != null) {
            top.add(msg(
                            locale,
                            "campaign.document",
                            campaign.documentNumber(),
                            campaign.documentDate() == null ? "" : fmt.date(campaign.documentDate()))
                    .strip());
        }
        top.add(msg(
                locale,
                "consolidation.export.scope",
                String.valueOf(campaign.year()),
                campaign.levels().stream()
                        .map(l -> msg(locale, "enum.Level." + l.name()))
                        .collect(Collectors.joining(", ")),
                fmt.date(campaign.registrationOpens()),
                fmt.date(campaign.registrationCloses())));
        top.add(msg(locale, "consolidation.export.unit", c.own().unitName())
                + (onlyMissing ? " · " + msg(locale, "consolidation.onlyMissing") : ""));
        List<String> headers = new ArrayList<>(List.of(
                msg(locale, "consolidation.no"),
                msg(locale, "consolidation.unitCode"),
                msg(locale, "consolidation.unit"),
                msg(locale, "consolidation.registered"),
                msg(locale, "consolidation.awaitingAppraisal"),
                msg(locale, "consolidation.changesRequested"),
                msg(locale, "consolidation.accepted"),
                msg(locale, "consolidation.rejected")));
        if (campaign.requireDossier()) {
            headers.add(msg(locale, "consolidation.dossierComplete"));
        }
        try (Xlsx x = new Xlsx()) {
            Xlsx.Sheet s = x.sheet(msg(locale, "consolidation.export.sheet"), top, headers.toArray(String[]::new));
            s.width(2, 40);
            long no = 1;
            if (c.showOwn()) {
                figures(
                        s.row()
                                .code(no++)
                                .text(c.own().unitCode())
                                .text(msg(locale, "consolidation.own", c.own().unitName())),
                        c.own());
            }
            for (Consolidation.Row r : c.content()) {
                figures(
                        s.row()
                                .code(no++)
                                .text(r.unitCode())
                                .text(r.unitName()
                                        + (r.active() ? "" : " (" + msg(locale, "consolidation.ended") + ")")),
                        r);
            }
            Consolidation.Totals t = c.totals();
            s.totalRow()
                    .text("")
                    .text("")
                    .text(msg(locale, "consolidation.total"))
                    .number(t.registered())
                    .number(t.awaitingAppraisal())
                    .number(t.changesRequested())
                    .number(t.accepted())
                    .number(t.rejected())
                    .number(t.dossierComplete());
            x.write(out);
        }
    }

    private static void figures(Xlsx.Sheet s, Consolidation.Row r) {
        s.number(r.registered())
                .number(r.awaitingAppraisal())
                .number(r.changesRequested())
                .number(r.accepted())
                .number(r.rejected())
                .number(r.dossierComplete());
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
