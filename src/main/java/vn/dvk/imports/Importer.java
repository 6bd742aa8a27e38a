package vn.dvk.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.model.ModelImports;
import vn.dvk.model.ModelRegistration;
import vn.dvk.model.ModelView;
import vn.dvk.recognition.Recognitions;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Runs an import: reads the file once, row by row, checks every row (its cells, then the rules of the API for the
 * importer, then against what DVK already holds: same number with the same values is unchanged, with other values
 * an error naming them unless the importer asked to update), and — unless it is a preview — writes the rows in
 * batches inside one transaction that is rolled back when any row was wrong. A real import is audited once.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
class Importer {

    /** Subject type of import entries in the audit trail. */
    static final String AUDIT_SUBJECT = "IMPORT";

    private static final int CHUNK = 500;

    private final ModelImports models;
    private final Recognitions recognitions;
    private final UnitDirectory units;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Validator validator;
    private final Labels labels;
    private final ImportProperties settings;
    private final Clock clock;

    Importer(ModelImports models, Recognitions recognitions, UnitDirectory units, AuditTrail audit,
             NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Validator validator,
             Labels labels, ImportProperties settings, Clock clock) {
        this.models = models;
        this.recognitions = recognitions;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.validator = validator;
        this.labels = labels;
        this.settings = settings;
        this.clock = clock;
    }

    /** Who may import this kind: administrators for units and users; reporters, appraisers, administrators else. */
    static void requireImporter(Actor actor, ImportKind kind) {
        boolean allowed = switch (kind) {
            case UNITS, USERS -> actor.hasRole(Role.ADMIN);
            case MODELS, PROGRESS -> actor.hasRole(Role.REPORTER) || actor.hasRole(Role.APPRAISER)
                    || actor.hasRole(Role.ADMIN);
        };
        if (!allowed) {
            throw new Problems.Forbidden("access.denied");
        }
    }

    ImportReport run(Actor actor, ImportKind kind, String fileName, Path file, boolean dryRun, boolean update) {
        requireImporter(actor, kind);
        if (!kind.available()) {
            throw new ImportRefused("imports.kind.notYet", kind.path());
        }
        return tx.execute(status -> {
            Run run = new Run(actor, dryRun, update);
            if (!dryRun) {
                run.importId = begin(kind, fileName, actor);
            }
            int rows = ImportFile.read(file, kind, labels, settings.maxRows(), run::accept);
            run.flush();
            if (dryRun) {
                status.setRollbackOnly();
                return new ImportReport(rows, rows - run.badRows.size(), null, null, null, run.errors);
            }
            if (!run.badRows.isEmpty()) {
                status.setRollbackOnly();
                return new ImportReport(rows, null, 0, 0, 0, run.errors);
            }
            finish(run, kind, fileName, rows, actor);
            return new ImportReport(rows, null, run.created, run.unchanged, run.updated, List.of());
        });
    }

    private Long begin(ImportKind kind, String fileName, Actor actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into imports_import (kind, file_name, row_count, created, unchanged, updated, imported_by,"
                        + " imported_at) values (:kind, :file, 0, 0, 0, 0, :by, :at)",
                new MapSqlParameterSource("kind", kind.name()).addValue("file", fileName).addValue("by", actor.username())
                        .addValue("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)),
                key, new String[] {"id"});
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    private void finish(Run run, ImportKind kind, String fileName, int rows, Actor actor) {
        jdbc.update("update imports_import set row_count = :rows, created = :created, unchanged = :unchanged,"
                        + " updated = :updated where id = :id",
                new MapSqlParameterSource("rows", rows).addValue("created", run.created)
                        .addValue("unchanged", run.unchanged).addValue("updated", run.updated)
                        .addValue("id", run.importId));
        audit.record(actor.username(), AUDIT_SUBJECT, run.importId, "IMPORT_" + kind.name(), null, null,
                labels.text(Labels.VI, "imports.audit", fileName, rows, run.created, run.unchanged, run.updated),
                actor.unitPath());
    }

    /** One import under way: the rows read since the last batch, what was found, what was written. */
    private final class Run {
        final Actor actor;
        final boolean dryRun;
        final boolean update;
        final ModelRows reader;
        final List<ModelRows.Parsed> pending = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Set<Integer> badRows = new HashSet<>();
        final List<ImportReport.RowError> errors = new ArrayList<>();
        Long importId;
        int created;
        int unchanged;
        int updated;

        Run(Actor actor, boolean dryRun, boolean update) {
            this.actor = actor;
            this.dryRun = dryRun;
            this.update = update;
            this.reader = new ModelRows(labels, LocalDate.now(clock.withZone(Fmt.ZONE)));
        }

        void accept(ImportFile.Row row) {
            ModelRows.Parsed p = reader.read(row);
            p.errors().forEach(e -> error(p.row(), e.column(), e.messageKey(), e.args()));
            if (p.model() == null) {
                return;
            }
            ModelRegistration r = p.model().registration();
            for (ConstraintViolation<ModelRegistration> v : validator.validate(r)) {
                error(p.row(), v.getPropertyPath().toString(), null, v.getMessage());
            }
            UnitRef unit = units.byCode(r.unitCode()).orElse(null);
            if (unit == null) {
                error(p.row(), "unitCode", "imports.unit.unknown", r.unitCode());
            } else if (!actor.covers(unit.path())) {
                error(p.row(), "unitCode", "imports.unit.outOfScope", r.unitCode());
            } else if (!seen.add(ModelImports.key(unit.id(), p.model().externalId()))) {
                error(p.row(), "externalId", "imports.model.duplicateInFile", p.model().externalId());
            }
            if (badRows.contains(p.row())) {
                return;
            }
            pending.add(p);
            if (pending.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Map<Long, UnitRef> unitOf = new java.util.HashMap<>();
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
                    error(p.row(), "externalId", "imports.model.historyDiffers", p.model().externalId(),
                            String.join(", ", d.all()));
                } else if (!update) {
                    error(p.row(), "externalId", "imports.model.differs", p.model().externalId(),
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
            if (dryRun || !badRows.isEmpty()) {
                return; // a preview writes nothing; once a row is wrong, nothing will be kept: stop writing
            }
            write(toCreate, toCorrect);
        }

        private void write(List<ModelRows.Parsed> toCreate, List<Map.Entry<ModelView, ModelRows.Parsed>> toCorrect) {
            if (!toCreate.isEmpty()) {
                Map<String, Long> ids = models.record(actor, importId,
                        toCreate.stream().map(ModelRows.Parsed::model).toList());
                List<Recognitions.ImportedRecognition> decided = new ArrayList<>();
                for (ModelRows.Parsed p : toCreate) {
                    UnitRef u = units.byCode(p.model().registration().unitCode()).orElseThrow();
                    Long id = ids.get(ModelImports.key(u.id(), p.model().externalId()));
                    for (ModelRows.Recognition r : p.recognitions()) {
                        decided.add(new Recognitions.ImportedRecognition(id, r.level(), r.decisionDate().getYear(),
                                r.decisionNumber(), r.decisionDate()));
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

        void error(int row, String column, String messageKey, Object... args) {
            badRows.add(row);
            if (errors.size() < settings.maxErrors()) {
                String message = messageKey == null ? String.valueOf(args[0]) : labels.text(messageKey, args);
                errors.add(new ImportReport.RowError(row, column, message));
            }
        }
    }
}
