package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables (a table's name begins with its module's name: {@code unit_unit} is the unit module's).
 * The SQL a module writes (the string literals of its Java code and the migrations named after it) names no other
 * module's table, except the crossings docs/ARCHITECTURE.md lists, each on a line of its own
 * ({@code Table exception: `table` read by `module`: why}). {@link ModularityTests} sees the imports between modules;
 * this test sees what they share underneath, in SQL. A crossing that is not listed fails, and so does a listed one that
 * no longer exists, so the list stays the true one while the crossings are removed.
 */
class TableOwnershipTests {

    private static final Path CODE = Path.of("src/main/java/vn/dvk");
    /** The migrations: those of both databases and those of one ({@code vendor/h2}, {@code vendor/postgresql}). */
    private static final Path MIGRATIONS = Path.of("src/main/resources/db");

    private static final Path ARCHITECTURE = Path.of("docs/ARCHITECTURE.md");

    /** A Java string literal or text block, whose content may be SQL. */
    private static final Pattern STRING =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    /** A migration's comments, which may name any table without reading it. */
    private static final Pattern SQL_COMMENT = Pattern.compile("--[^\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    private static final Pattern CREATED = Pattern.compile(
            "create\\s+(?:or\\s+replace\\s+)?(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    /** A listed crossing; the table {@code *} stands for every table of other modules (the dataset generator). */
    private static final Pattern EXCEPTION =
            Pattern.compile("^Table exception: `([a-z0-9_]+|\\*)` read by `([a-z]+)`: \\S", Pattern.MULTILINE);

    @Test
    void noModuleNamesAnotherModulesTableButTheListedExceptions() throws IOException {
        // given the modules, and the tables the migrations create, each belonging to the module its name begins with
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(CODE)) {
            dirs.filter(Files::isDirectory)
                    .forEach(d -> modules.add(d.getFileName().toString()));
        }
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(f));
                while (m.find()) {
                    String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
                    if (modules.contains(owner(table))) {
                        tables.add(table);
                    }
                }
            }
        }
        assertThat(tables).as("the migrations' tables").contains("unit_unit", "model_model", "shared_audit_entry");

        // when every module's SQL is read for the names of other modules' tables
        Set<Crossing> crossings = new TreeSet<>();
        for (String module : modules) {
            StringBuilder sql = new StringBuilder();
            try (Stream<Path> files = Files.walk(CODE.resolve(module))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = STRING.matcher(Files.readString(f));
                    while (m.find()) {
                        sql.append(m.group(1) != null ? m.group(1) : m.group(2)).append('\n');
                    }
                }
            }
            try (Stream<Path> files = Files.walk(MIGRATIONS)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".sql")
                                && migrationOwner(f).equals(module))
                        .toList()) {
                    sql.append(SQL_COMMENT.matcher(Files.readString(f)).replaceAll(" "))
                            .append('\n');
                }
            }
            String text = sql.toString().toLowerCase(java.util.Locale.ROOT);
            for (String table : tables) {
                if (!owner(table).equals(module)
                        && Pattern.compile("\\b" + table + "\\b").matcher(text).find()) {
                    crossings.add(new Crossing(table, module));
                }
            }
        }

        // then each crossing is one the architecture lists, and each listed one still exists
        Set<Crossing> listed = new TreeSet<>();
        Matcher m = EXCEPTION.matcher(Files.readString(ARCHITECTURE));
        while (m.find()) {
            listed.add(new Crossing(m.group(1), m.group(2)));
        }
        Set<Crossing> unlisted = new TreeSet<>();
        Set<Crossing> used = new TreeSet<>();
        for (Crossing c : crossings) {
            Crossing any = new Crossing("*", c.module());
            if (listed.contains(c) || listed.contains(any)) {
                used.add(listed.contains(c) ? c : any);
            } else {
                unlisted.add(c);
            }
        }
        assertThat(unlisted)
                .as("crossings not listed in docs/ARCHITECTURE.md as 'Table exception:' lines")
                .isEmpty();
        Set<Crossing> stale = new TreeSet<>(listed);
        stale.removeAll(used);
        assertThat(stale)
                .as("'Table exception:' lines of docs/ARCHITECTURE.md that no longer happen")
                .isEmpty();
    }

    /** A module's SQL naming another module's table. */
    private record Crossing(String table, String module) implements Comparable<Crossing> {
        @Override
        public int compareTo(Crossing o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return "`" + table + "` read by `" + module + "`";
        }
    }

    /** The module a table belongs to: the first word of its name. */
    private static String owner(String table) {
        int cut = table.indexOf('_');
        return cut < 0 ? table : table.substring(0, cut);
    }

    /** The module a migration belongs to: the first word of its description ({@code V…__model_search_body.sql}). */
    private static String migrationOwner(Path f) {
        String name = f.getFileName().toString();
        int from = name.indexOf("__");
        return from < 0 ? "" : owner(name.substring(from + 2));
    }
}
