package vn.dvk.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rows of an import file by column key: the first row holds the headers, matched by name in any order
 * (Vietnamese, English or the key; a required one missing refuses the file, naming it); a second row of keys (the
 * template's English headers) and a row equal to the template's example are skipped.
 */
final class ImportFile {

    /** One data row: its number in the sheet and its cells by column key (blank cells absent). */
    record Row(int number, Map<String, String> values) {
        String get(String key) {
            String v = values.get(key);
            return v == null || v.isBlank() ? null : v;
        }
    }

    private ImportFile() {}

    /** Reads the file, handing each data row to {@code sink}; answers how many data rows it had. */
    static int read(Path file, ImportKind kind, Labels labels, int maxRows, Consumer<Row> sink) {
        List<Column> columns = kind.columns();
        int[] count = {0};
        Map<Integer, Column> byIndex = new HashMap<>();
        boolean[] headed = {false};
        XlsxSheet.read(file, (number, cells) -> {
            if (!headed[0]) {
                headers(cells, columns, labels, byIndex);
                headed[0] = true;
                return;
            }
            Map<String, String> values = new HashMap<>();
            int keys = 0;
            boolean example = true;
            for (Map.Entry<Integer, Column> e : byIndex.entrySet()) {
                String cell = e.getKey() < cells.size() ? cells.get(e.getKey()) : "";
                if (!cell.isBlank()) {
                    values.put(e.getValue().key(), cell);
                    if (cell.equals(e.getValue().key())) {
                        keys++;
                    }
                }
                example &= sameAsExample(labels, e.getValue(), cell);
            }
            if (values.isEmpty() || keys == values.size() || example) {
                return; // the template's English headers, its example, or cells outside the known columns only
            }
            if (++count[0] > maxRows) {
                throw new ImportRefused("imports.file.tooManyRows", maxRows);
            }
            sink.accept(new Row(number, values));
        });
        if (!headed[0]) {
            throw new ImportRefused("imports.file.empty");
        }
        if (count[0] == 0) {
            throw new ImportRefused("imports.file.noRows");
        }
        return count[0];
    }

    private static boolean sameAsExample(Labels labels, Column c, String cell) {
        if (c.codes().isEmpty() || cell.isBlank() || c.example().isEmpty()) {
            return cell.equals(c.example());
        }
        return c.example().equals(labels.code(c, cell));
    }

    private static void headers(List<String> cells, List<Column> columns, Labels labels, Map<Integer, Column> out) {
        List<String> missing = new ArrayList<>();
        for (Column c : columns) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (labels.names(c, cells.get(i))) {
                    at.add(i);
                }
            }
            if (at.size() > 1) {
                throw new ImportRefused("imports.file.headerTwice", labels.header(c));
            }
            if (at.isEmpty()) {
                if (c.required()) {
                    missing.add(labels.header(c) + " (" + c.key() + ")");
                }
            } else {
                out.put(at.get(0), c);
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportRefused("imports.file.headerMissing", String.join(", ", missing));
        }
    }
}
