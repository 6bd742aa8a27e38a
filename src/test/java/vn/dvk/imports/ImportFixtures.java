package vn.dvk.imports;

import java.util.List;

/** Import files other tests send (the access matrix). */
public final class ImportFixtures {

    private ImportFixtures() {}

    /** A models file of one draft of a province-level unit. */
    public static byte[] oneDraft(String unit) {
        return Workbooks.models(
                List.of(Workbooks.with(Workbooks.model(vn.dvk.support.Api.unique("AM"), unit), "level", "PROVINCE")));
    }
}
