package vn.dvk.statistics;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.storage.FileReferences;

/** The stored files that finished export jobs point at, for the orphan sweep. */
@Component
class ExportReferences implements FileReferences {

    private final NamedParameterJdbcTemplate jdbc;

    ExportReferences(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> referenced(Collection<String> keys) {
        List<String> exports =
                keys.stream().filter(k -> k.startsWith("exports/")).toList();
        if (exports.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "select content_key from statistics_job where content_key in (:keys)",
                Map.of("keys", exports),
                String.class));
    }
}
