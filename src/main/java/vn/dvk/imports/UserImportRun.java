package vn.dvk.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import vn.dvk.account.Accounts;
import vn.dvk.account.NewUser;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * An import of users (administrators only): username, full name, unit and roles (several, separated by commas or
 * semicolons). A file never carries passwords: each user created gets a random initial password, answered once to the
 * administrator. A username already in DVK with the same name, unit and roles is unchanged; with other values, an
 * error naming them (users are changed on the administration page).
 */
final class UserImportRun extends ImportRun {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final UnitDirectory units;
    private final Validator validator;
    private final Labels labels;
    private final Set<String> seen = new HashSet<>();
    private final List<ImportReport.InitialPassword> passwords = new ArrayList<>();

    UserImportRun(
            Actor actor,
            boolean dryRun,
            boolean update,
            Long importId,
            Labels labels,
            int maxErrors,
            Accounts accounts,
            UnitDirectory units,
            Validator validator) {
        super(actor, dryRun, update, importId, labels, maxErrors);
        this.accounts = accounts;
        this.units = units;
        this.validator = validator;
        this.labels = labels;
    }

    List<ImportReport.InitialPassword> passwords() {
        return passwords;
    }

    @Override
    void accept(ImportFile.Row row) {
        int n = row.number();
        Set<Role> roles = roles(row);
        String password = initialPassword();
        NewUser u = new NewUser(row.get("username"), password, row.get("fullName"), row.get("unitCode"), roles);
        for (ConstraintViolation<NewUser> v : validator.validate(u)) {
            if (!v.getPropertyPath().toString().equals("roles") || !badRows.contains(n)) {
                errorText(n, v.getPropertyPath().toString(), v.getMessage());
            }
        }
        if (badRows.contains(n)) {
            return;
        }
        String username = u.username().trim();
        if (!seen.add(username.toLowerCase(Locale.ROOT))) {
            error(n, "username", "imports.user.duplicateInFile", username);
            return;
        }
        UnitRef unit = units.byCode(u.unitCode()).orElse(null);
        if (unit == null) {
            error(n, "unitCode", "imports.unit.unknown", u.unitCode());
            return;
        }
        if (!actor.covers(unit.path())) {
            error(n, "unitCode", "imports.unit.outOfScope", u.unitCode());
            return;
        }
        Accounts.UserSummary existing = accounts.byUsername(username).orElse(null);
        if (existing != null) {
            List<String> differs = new ArrayList<>();
            if (!existing.fullName().equals(u.fullName().trim())) {
                differs.add("fullName");
            }
            if (!Objects.equals(existing.unitCode(), unit.code())) {
                differs.add("unitCode");
            }
            if (!existing.roles().equals(roles)) {
                differs.add("roles");
            }
            if (differs.isEmpty()) {
                unchanged++;
            } else {
                error(n, "username", "imports.user.differs", username, String.join(", ", differs));
            }
            return;
        }
        if (writing()) {
            try {
                accounts.create(actor, u);
                passwords.add(new ImportReport.InitialPassword(username, password));
                created++;
            } catch (Problems.Invalid e) {
                e.errors().forEach(f -> error(n, f.field(), f.messageKey(), f.args()));
            }
        }
    }

    /** The roles of a cell: codes or Vietnamese names, separated by commas or semicolons. */
    private Set<Role> roles(ImportFile.Row row) {
        String cell = row.get("roles");
        Set<Role> out = EnumSet.noneOf(Role.class);
        if (cell == null) {
            return out;
        }
        Column c = ImportKind.USERS.columns().stream()
                .filter(x -> x.key().equals("roles"))
                .findFirst()
                .orElseThrow();
        for (String part : cell.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            String code = labels.code(c, part.trim());
            if (code == null) {
                error(row.number(), "roles", "imports.cell.choice", part.trim(), labels.choices(c));
            } else {
                out.add(Role.valueOf(code));
            }
        }
        return out;
    }

    /** 18 random bytes, as 24 URL-safe characters. */
    private static String initialPassword() {
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
