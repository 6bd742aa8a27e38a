package vn.dvk.unit;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Role;

/** {@code --dvk.units=vn-2025} loads the official map at start, once ({@code --dvk.units.history=false}: no former units). */
@Component
@Order(5)
class MapLoaderRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MapLoaderRunner.class);

    private final OfficialMap map;
    private final UnitDirectory directory;
    private final String requested;
    private final boolean history;

    MapLoaderRunner(OfficialMap map, UnitDirectory directory, @Value("${dvk.units:}") String requested,
                    @Value("${dvk.units.history:true}") boolean history) {
        this.map = map;
        this.directory = directory;
        this.requested = requested;
        this.history = history;
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
        Actor system = new SystemActor(root);
        OfficialMap.LoadResult r = map.load(system, requested.trim(), history);
        log.info("Official map {} loaded in {} ms: {} provinces, {} communes, {} former provinces, {} former districts,"
                + " {} commune mappings", requested, r.millis(), r.provinces(), r.communes(), r.formerProvinces(),
                r.formerDistricts(), r.mappings());
    }

    /** The start-up itself, acting as an administrator of the root unit. */
    private record SystemActor(UnitRef root) implements Actor {
        public Long userId() { return 0L; }
        public String username() { return "system"; }
        public String fullName() { return "DVK"; }
        public Long unitId() { return root.id(); }
        public String unitCode() { return root.code(); }
        public String unitName() { return root.name(); }
        public String unitPath() { return root.path(); }
        public Level unitLevel() { return root.level(); }
        public Set<Role> roles() { return Set.of(Role.ADMIN); }
    }
}
