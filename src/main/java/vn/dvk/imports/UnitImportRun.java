package vn.dvk.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.NewUnit;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitKind;
import vn.dvk.unit.UnitRef;

/**
 * An import of units, in the file's order (a parent before its children, in DVK already or on an earlier row): each
 * row is checked by the rules of {@code POST /api/v1/units} for the administrator, and created through the unit
 * module. A code already in DVK with the same name, level, kind and parent is unchanged; with other values, an error
 * naming them (units are corrected or reorganized on their own pages, never by an import).
 */
final class UnitImportRun extends ImportRun {

    private final UnitDirectory units;
    private final Validator validator;
    private final Labels labels;
    /** The units of earlier rows of the file, by code: their level. */
    private final Map<String, Level> inFile = new HashMap<>();
    /** Every code of the file so far. */
    private final Set<String> seen = new HashSet<>();

    UnitImportRun(
            Actor actor,
            boolean dryRun,
            boolean update,
            Long importId,
            Labels labels,
            int maxErrors,
            UnitDirectory units,
            Validator validator) {
        super(actor, dryRun, update, importId, labels, maxErrors);
        this.units = units;
        this.validator = validator;
        this.labels = labels;
    }

    @Override
    void accept(ImportFile.Row row) {
        int n = row.number();
        int before = errors.size() + badRows.size();
        Level level = choice(row, "level", Level.class);
        UnitKind kind = choice(row, "kind", UnitKind.class);
        NewUnit u = new NewUnit(row.get("code"), row.get("name"), level, kind, row.get("parentCode"));
        for (ConstraintViolation<NewUnit> v : validator.validate(u)) {
            errorText(n, v.getPropertyPath().toString(), v.getMessage());
        }
        if (errors.size() + badRows.size() != before || badRows.contains(n)) {
            return;
        }
        String code = u.code().trim();
        String parentCode = u.parentCode().trim();
        if (!seen.add(code)) {
            error(n, "code", "imports.unit.duplicateInFile", code);
            return;
        }
        UnitRef existing = units.byCode(code).orElse(null);
        if (existing != null) {
            List<String> differs = new ArrayList<>();
            if (!existing.name().equals(u.name().trim())) {
                differs.add("name");
            }
            if (existing.level() != level) {
                differs.add("level");
            }
            if (existing.kind() != kind) {
                differs.add("kind");
            }
            if (!Objects.equals(existing.parentCode(), parentCode)) {
                differs.add("parentCode");
            }
            if (!actor.covers(existing.path())) {
                error(n, "code", "imports.unit.outOfScope", code);
            } else if (differs.isEmpty()) {
                unchanged++;
            } else {
                error(n, "code", "imports.unit.differs", code, String.join(", ", differs));
            }
            return;
        }
        Level parentLevel = inFile.get(parentCode);
        if (parentLevel == null) {
            UnitRef parent = units.byCode(parentCode).orElse(null);
            if (parent == null) {
                error(n, "parentCode", "imports.unit.unknown", parentCode);
                return;
            }
            if (!actor.covers(parent.path())) {
                error(n, "parentCode", "imports.unit.outOfScope", parentCode);
                return;
            }
            if (!parent.active()) {
                error(n, "parentCode", "unit.ended");
                return;
            }
            parentLevel = parent.level();
        }
        if (level.rank() < parentLevel.rank()) {
            error(n, "level", "unit.level.aboveParent");
            return;
        }
        inFile.put(code, level);
        if (writing()) {
            try {
                units.create(actor, u);
                created++;
            } catch (Problems.Invalid e) {
                e.errors().forEach(f -> error(n, f.field(), f.messageKey(), f.args()));
            }
        }
    }

    private <E extends Enum<E>> E choice(ImportFile.Row row, String key, Class<E> type) {
        String cell = row.get(key);
        if (cell == null) {
            return null;
        }
        Column c = ImportKind.UNITS.columns().stream()
                .filter(x -> x.key().equals(key))
                .findFirst()
                .orElseThrow();
        String code = labels.code(c, cell);
        if (code == null) {
            error(row.number(), key, "imports.cell.choice", cell, labels.choices(c));
            return null;
        }
        return Enum.valueOf(type, code);
    }
}
