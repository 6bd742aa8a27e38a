package vn.dvk.inspection;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.progress.EvidenceStore;
import vn.dvk.storage.FileReferences;

/** The stored files that inspection photos point at, for the orphan sweep. */
@Component
class PhotoReferences implements FileReferences {

    private final NamedParameterJdbcTemplate jdbc;

    PhotoReferences(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> referenced(Collection<String> keys) {
        return EvidenceStore.referenced(
                keys,
                names -> jdbc.queryForList(
                        "select stored_name from inspection_photo where stored_name in (:names)",
                        Map.of("names", names),
                        String.class));
    }
}
