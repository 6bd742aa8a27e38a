package vn.dvk.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.dvk.model.ModelImports;
import vn.dvk.model.ModelRegistration;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;

/**
 * How a row differs from the model DVK already holds under the same number: the registration's columns (which an
 * import may correct when asked to) and the history's (status, submission date, highest recognition), which it never
 * rewrites. Column keys, in the template's order.
 */
record ModelDifferences(List<String> registration, List<String> history) {

    static ModelDifferences of(ModelView before, ModelRows.Parsed row) {
        ModelImports.ImportedModel m = row.model();
        ModelRegistration r = m.registration();
        List<String> reg = new ArrayList<>();
        differs(reg, "title", before.title(), r.title().trim());
        differs(reg, "field", before.field(), r.field());
        differs(reg, "level", before.level(), r.level());
        differs(reg, "year", before.year(), r.year());
        differs(reg, "holderType", before.holderType(), r.holderType());
        differs(reg, "holderName", before.holderName(), r.holderName().trim());
        differs(reg, "origin", before.origin(), r.origin());
        differs(reg, "replicatedFromId", before.replicatedFromId(), r.replicatedFromId());
        differs(reg, "summary", blankToNull(before.summary()), blankToNull(r.summary()));
        List<String> past = new ArrayList<>();
        differs(past, "status", before.status(), m.status());
        LocalDate submitted = before.submittedAt() == null
                ? null
                : before.submittedAt().atZone(Fmt.ZONE).toLocalDate();
        differs(past, "submittedOn", submitted, m.submittedOn());
        Level highest = m.recognitions().isEmpty()
                ? null
                : m.recognitions().get(m.recognitions().size() - 1);
        differs(past, "recognitionLevel1", before.recognizedLevel(), highest);
        return new ModelDifferences(reg, past);
    }

    boolean none() {
        return registration.isEmpty() && history.isEmpty();
    }

    List<String> all() {
        List<String> out = new ArrayList<>(registration);
        out.addAll(history);
        return out;
    }

    private static void differs(List<String> out, String column, Object was, Object is) {
        if (!Objects.equals(was, is)) {
            out.add(column);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
