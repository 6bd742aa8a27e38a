package vn.dvk.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dvk.unit.UnitDirectory;

/**
 * The statistics of a unit as a workbook: one sheet per table of the dashboard, written from the same
 * {@link StatisticsReport} the JSON carries, with headers in the user's language (Vietnamese by default).
 */
@Component
class StatisticsWorkbook {

    private static final List<String> COUNTS = Counts.ORDER;

    private final MessageSource messages;
    private final UnitDirectory units;
    private final ExportMetrics metrics;

    StatisticsWorkbook(MessageSource messages, UnitDirectory units, ExportMetrics metrics) {
        this.metrics = metrics;
        this.messages = messages;
        this.units = units;
    }

    static String fileName(StatisticsQuery q) {
        return "thong-ke-" + q.unit() + "-" + (q.period() ? q.fromYear() + "-" + q.toYear() : q.fromYear()) + ".xlsx";
    }

    void write(
            StatisticsReport r,
            List<Statistics.ChildCounts> children,
            Map<Integer, Counts> byYear,
            StatisticsQuery q,
            OutputStream out)
            throws IOException {
        metrics.time(ExportMetrics.Kind.STATISTICS_XLSX, () -> {
            sheets(r, children, byYear, q, out);
            return null;
        });
    }

    private void sheets(
            StatisticsReport r,
            List<Statistics.ChildCounts> children,
            Map<Integer, Counts> byYear,
            StatisticsQuery q,
            OutputStream out)
            throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        String unitName = units.byCode(r.unit()).map(u -> u.name()).orElse(r.unit());
        String span = q.period()
                ? msg("statistics.export.period", locale, q.fromYear() + "–" + q.toYear())
                : msg("statistics.export.year", locale, q.fromYear());
        String title = msg("statistics.export.title", locale, unitName, span);
        try (Xlsx x = new Xlsx()) {
            Xlsx.Sheet total = x.sheet(
                    msg("statistics.export.sheet.summary", locale),
                    title,
                    msg("statistics.export.indicator", locale),
                    msg("statistics.export.count", locale));
            total.width(0, 40);
            for (String k : COUNTS) {
                total.row().text(msg("stat." + k, locale)).number(r.totals().value(k));
            }
            if (r.feedback() != null) {
                total.row()
                        .text(msg("showcase.stat.feedbackCount", locale))
                        .number(r.feedback().count());
                if (r.feedback().averageRating() != null) {
                    total.row()
                            .text(msg("showcase.stat.averageRating", locale))
                            .text(r.feedback().averageRating().toPlainString().replace('.', ',') + "/5");
                }
            }
            if (q.field() != null) {
                total.row().text(msg("model.field", locale)).text(msg("enum.Field." + q.field(), locale));
            }
            if (q.level() != null) {
                total.row().text(msg("model.level", locale)).text(msg("enum.Level." + q.level(), locale));
            }

            split(
                    x,
                    msg("statistics.export.sheet.field", locale),
                    title,
                    msg("model.field", locale),
                    "enum.Field.",
                    r.byField(),
                    r.totals(),
                    locale);
            split(
                    x,
                    msg("statistics.export.sheet.holder", locale),
                    title,
                    msg("statistics.export.holder", locale),
                    "enum.HolderType.",
                    r.byHolderType(),
                    r.totals(),
                    locale);
            split(
                    x,
                    msg("statistics.export.sheet.origin", locale),
                    title,
                    msg("statistics.export.origin", locale),
                    "enum.Origin.",
                    r.byOrigin(),
                    r.totals(),
                    locale);
            split(
                    x,
                    msg("statistics.byLevel", locale),
                    title,
                    msg("model.level", locale),
                    "enum.Level.",
                    r.byLevel(),
                    r.totals(),
                    locale);

            Xlsx.Sheet years = x.sheet(
                    msg("statistics.export.sheet.year", locale), title, headers(msg("model.year", locale), locale));
            for (Map.Entry<Integer, Counts> e : byYear.entrySet()) {
                countsRow(years.row().code(e.getKey()), e.getValue());
            }

            Xlsx.Sheet levels = x.sheet(
                    msg("statistics.export.sheet.level", locale),
                    title,
                    msg("statistics.export.recognitionLevel", locale),
                    msg("stat.recognized", locale));
            levels.width(0, 24);
            long recognized = 0;
            for (Map.Entry<String, Long> e : r.recognizedByLevel().entrySet()) {
                levels.row().text(msg("enum.Level." + e.getKey(), locale)).number(e.getValue());
                recognized += e.getValue();
            }
            levels.totalRow().text(msg("statistics.total", locale)).number(recognized);

            Xlsx.Sheet comm = x.sheet(
                    msg("statistics.export.sheet.commendations", locale),
                    title,
                    msg("statistics.export.commendation", locale),
                    msg("enum.HolderType.COLLECTIVE", locale),
                    msg("enum.HolderType.INDIVIDUAL", locale),
                    msg("statistics.total", locale));
            comm.width(0, 36);
            for (Map.Entry<String, Map<String, Long>> e :
                    r.commendations().byForm().entrySet()) {
                recipients(comm.row().text(msg("statistics.form." + e.getKey(), locale)), e.getValue());
            }
            for (Map.Entry<String, Map<String, Long>> e :
                    r.commendations().byIssuerLevel().entrySet()) {
                recipients(
                        comm.row()
                                .text(msg(
                                        "statistics.export.issuerLevel",
                                        locale,
                                        msg("enum.Level." + e.getKey(), locale))),
                        e.getValue());
            }

            String[] childHeaders = new String[COUNTS.size() + 3];
            childHeaders[0] = msg("statistics.export.unitCode", locale);
            childHeaders[1] = msg("model.unit", locale);
            for (int i = 0; i < COUNTS.size(); i++) {
                childHeaders[i + 2] = msg("stat." + COUNTS.get(i), locale);
            }
            childHeaders[childHeaders.length - 1] = msg("statistics.dashboard.commendations", locale);
            Xlsx.Sheet subs = x.sheet(msg("statistics.export.sheet.children", locale), title, childHeaders);
            subs.width(1, 40);
            for (Statistics.ChildCounts c : children) {
                countsRow(subs.row().text(c.unit().code()).text(c.unit().name()), c.counts())
                        .number(c.commendations());
            }
            x.write(out);
        }
    }

    private void split(
            Xlsx x,
            String sheetName,
            String title,
            String first,
            String labelPrefix,
            Map<String, Counts> split,
            Counts totals,
            Locale locale) {
        Xlsx.Sheet s = x.sheet(sheetName, title, headers(first, locale));
        s.width(0, 36);
        for (Map.Entry<String, Counts> e : split.entrySet()) {
            countsRow(s.row().text(msg(labelPrefix + e.getKey(), locale)), e.getValue());
        }
        countsRow(s.totalRow().text(msg("statistics.total", locale)), totals);
    }

    private String[] headers(String first, Locale locale) {
        String[] h = new String[COUNTS.size() + 1];
        h[0] = first;
        for (int i = 0; i < COUNTS.size(); i++) {
            h[i + 1] = msg("stat." + COUNTS.get(i), locale);
        }
        return h;
    }

    private static Xlsx.Sheet countsRow(Xlsx.Sheet s, Counts c) {
        for (String k : COUNTS) {
            s.number(c.value(k));
        }
        return s;
    }

    private static void recipients(Xlsx.Sheet s, Map<String, Long> byRecipient) {
        long collective = byRecipient.getOrDefault("COLLECTIVE", 0L);
        long individual = byRecipient.getOrDefault("INDIVIDUAL", 0L);
        s.number(collective).number(individual).number(collective + individual);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
