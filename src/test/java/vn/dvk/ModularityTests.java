package vn.dvk;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of STYLE.md: each direct sub-package of {@code vn.dvk} is a module; and the modules'
 * documentation in {@code docs/modules} (component diagrams and a canvas per module) is the one the code gives.
 */
class ModularityTests {

    /** Where the modules' documentation is kept, and where this test writes it afresh to compare. */
    static final Path KEPT = Path.of("docs/modules");

    static final Path WRITTEN = Path.of("target/spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(DvkApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        // given the application's modules
        // when their dependencies are verified (no cycles, only public API used across modules)
        // then verify() throws on the first violation, naming it
        modules.verify();
    }

    @Test
    void theRoomsOfAModuleDependOnEachOtherOneWay() {
        // given the production classes, each in its room: a sub-package of a module (recognition.criteria,
        // recognition.proposal, recognition.round, ...), what verify() does not look into
        // (the project's classes only: a class of a library stays a stub, which the rooms' cycles do not need and
        // which keeps the import to a second instead of a minute)
        ArchConfiguration archunit = ArchConfiguration.get();
        boolean resolving = archunit.resolveMissingDependenciesFromClassPath();
        JavaClasses classes;
        try {
            archunit.setResolveMissingDependenciesFromClassPath(false);
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("vn.dvk");
        } finally {
            archunit.setResolveMissingDependenciesFromClassPath(resolving);
        }

        // when the dependencies between rooms are followed
        // then none leads back to where it started: a room can be read knowing only the rooms below it
        slices().matching("vn.dvk.(*).(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theBusinessCapabilitiesAreModules() {
        // given the packages of the layout in STYLE.md
        // when the modules are detected
        // then each capability that exists is a module of its own, and shared is one too
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains(
                        "unit", "account", "model", "recognition", "progress", "commendation", "statistics", "shared");
    }

    @Test
    void theModulesDocumentationIsTheOneTheCodeGives() throws IOException {
        // given the documentation Spring Modulith writes for the modules as they are: the diagram of all modules,
        // one diagram per module with the modules it depends on, a canvas per module (its beans, events, properties)
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(WRITTEN.toString()))
                .writeDocumentation();

        // when it is compared with the one kept in docs/modules
        List<String> stale = new ArrayList<>();
        try (Stream<Path> written = Files.list(WRITTEN)) {
            for (Path file : written.sorted().toList()) {
                Path kept = KEPT.resolve(file.getFileName());
                if (!Files.exists(kept) || !content(kept).equals(content(file))) {
                    stale.add(file.getFileName().toString());
                }
            }
        }
        try (Stream<Path> kept = Files.list(KEPT)) {
            kept.filter(f -> !Files.exists(WRITTEN.resolve(f.getFileName())))
                    .forEach(f -> stale.add(f.getFileName() + " (no longer written)"));
        }

        // then they are the same: a change of a module's beans, events or dependencies changes its documentation
        assertThat(stale)
                .as("the modules changed; renew their documentation: rm -rf %s && cp -r %s %s", KEPT, WRITTEN, KEPT)
                .isEmpty();
    }

    /**
     * A file's content as compared: a diagram's lines in any order, and the items of each of a canvas's lists in any
     * order (Spring Modulith finds relations, beans and events in another order from one run to the next, with the
     * same meaning); a canvas's sections and what is in each stay compared as they are.
     */
    private static List<String> content(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (file.toString().endsWith(".puml")) {
            return lines.stream().sorted().toList();
        }
        List<String> out = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            // a list's first item follows the table's cell mark: "|* `a.B`"
            String item = line.startsWith("|* ") ? line.substring(1) : line;
            if (item.startsWith("* ") && !line.startsWith("|")) {
                items.add(item.strip());
                continue;
            }
            flush(items, out);
            if (item.startsWith("* ")) {
                out.add("|");
                items.add(item.strip());
            } else {
                out.add(line);
            }
        }
        flush(items, out);
        return out;
    }

    private static void flush(List<String> items, List<String> out) {
        items.sort(null);
        out.addAll(items);
        items.clear();
    }
}
