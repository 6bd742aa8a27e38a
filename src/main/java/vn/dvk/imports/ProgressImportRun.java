package vn.dvk.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dvk.model.ModelImports;
import vn.dvk.model.ModelView;
import vn.dvk.progress.Progress;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * An import of progress (indicator values per period): one row per value; the rows of one model, period and date
 * make one progress report, filed through the progress module with the rules of
 * {@code POST /api/v1/models/{id}/progress-reports} (a model in the importer's subtree, accepted or recognized, known
 * indicators, a date inside the period and not in the future). A model is named by {@code modelId}, or by its unit
 * and file number. A report of the same model, period and date with the same values is unchanged; with other values,
 * an error. Reports are filed even in a preview, whose transaction is rolled back, so the preview checks every rule.
 */
final class ProgressImportRun extends ImportRun {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final Pattern INDICATOR = Pattern.compile("^indicators\\[(\\d+)]\\.(code|value)$");

    /** One value of a row. */
    private record Value(int row, String code, BigDecimal value) {}

    /** The rows of one report: a model, its period and date, the narrative of its first row. */
    private static final class Group {
        final Long modelId;
        final String period;
        final LocalDate asOf;
        final int firstRow;
        String narrative;
        final List<Value> values = new ArrayList<>();

        Group(Long modelId, String period, LocalDate asOf, int firstRow) {
            this.modelId = modelId;
            this.period = period;
            this.asOf = asOf;
            this.firstRow = firstRow;
        }
    }

    private final ModelImports models;
    private final Progress progress;
    private final UnitDirectory units;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    ProgressImportRun(
            Actor actor,
            boolean dryRun,
            boolean update,
            Long importId,
            Labels labels,
            int maxErrors,
            ModelImports models,
            Progress progress,
            UnitDirectory units) {
        super(actor, dryRun, update, importId, labels, maxErrors);
        this.models = models;
        this.progress = progress;
        this.units = units;
    }

    @Override
    void accept(ImportFile.Row row) {
        int n = row.number();
        Long modelId = model(row);
        LocalDate asOf = date(row, "asOf");
        BigDecimal value = null;
        try {
            value = new BigDecimal(row.get("value").replace(" ", ""));
        } catch (NumberFormatException e) {
            error(n, "value", "imports.cell.number", row.get("value"));
        }
        if (badRows.contains(n)) {
            return;
        }
        String period = row.get("period");
        Group g = groups.computeIfAbsent(modelId + "|" + period + "|" + asOf, k -> new Group(modelId, period, asOf, n));
        if (g.narrative == null) {
            g.narrative = row.get("narrative");
        }
        g.values.add(new Value(n, row.get("indicatorCode"), value));
    }

    private Long model(ImportFile.Row row) {
        int n = row.number();
        String id = row.get("modelId");
        if (id != null) {
            try {
                return Long.valueOf(id);
            } catch (NumberFormatException e) {
                error(n, "modelId", "imports.cell.number", id);
                return null;
            }
        }
        String unitCode = row.get("unitCode");
        String externalId = row.get("externalId");
        if (unitCode == null || externalId == null) {
            error(n, "externalId", "imports.progress.model.required");
            return null;
        }
        UnitRef unit = units.byCode(unitCode).orElse(null);
        if (unit == null || !actor.covers(unit.path())) {
            error(n, "unitCode", unit == null ? "imports.unit.unknown" : "imports.unit.outOfScope", unitCode);
            return null;
        }
        ModelView m =
                models.byExternalId(Set.of(unit.id()), Set.of(externalId)).get(ModelImports.key(unit.id(), externalId));
        if (m == null) {
            error(n, "externalId", "imports.progress.model.unknown", externalId, unitCode);
            return null;
        }
        return m.id();
    }

    @Override
    void flush() {
        for (Group g : groups.values()) {
            file(g);
        }
        groups.clear();
    }

    private void file(Group g) {
        List<Progress.IndicatorValue> values = g.values.stream()
                .map(v -> new Progress.IndicatorValue(v.code(), v.value()))
                .toList();
        List<Progress.ReportView> existing;
        try {
            existing = progress.of(actor, g.modelId);
        } catch (Problems.NotFound e) {
            error(g.firstRow, "modelId", e.messageKey());
            return;
        }
        for (Progress.ReportView r : existing) {
            if (r.asOf().equals(g.asOf) && (g.period == null || g.period.equals(r.period()))) {
                if (same(r.indicators(), values)) {
                    unchanged += g.values.size();
                } else {
                    error(g.firstRow, "value", "imports.progress.differs", r.period(), g.asOf);
                }
                return;
            }
        }
        try {
            progress.record(actor, g.modelId, new Progress.ReportInput(g.asOf, g.period, values, g.narrative));
            created += g.values.size();
        } catch (Problems.Invalid e) {
            for (Problems.FieldError f : e.errors()) {
                Matcher m = INDICATOR.matcher(f.field());
                if (m.matches()) {
                    Value v = g.values.get(Integer.parseInt(m.group(1)));
                    error(v.row(), m.group(2).equals("code") ? "indicatorCode" : "value", f.messageKey(), f.args());
                } else {
                    error(g.firstRow, f.field(), f.messageKey(), f.args());
                }
            }
        } catch (Problems.Conflict e) {
            error(g.firstRow, "modelId", e.messageKey(), e.args());
        } catch (Problems.NotFound | Problems.Forbidden e) {
            error(g.firstRow, "modelId", e instanceof Problems.NotFound nf ? nf.messageKey() : "access.denied");
        }
    }

    private static boolean same(List<Progress.IndicatorValue> a, List<Progress.IndicatorValue> b) {
        Map<String, BigDecimal> x = new LinkedHashMap<>();
        a.forEach(v -> x.put(v.code(), v.value().stripTrailingZeros()));
        Map<String, BigDecimal> y = new LinkedHashMap<>();
        b.forEach(v -> y.put(v.code(), v.value() == null ? null : v.value().stripTrailingZeros()));
        return x.equals(y);
    }

    private LocalDate date(ImportFile.Row row, String key) {
        String cell = row.get(key);
        try {
            return cell.contains("/") ? LocalDate.parse(cell.trim(), VN_DATE) : LocalDate.parse(cell.trim());
        } catch (DateTimeParseException e) {
            error(row.number(), key, "imports.cell.date", cell);
            return null;
        }
    }
}
