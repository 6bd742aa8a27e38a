package vn.dvk.unit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --dvk.units=vn-2025} loads the official map at start, once ({@code --dvk.units.history=false}: no former units). */
@Component
@Order(5)
@EnableConfigurationProperties({OfficialMapSettings.Requested.class, OfficialMapSettings.History.class})
class MapLoaderRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MapLoaderRunner.class);

    private final OfficialMap map;
    private final UnitDirectory directory;
    private final String requested;
    private final boolean history;

    MapLoaderRunner(
            OfficialMap map,
            UnitDirectory directory,
            OfficialMapSettings.Requested requested,
            OfficialMapSettings.History history) {
        this.map = map;
        this.directory = directory;
        this.requested = requested.units();
        this.history = history.history();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (requested == null || requested.isBlank()) {
            return;
        }
        if (map.loaded()) {
            log.info("Official map already loaded; --dvk.units={} ignored", requested);
            return;
        }
        UnitRef root = directory.ensureRoot();
        SystemActor system = new SystemActor(root);
        OfficialMap.LoadResult r = map.load(system, requested.trim(), history);
        log.info(
                "Official map {} loaded in {} ms: {} provinces, {} communes, {} former provinces, {} former districts,"
                        + " {} commune mappings",
                requested,
                r.millis(),
                r.provinces(),
                r.communes(),
                r.formerProvinces(),
                r.formerDistricts(),
                r.mappings());
    }
}
