package vn.dvk.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dvk.model.Field;
import vn.dvk.model.HolderType;
import vn.dvk.model.ModelFilter;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.model.Origin;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;

/**
 * The model list as a workbook: every model the list shows for the same filters, unpaged, read through a cursor
 * ({@link ModelRegistry#forEachMatching}) into a streaming sheet, so memory stays flat whatever the number of rows.
 */
@Component
class ModelWorkbook {

    /** How often (in rows) the progress callback is told. */
    static final int PROGRESS_STEP = 1000;

    private final ModelRegistry models;
    private final MessageSource messages;
    private final ExportMetrics metrics;

    ModelWorkbook(ModelRegistry models, MessageSource messages, ExportMetrics metrics) {
        this.metrics = metrics;
        this.models = models;
        this.messages = messages;
    }

    static String fileName(ModelFilter f) {
        return "danh-sach-mo-hinh"
                + (f.unit() == null || f.unit().isBlank() ? "" : "-" + f.unit().trim())
                + (f.year() == null ? "" : "-" + f.year()) + ".xlsx";
    }

    /** Writes the workbook; {@code progress} hears the number of rows written every {@value #PROGRESS_STEP} rows. */
    long write(Actor actor, ModelFilter filter, Locale locale, OutputStream out, LongConsumer progress)
            throws IOException {
        return metrics.time(ExportMetrics.Kind.MODELS_XLSX, () -> rows(actor, filter, locale, out, progress));
    }

    private long rows(Actor actor, ModelFilter filter, Locale locale, OutputStream out, LongConsumer progress)
            throws IOException {
        long[] n = {0};
        try (Xlsx x = new Xlsx()) {
            Xlsx.Sheet s = x.sheet(
                    msg("statistics.export.sheet.models", locale),
                    List.of(),
                    msg("statistics.export.no", locale),
                    msg("statistics.export.modelId", locale),
                    msg("model.title", locale),
                    msg("model.field", locale),
                    msg("statistics.export.unitCode", locale),
                    msg("model.unit", locale),
                    msg("model.level", locale),
                    msg("model.year", locale),
                    msg("statistics.export.holder", locale),
                    msg("statistics.export.holderName", locale),
                    msg("statistics.export.origin", locale),
                    msg("statistics.export.replicatedFrom", locale),
                    msg("model.status", locale),
                    msg("statistics.export.recognizedLevel", locale),
                    msg("statistics.export.retiredYear", locale),
                    msg("statistics.export.submittedAt", locale),
                    msg("statistics.export.updatedAt", locale));
            s.width(2, 60);
            s.width(5, 36);
            s.width(9, 30);
            Map<Enum<?>, String> labels = labels(locale);
            models.forEachMatching(actor, filter, m -> {
                row(s, ++n[0], m, labels);
                if (n[0] % PROGRESS_STEP == 0) {
                    progress.accept(n[0]);
                }
            });
            x.write(out);
        }
        progress.accept(n[0]);
        return n[0];
    }

    private void row(Xlsx.Sheet s, long no, ModelView m, Map<Enum<?>, String> labels) {
        s.row()
                .number(no)
                .code(m.id())
                .text(m.title())
                .text(labels.get(m.field()))
                .text(m.unitCode())
                .text(m.unitName())
                .text(labels.get(m.level()))
                .code(m.year())
                .text(labels.get(m.holderType()))
                .text(m.holderName())
                .text(labels.get(m.origin()))
                .code(m.replicatedFromId())
                .text(labels.get(m.status()))
                .text(m.recognizedLevel() == null ? "" : labels.get(m.recognizedLevel()))
                .code(m.retiredYear())
                .date(day(m.submittedAt()))
                .date(day(m.updatedAt()));
    }

    /** The names of the enumerations' values in this language, looked up once per workbook, not once per cell. */
    private Map<Enum<?>, String> labels(Locale locale) {
        Map<Enum<?>, String> out = new HashMap<>();
        for (Enum<?>[] values : List.<Enum<?>[]>of(
                Field.values(), Level.values(), HolderType.values(), Origin.values(), ModelStatus.values())) {
            for (Enum<?> v : values) {
                out.put(v, msg("enum." + v.getDeclaringClass().getSimpleName() + "." + v.name(), locale));
            }
        }
        return out;
    }

    private static LocalDate day(Instant t) {
        return t == null ? null : t.atZone(Fmt.ZONE).toLocalDate();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
