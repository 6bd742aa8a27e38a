package vn.dvk.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.dvk.model.ModelImports;
import vn.dvk.model.ModelRegistration;
import vn.dvk.model.ModelView;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * An import of models: rows are read ({@link ModelRows}), checked against the importer's subtree and the file's other
 * rows, then in batches against what DVK holds (same file number: unchanged, or an error naming what differs unless
 * updating) and against the rules of a registration ({@link ModelImports#check}); the batch is then written with the
 * models' past and their recognitions.
 */
final class ModelImportRun extends ImportRun {

    private static final int CHUNK = 500;

    private final ModelImports models;
    private final Recognitions recognitions;
    private final UnitDirectory units;
    private final Validator validator;
    private final ModelRows reader;
    private final List<ModelRows.Parsed> pending = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    ModelImportRun(
            Actor actor,
            boolean dryRun,
            boolean update,
            Long importId,
            Labels labels,
            int maxErrors,
            ModelImports models,
            Recognitions recognitions,
            UnitDirectory units,
            Validator validator,
            LocalDate today) {
        super(actor, dryRun, update, importId, labels, maxErrors);
        this.models = models;
        this.recognitions = recognitions;
        this.units = units;
        this.validator = validator;
        this.reader = new ModelRows(labels, today);
    }

    @Override
    void accept(ImportFile.Row row) {
        ModelRows.Parsed p = reader.read(row);
        p.errors().forEach(e -> error(p.row(), e.column(), e.messageKey(), e.args()));
        if (p.model() == null) {
            return;
        }
        ModelRegistration r = p.model().registration();
        for (ConstraintViolation<ModelRegistration> v : validator.validate(r)) {
            errorText(p.row(), v.getPropertyPath().toString(), v.getMessage());
        }
        UnitRef unit = units.byCode(r.unitCode()).orElse(null);
        if (unit == null) {
            error(p.row(), "unitCode", "imports.unit.unknown", r.unitCode());
        } else if (!actor.covers(unit.path())) {
            error(p.row(), "unitCode", "imports.unit.outOfScope", r.unitCode());
        } else if (!seen.add(ModelImports.key(unit.id(), p.model().externalId()))) {
            error(
                    p.row(),
                    "externalId",
                    "imports.model.duplicateInFile",
                    p.model().externalId());
        }
        if (badRows.contains(p.row())) {
            return;
        }
        pending.add(p);
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    @Override
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, UnitRef> unitOf = new HashMap<>();
        Set<String> externalIds = new HashSet<>();
        for (ModelRows.Parsed p : pending) {
            UnitRef u = units.byCode(p.model().registration().unitCode()).orElseThrow();
            unitOf.put(u.id(), u);
            externalIds.add(p.model().externalId());
        }
        Map<String, ModelView> existing = models.byExternalId(unitOf.keySet(), externalIds);
        List<ModelRows.Parsed> toCreate = new ArrayList<>();
        List<Map.Entry<ModelView, ModelRows.Parsed>> toCorrect = new ArrayList<>();
        for (ModelRows.Parsed p : pending) {
            UnitRef u = units.byCode(p.model().registration().unitCode()).orElseThrow();
            ModelView before = existing.get(ModelImports.key(u.id(), p.model().externalId()));
            if (before == null) {
                List<Problems.FieldError> problems = models.check(actor, p.model());
                problems.forEach(e -> error(p.row(), e.field(), e.messageKey(), e.args()));
                if (problems.isEmpty()) {
                    toCreate.add(p);
                }
                continue;
            }
            ModelDifferences d = ModelDifferences.of(before, p);
            if (d.none()) {
                unchanged++;
            } else if (!d.history().isEmpty()) {
                error(
                        p.row(),
                        "externalId",
                        "imports.model.historyDiffers",
                        p.model().externalId(),
                        String.join(", ", d.all()));
            } else if (!update) {
                error(
                        p.row(),
                        "externalId",
                        "imports.model.differs",
                        p.model().externalId(),
                        String.join(", ", d.all()));
            } else {
                List<Problems.FieldError> problems = models.check(actor, p.model());
                problems.forEach(e -> error(p.row(), e.field(), e.messageKey(), e.args()));
                if (problems.isEmpty()) {
                    toCorrect.add(Map.entry(before, p));
                }
            }
        }
        pending.clear();
        if (!writing()) {
            return; // a preview writes nothing; once a row is wrong, nothing will be kept: stop writing
        }
        write(toCreate, toCorrect);
    }

    private void write(List<ModelRows.Parsed> toCreate, List<Map.Entry<ModelView, ModelRows.Parsed>> toCorrect) {
        if (!toCreate.isEmpty()) {
            Map<String, Long> ids = models.record(
                    actor,
                    importId,
                    toCreate.stream().map(ModelRows.Parsed::model).toList());
            List<Recognitions.ImportedRecognition> decided = new ArrayList<>();
            for (ModelRows.Parsed p : toCreate) {
                UnitRef u = units.byCode(p.model().registration().unitCode()).orElseThrow();
                Long id = ids.get(ModelImports.key(u.id(), p.model().externalId()));
                for (ModelRows.Recognition r : p.recognitions()) {
                    decided.add(new Recognitions.ImportedRecognition(
                            id, r.level(), r.decisionDate().getYear(), r.decisionNumber(), r.decisionDate()));
                }
            }
            recognitions.recordImported(actor, importId, decided);
            created += toCreate.size();
        }
        for (Map.Entry<ModelView, ModelRows.Parsed> e : toCorrect) {
            models.correct(actor, e.getKey().id(), e.getValue().model().registration(), importId);
            updated++;
        }
    }
}
