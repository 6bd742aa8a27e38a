package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of STYLE.md: each direct sub-package of {@code vn.dvk} is a module. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(DvkApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        // given the application's modules
        // when their dependencies are verified (no cycles, only public API used across modules)
        // then verify() throws on the first violation, naming it
        modules.verify();
    }

    @Test
    void theBusinessCapabilitiesAreModules() {
        // given the packages of the layout in STYLE.md
        // when the modules are detected
        // then each capability that exists is a module of its own, and shared is one too
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("unit", "account", "model", "recognition", "progress", "commendation", "statistics",
                        "shared");
    }
}
