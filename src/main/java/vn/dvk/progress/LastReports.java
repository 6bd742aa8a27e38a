package vn.dvk.progress;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The date of each model's latest progress report, for lists of models whose access the caller checked. */
@Service
@Transactional(readOnly = true)
public class LastReports {

    private final NamedParameterJdbcTemplate jdbc;

    LastReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Model id → date of its latest report; models without a report are absent. One grouped query. */
    public Map<Long, LocalDate> of(Collection<Long> modelIds) {
        Map<Long, LocalDate> out = new HashMap<>();
        if (modelIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                "select model_id, max(as_of) as last_as_of from progress_report where model_id in (:ids)"
                        + " group by model_id",
                new MapSqlParameterSource("ids", modelIds),
                rs -> {
                    out.put(rs.getLong("model_id"), rs.getObject("last_as_of", LocalDate.class));
                });
        return out;
    }
}
