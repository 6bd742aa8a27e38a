package vn.dvk.progress;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.storage.FileReferences;

/** The stored files that progress reports' evidence rows point at, for the orphan sweep. */
@Component
class EvidenceReferences implements FileReferences {

    private final NamedParameterJdbcTemplate jdbc;

    EvidenceReferences(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> referenced(Collection<String> keys) {
        return EvidenceStore.referenced(
                keys,
                names -> jdbc.queryForList(
                        "select stored_name from progress_evidence where stored_name in (:names)",
                        Map.of("names", names),
                        String.class));
    }
}
