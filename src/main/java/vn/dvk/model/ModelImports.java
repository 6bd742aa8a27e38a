package vn.dvk.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Models brought in from a province's files (the imports module's way in): each row is checked by the rules of a
 * registration through the API and replayed through the model's own transitions at its business dates, then written
 * in batches inside the importer's transaction. The import itself is audited once, by the importer.
 */
@Service
@Transactional(readOnly = true)
public class ModelImports {

    /** One model as a file row describes it: its registration, its number in the unit's files, and its past. */
    public record ImportedModel(
            String externalId,
            ModelRegistration registration,
            ModelStatus status,
            LocalDate submittedOn,
            LocalDate appraisedOn,
            List<Level> recognitions) {}

    private static final int BATCH = 500;

    private final ModelRegistry registry;
    private final Models models;
    private final UnitDirectory units;
    private final NamedParameterJdbcTemplate jdbc;
    private final DataVersions versions;
    private final AuditTrail audit;
    private final Clock clock;

    ModelImports(
            ModelRegistry registry,
            Models models,
            UnitDirectory units,
            NamedParameterJdbcTemplate jdbc,
            DataVersions versions,
            AuditTrail audit,
            Clock clock) {
        this.registry = registry;
        this.models = models;
        this.units = units;
        this.jdbc = jdbc;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What is wrong with one imported model, as field errors named like the registration's fields (and
     * {@code status}): the rules of {@code POST /api/v1/models} for this actor, then those of the life cycle.
     * Empty when the row may be recorded.
     */
    public List<Problems.FieldError> check(Actor actor, ImportedModel m) {
        List<Problems.FieldError> errors = new ArrayList<>();
        UnitRef unit;
        try {
            unit = registry.checkRegistration(actor, m.registration(), null);
        } catch (Problems.Invalid e) {
            errors.addAll(e.errors());
            return errors;
        }
        try {
            DvkModel.imported(
                    m.registration(), unit.id(), m.externalId(), null, actor.username(), history(m, clock.instant()));
        } catch (Problems.Invalid e) {
            errors.addAll(e.errors());
        } catch (Problems.Conflict e) {
            errors.add(new Problems.FieldError("status", e.messageKey(), e.args()));
        }
        return errors;
    }

    /** The models of these units that carry one of these numbers, by unit id and number ({@link #key}). */
    public Map<String, ModelView> byExternalId(Collection<Long> unitIds, Collection<String> externalIds) {
        Map<String, ModelView> out = new HashMap<>();
        if (unitIds.isEmpty() || externalIds.isEmpty()) {
            return out;
        }
        Set<Long> wanted = new HashSet<>(unitIds);
        jdbc.query(
                ModelRegistry.VIEW_COLUMNS + ", m.unit_id from model_model m join unit_scope u on u.id = m.unit_id"
                        + " where m.external_id in (:ext) and m.unit_id in (:units)",
                new MapSqlParameterSource("ext", externalIds).addValue("units", wanted),
                rs -> {
                    ModelView v = ModelRegistry.viewRow(rs);
                    out.put(key(rs.getLong("unit_id"), v.externalId()), v);
                });
        return out;
    }

    /** The key of a model by its unit and its number in the unit's files. */
    public static String key(Long unitId, String externalId) {
        return unitId + "|" + externalId;
    }

    /**
     * Records checked models with their past, in the caller's transaction, in batches; answers their ids by
     * {@link #key}. The areas they belong to are marked changed, so cached lists and statistics miss.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> record(Actor actor, Long importId, List<ImportedModel> rows) {
        Instant now = clock.instant();
        List<MapSqlParameterSource> batch = new ArrayList<>();
        Set<String> areas = new HashSet<>();
        List<String> externalIds = new ArrayList<>();
        for (ImportedModel row : rows) {
            UnitRef unit = units.byCode(row.registration().unitCode()).orElseThrow();
            DvkModel m = DvkModel.imported(
                    row.registration(), unit.id(), row.externalId(), importId, actor.username(), history(row, now));
            batch.add(new MapSqlParameterSource()
                    .addValue("title", m.getTitle())
                    .addValue("field", m.getField().name())
                    .addValue("unit", m.getUnitId())
                    .addValue("level", m.getLevel().name())
                    .addValue("year", m.getYear())
                    .addValue("holderType", m.getHolderType().name())
                    .addValue("holderName", m.getHolderName())
                    .addValue("origin", m.getOrigin().name())
                    .addValue("from", m.getReplicatedFromId())
                    .addValue("summary", m.getSummary())
                    .addValue("searchText", m.getSearchText())
                    .addValue("searchBody", DvkModel.searchBody(m.getSummary()))
                    .addValue("status", m.getStatus().name())
                    .addValue(
                            "outcome",
                            m.getAppraisalOutcome() == null
                                    ? null
                                    : m.getAppraisalOutcome().name())
                    .addValue("submittedAt", timestamp(m.getSubmittedAt()))
                    .addValue(
                            "recognized",
                            m.getRecognizedLevel() == null
                                    ? null
                                    : m.getRecognizedLevel().name())
                    .addValue("by", actor.username())
                    .addValue("now", timestamp(now))
                    .addValue("ext", m.getExternalId())
                    .addValue("import", importId));
            areas.add(unit.path());
            externalIds.add(row.externalId());
        }
        for (int i = 0; i < batch.size(); i += BATCH) {
            jdbc.batchUpdate(
                    "insert into model_model (title, field, unit_id, level, reg_year, holder_type, holder_name,"
                            + " origin, replicated_from_id, summary, search_text, search_body, status, appraisal_outcome,"
                            + " submitted_at, recognized_level, created_by, created_at, updated_at, version, external_id,"
                            + " import_id) values (:title, :field, :unit, :level, :year, :holderType, :holderName, :origin,"
                            + " :from, :summary, :searchText, :searchBody, :status, :outcome, :submittedAt, :recognized, :by,"
                            + " :now, :now, 0, :ext, :import)",
                    batch.subList(i, Math.min(batch.size(), i + BATCH)).toArray(MapSqlParameterSource[]::new));
        }
        areas.forEach(versions::touch);
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < externalIds.size(); i += BATCH) {
            jdbc.query(
                    "select id, unit_id, external_id from model_model where import_id = :import"
                            + " and external_id in (:ext)",
                    new MapSqlParameterSource("import", importId)
                            .addValue("ext", externalIds.subList(i, Math.min(externalIds.size(), i + BATCH))),
                    rs -> {
                        ids.put(key(rs.getLong(2), rs.getString(3)), rs.getLong(1));
                    });
        }
        return ids;
    }

    /**
     * Corrects the registration of a model brought in before (the importer asked to update what differs); the
     * model's past is not rewritten. Audited on the model.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void correct(Actor actor, Long id, ModelRegistration r, Long importId) {
        DvkModel model = models.findById(id).orElseThrow(() -> new Problems.NotFound("model.notFound"));
        DvkModel.Transition t = model.correct(r, clock.instant());
        UnitRef unit = units.byId(model.getUnitId()).orElseThrow();
        audit.record(
                actor.username(),
                ModelRegistry.AUDIT_SUBJECT,
                id,
                t.action(),
                t.from().name(),
                t.to().name(),
                "import " + importId,
                unit.path());
    }

    private static DvkModel.History history(ImportedModel m, Instant now) {
        return new DvkModel.History(
                m.status(),
                startOf(m.submittedOn(), now),
                startOf(m.appraisedOn(), now),
                m.recognitions() == null ? List.of() : m.recognitions(),
                now);
    }

    /** A business date as the instant its day begins in Vietnam; without a date, now. */
    private static Instant startOf(LocalDate day, Instant now) {
        return day == null ? now : day.atStartOfDay(Fmt.ZONE).toInstant();
    }

    private static OffsetDateTime timestamp(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
