package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 *
 * <p>Three things are not crossings. A view a module publishes for the others' SQL (a line
 * {@code Published view: `view` by `module`: what it answers} of docs/ARCHITECTURE.md; the view must be created by that
 * module's migrations and be named after it). A foreign key ({@code references table (id)}): a record's id is what its
 * module publishes of it, and the database keeps the reference true. And the history of the migrations: a view,
 * function, trigger or index that a later migration defines again or drops is read in its last definition only, and a
 * {@code drop} statement reads nothing, nor does a backfill ({@code insert}, {@code update}, {@code delete}: rows written
 * once, by the tables as they were then); a migration that ran is never edited, and the schema it left is what counts.
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

    /** A view published by its module for the others' SQL. */
    private static final Pattern PUBLISHED =
            Pattern.compile("^Published view: `([a-z0-9_]+)` by `([a-z]+)`: \\S", Pattern.MULTILINE);
    /** A foreign key's target, which is not a read of the table. */
    private static final Pattern REFERENCES =
            Pattern.compile("\\breferences\\s+[a-z][a-z0-9_]*\\s*\\(\\s*id\\s*\\)", Pattern.CASE_INSENSITIVE);
    /** A table renamed (for the module that took it over): the statement reads nothing, as a drop does. */
    private static final Pattern RENAMED = Pattern.compile(
            "^\\s*alter\\s+table\\s+(?:if\\s+exists\\s+)?([a-z][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    /** A statement that writes rows once (a migration's backfill), which the schema does not keep. */
    private static final Pattern DATA =
            Pattern.compile("\\s*(insert|update|delete|merge)\\b", Pattern.CASE_INSENSITIVE);
    /** A statement that defines (or drops) a named schema object: a later one of the same name replaces it. */
    private static final Pattern DEFINITION = Pattern.compile(
            "^\\s*(create|drop)\\s+(?:or\\s+replace\\s+)?(?:unique\\s+)?(view|function|trigger|index)\\s+"
                    + "(?:if\\s+(?:not\\s+)?exists\\s+)?([a-z][a-z0-9_.]*)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noModuleNamesAnotherModulesTableButTheListedExceptions() throws IOException {
        // given the modules, and the tables the migrations create, each belonging to the module its name begins with
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(CODE)) {
            dirs.filter(Files::isDirectory)
                    .forEach(d -> modules.add(d.getFileName().toString()));
        }
        Set<String> tables = new TreeSet<>();
        for (Path f : migrations()) {
            String sql = Files.readString(f);
            Matcher m = CREATED.matcher(sql);
            while (m.find()) {
                String table = m.group(1).toLowerCase(Locale.ROOT);
                if (modules.contains(owner(table))) {
                    tables.add(table);
                }
            }
            // a table renamed for the module that took it over is that module's from then on
            Matcher r = RENAMED.matcher(sql);
            while (r.find()) {
                tables.remove(r.group(1).toLowerCase(Locale.ROOT));
                tables.add(r.group(2).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(tables).as("the migrations' tables").contains("unit_unit", "model_model", "shared_audit_entry");
        List<Statement> schema = schema();
        Map<String, String> published = new TreeMap<>();
        Matcher p = PUBLISHED.matcher(Files.readString(ARCHITECTURE));
        while (p.find()) {
            published.put(p.group(1), p.group(2));
        }
        for (Map.Entry<String, String> view : published.entrySet()) {
            assertThat(owner(view.getKey()))
                    .as("the published view %s is named after its module", view.getKey())
                    .isEqualTo(view.getValue());
            assertThat(schema)
                    .as("the published view %s is created by a migration of %s", view.getKey(), view.getValue())
                    .anyMatch(st -> st.module().equals(view.getValue())
                            && Pattern.compile("^\\s*create\\s+(or\\s+replace\\s+)?view\\s+" + view.getKey() + "\\b")
                                    .matcher(st.text().toLowerCase(Locale.ROOT))
                                    .find());
        }

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
            for (Statement st : schema) {
                if (st.module().equals(module)) {
                    sql.append(st.text()).append('\n');
                }
            }
            String text = REFERENCES.matcher(sql).replaceAll(" ").toLowerCase(Locale.ROOT);
            for (String table : tables) {
                if (!owner(table).equals(module)
                        && !published.containsKey(table)
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

    @Test
    void aMigrationSplitsAtTheSemicolonsOutsideQuotesAndBodies() {
        assertThat(statements("create table a (x varchar(1) default ';');\n"
                        + "create function f() returns trigger as $$ begin update b set y = 1; return new; end $$"
                        + " language plpgsql;\n create view v as select 1;"))
                .containsExactly(
                        "create table a (x varchar(1) default ';')",
                        "create function f() returns trigger as $$ begin update b set y = 1; return new; end $$"
                                + " language plpgsql",
                        "create view v as select 1");
    }

    /**
     * The migrations' statements that make the schema as it is: in the order of their versions, a view, function,
     * trigger or index counts in its last definition only (or not at all once dropped), and a drop reads nothing.
     */
    private static List<Statement> schema() throws IOException {
        List<Path> migrations = migrations();
        Map<String, Statement> defined = new LinkedHashMap<>();
        List<Statement> others = new ArrayList<>();
        for (Path f : migrations) {
            String module = migrationOwner(f);
            String vendor = f.getParent().getFileName().toString();
            for (String text :
                    statements(SQL_COMMENT.matcher(Files.readString(f)).replaceAll(" "))) {
                if (DATA.matcher(text).lookingAt()) {
                    continue; // rows written once, when the migration ran, by the tables as they were then
                }
                if (RENAMED.matcher(text).lookingAt()) {
                    continue; // a name changed hands; nothing is read
                }
                Matcher d = DEFINITION.matcher(text);
                if (!d.find()) {
                    others.add(new Statement(module, text));
                    continue;
                }
                // one database's migrations define their own objects; the common ones define them for both
                String key =
                        d.group(2).toLowerCase(Locale.ROOT) + " " + d.group(3).toLowerCase(Locale.ROOT);
                for (String db : vendor.equals("migration") ? List.of("h2", "postgresql") : List.of(vendor)) {
                    defined.remove(db + " " + key);
                    if (d.group(1).equalsIgnoreCase("create")) {
                        defined.put(db + " " + key, new Statement(module, text));
                    }
                }
            }
        }
        List<Statement> all = new ArrayList<>(others);
        all.addAll(defined.values());
        return all;
    }

    /** The migrations of both databases and of one, in the order of their versions. */
    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(f -> f.toString().endsWith(".sql"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    /** A migration's statements, split at the semicolons outside quotes and dollar-quoted bodies. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String dollar = null;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (dollar != null) {
                if (sql.startsWith(dollar, i)) {
                    current.append(dollar);
                    i += dollar.length() - 1;
                    dollar = null;
                } else {
                    current.append(c);
                }
                continue;
            }
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '$') {
                Matcher tag = DOLLAR.matcher(sql).region(i, sql.length());
                if (tag.lookingAt()) {
                    dollar = tag.group();
                    current.append(dollar);
                    i += dollar.length() - 1;
                    continue;
                }
            } else if (!quoted && c == ';') {
                if (!current.toString().isBlank()) {
                    out.add(current.toString().strip());
                }
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static final Pattern DOLLAR = Pattern.compile("\\$[a-zA-Z_]*\\$");

    /** A statement of a migration, and the module whose migration it is. */
    private record Statement(String module, String text) {}

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
