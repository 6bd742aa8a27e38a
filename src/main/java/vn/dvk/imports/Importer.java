package vn.dvk.imports;

import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.model.ModelImports;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Idempotency;
import vn.dvk.unit.UnitDirectory;

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

    private final ModelImports models;
    private final Recognitions recognitions;
    private final UnitDirectory units;
    private final vn.dvk.account.Accounts accounts;
    private final vn.dvk.progress.Progress progress;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Validator validator;
    private final Labels labels;
    private final ImportProperties settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Importer(
            ModelImports models,
            Recognitions recognitions,
            UnitDirectory units,
            vn.dvk.account.Accounts accounts,
            vn.dvk.progress.Progress progress,
            AuditTrail audit,
            NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Validator validator,
            Labels labels,
            ImportProperties settings,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.models = models;
        this.recognitions = recognitions;
        this.units = units;
        this.accounts = accounts;
        this.progress = progress;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.validator = validator;
        this.labels = labels;
        this.settings = settings;
        this.clock = clock;
    }

    ImportReport run(Actor actor, ImportKind kind, String fileName, Path file, boolean dryRun, boolean update) {
        ImportPolicy.require(actor, kind);
        return tx.execute(status -> {
            ImportRun run = start(kind, actor, dryRun, update, dryRun ? null : begin(kind, fileName, actor));
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
            if (run instanceof UserImportRun) {
                Idempotency.answerHoldsSecrets(); // the initial passwords are shown once, never kept for a retry
            }
            return new ImportReport(
                    rows,
                    null,
                    run.created,
                    run.unchanged,
                    run.updated,
                    List.of(),
                    run instanceof UserImportRun users ? users.passwords() : null);
        });
    }

    private ImportRun start(ImportKind kind, Actor actor, boolean dryRun, boolean update, Long importId) {
        return switch (kind) {
            case MODELS ->
                new ModelImportRun(
                        actor,
                        dryRun,
                        update,
                        importId,
                        labels,
                        settings.maxErrors(),
                        models,
                        recognitions,
                        units,
                        validator,
                        LocalDate.now(clock.withZone(Fmt.ZONE)));
            case UNITS ->
                new UnitImportRun(actor, dryRun, update, importId, labels, settings.maxErrors(), units, validator);
            case USERS ->
                new UserImportRun(
                        actor, dryRun, update, importId, labels, settings.maxErrors(), accounts, units, validator);
            case PROGRESS ->
                new ProgressImportRun(
                        actor, dryRun, update, importId, labels, settings.maxErrors(), models, progress, units);
        };
    }

    private Long begin(ImportKind kind, String fileName, Actor actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into imports_import (kind, file_name, row_count, created, unchanged, updated, imported_by,"
                        + " imported_at) values (:kind, :file, 0, 0, 0, 0, :by, :at)",
                new MapSqlParameterSource("kind", kind.name())
                        .addValue("file", fileName)
                        .addValue("by", actor.username())
                        .addValue("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)),
                key,
                new String[] {"id"});
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    private void finish(ImportRun run, ImportKind kind, String fileName, int rows, Actor actor) {
        jdbc.update(
                "update imports_import set row_count = :rows, created = :created, unchanged = :unchanged,"
                        + " updated = :updated where id = :id",
                new MapSqlParameterSource("rows", rows)
                        .addValue("created", run.created)
                        .addValue("unchanged", run.unchanged)
                        .addValue("updated", run.updated)
                        .addValue("id", run.importId));
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                run.importId,
                "IMPORT_" + kind.name(),
                null,
                null,
                labels.text(Labels.VI, "imports.audit", fileName, rows, run.created, run.unchanged, run.updated),
                actor.unitPath());
        events.publishEvent(new ImportFinished(
                run.importId,
                kind.name().toLowerCase(Locale.ROOT),
                fileName,
                actor.username(),
                rows,
                run.created,
                run.unchanged,
                run.updated));
    }
}
