package vn.dvk.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.dvk.model.Field;
import vn.dvk.model.HolderType;
import vn.dvk.model.ModelImports;
import vn.dvk.model.ModelRegistration;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.Origin;
import vn.dvk.shared.Level;

/**
 * One model row read into an {@link ModelImports.ImportedModel} and its recognitions, with what is wrong with its
 * cells: required cells, choices, numbers, dates, and the rules of a model's past (a submitted model has a submission
 * date, an appraised one an appraisal date after it, a recognized one at least one recognition, each with a level
 * above the previous one, a decision number and a decision date neither before the appraisal nor in the future).
 */
final class ModelRows {

    /** A recognition of the row: level, decision number and date. */
    record Recognition(int index, Level level, String decisionNumber, LocalDate decisionDate) {}

    /** The row read: the model (null when a cell could not be read) and its errors by column key and message. */
    record Parsed(int row, ModelImports.ImportedModel model, List<Recognition> recognitions, List<Err> errors) {}

    /** An error of a cell: the column's key and a message key with its arguments. */
    record Err(String column, String messageKey, Object... args) {}

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final Labels labels;
    private final LocalDate today;
    private final ImportKind kind = ImportKind.MODELS;

    ModelRows(Labels labels, LocalDate today) {
        this.labels = labels;
        this.today = today;
    }

    Parsed read(ImportFile.Row row) {
        List<Err> errors = new ArrayList<>();
        for (Column c : kind.columns()) {
            if (c.required() && row.get(c.key()) == null) {
                errors.add(new Err(c.key(), "validation.required"));
            }
        }
        String externalId = row.get("externalId");
        if (externalId != null && externalId.length() > 64) {
            errors.add(new Err("externalId", "imports.cell.tooLong", 64));
        }
        Field field = choice(row, "field", Field.class, errors);
        Level level = choice(row, "level", Level.class, errors);
        HolderType holder = choice(row, "holderType", HolderType.class, errors);
        Origin origin = choice(row, "origin", Origin.class, errors);
        ModelStatus status = choice(row, "status", ModelStatus.class, errors);
        Integer year = number(row, "year", errors);
        Integer from = number(row, "replicatedFromId", errors);
        LocalDate submitted = date(row, "submittedOn", errors);
        LocalDate appraised = date(row, "appraisedOn", errors);
        List<Recognition> recognitions = new ArrayList<>();
        for (int i = 1; i <= ImportKind.RECOGNITIONS; i++) {
            Level at = choice(row, "recognitionLevel" + i, Level.class, errors);
            String number = row.get("decisionNumber" + i);
            LocalDate date = date(row, "decisionDate" + i, errors);
            if (at == null && number == null && date == null) {
                continue;
            }
            if (at == null && row.get("recognitionLevel" + i) == null) {
                errors.add(new Err("recognitionLevel" + i, "validation.required"));
            }
            if (number == null) {
                errors.add(new Err("decisionNumber" + i, "imports.model.decisionNumber.required"));
            } else if (number.length() > 64) {
                errors.add(new Err("decisionNumber" + i, "imports.cell.tooLong", 64));
            }
            if (date == null && row.get("decisionDate" + i) == null) {
                errors.add(new Err("decisionDate" + i, "validation.required"));
            }
            if (at != null) {
                recognitions.add(new Recognition(i, at, number, date));
            }
        }
        if (status != null) {
            history(status, year, level, submitted, appraised, recognitions, errors);
        }
        if (!errors.isEmpty()) {
            return new Parsed(row.number(), null, recognitions, errors);
        }
        ModelRegistration r = new ModelRegistration(
                row.get("title"),
                field,
                row.get("unitCode"),
                level,
                year,
                holder,
                row.get("holderName"),
                origin == null ? Origin.NEW : origin,
                from == null ? null : from.longValue(),
                row.get("summary"),
                null);
        return new Parsed(
                row.number(),
                new ModelImports.ImportedModel(
                        externalId,
                        r,
                        status,
                        submitted,
                        appraised,
                        recognitions.stream().map(Recognition::level).toList()),
                recognitions,
                errors);
    }

    private void history(
            ModelStatus status,
            Integer year,
            Level level,
            LocalDate submitted,
            LocalDate appraised,
            List<Recognition> recognitions,
            List<Err> errors) {
        boolean appraisedStatus = status != ModelStatus.DRAFT && status != ModelStatus.SUBMITTED;
        if (status != ModelStatus.DRAFT && submitted == null) {
            errors.add(new Err("submittedOn", "imports.model.submittedOn.required"));
        }
        if (appraisedStatus && appraised == null) {
            errors.add(new Err("appraisedOn", "imports.model.appraisedOn.required"));
        }
        if (!appraisedStatus && appraised != null) {
            errors.add(new Err("appraisedOn", "imports.model.appraisedOn.notAppraised"));
        }
        if (submitted != null && appraised != null && appraised.isBefore(submitted)) {
            errors.add(new Err("appraisedOn", "imports.model.appraisedOn.beforeSubmitted"));
        }
        if (status == ModelStatus.RECOGNIZED && recognitions.isEmpty()) {
            errors.add(new Err("recognitionLevel1", "imports.model.recognition.required"));
        }
        if (status != ModelStatus.RECOGNIZED && !recognitions.isEmpty()) {
            errors.add(new Err(
                    "recognitionLevel" + recognitions.get(0).index(), "imports.model.recognition.notRecognized"));
        }
        Level previous = null;
        for (Recognition r : recognitions) {
            String col = "recognitionLevel" + r.index();
            if (level != null && !r.level().atOrAbove(level)) {
                errors.add(new Err(col, "proposal.level.belowRegistration"));
            } else if (previous != null && r.level().rank() >= previous.rank()) {
                errors.add(new Err(col, "imports.model.recognition.notAbove"));
            }
            previous = r.level();
            LocalDate d = r.decisionDate();
            if (d != null && appraised != null && d.isBefore(appraised)) {
                errors.add(new Err("decisionDate" + r.index(), "imports.model.decisionDate.beforeAppraised"));
            }
            if (d != null && year != null && d.getYear() < year) {
                errors.add(new Err("decisionDate" + r.index(), "proposal.year.beforeRegistration"));
            }
        }
    }

    private <E extends Enum<E>> E choice(ImportFile.Row row, String key, Class<E> type, List<Err> errors) {
        String cell = row.get(key);
        if (cell == null) {
            return null;
        }
        Column c = kind.columns().stream()
                .filter(x -> x.key().equals(key))
                .findFirst()
                .orElseThrow();
        String code = labels.code(c, cell);
        if (code == null) {
            errors.add(new Err(key, "imports.cell.choice", cell, labels.choices(c)));
            return null;
        }
        return Enum.valueOf(type, code);
    }

    private static Integer number(ImportFile.Row row, String key, List<Err> errors) {
        String cell = row.get(key);
        if (cell == null) {
            return null;
        }
        try {
            return Integer.valueOf(cell.trim());
        } catch (NumberFormatException e) {
            errors.add(new Err(key, "imports.cell.number", cell));
            return null;
        }
    }

    /** A date cell: an Excel date, or the text 15/03/2024 (also 2024-03-15); never after today. */
    private LocalDate date(ImportFile.Row row, String key, List<Err> errors) {
        String cell = row.get(key);
        if (cell == null) {
            return null;
        }
        LocalDate d;
        try {
            d = cell.contains("/") ? LocalDate.parse(cell.trim(), VN_DATE) : LocalDate.parse(cell.trim());
        } catch (DateTimeParseException e) {
            errors.add(new Err(key, "imports.cell.date", cell));
            return null;
        }
        if (d.isAfter(today)) {
            errors.add(new Err(key, "imports.cell.dateFuture", cell));
            return null;
        }
        return d;
    }
}
