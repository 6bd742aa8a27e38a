package vn.dvk.progress;

import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.model.AppraisalDecision;
import vn.dvk.model.ModelAppraised;

/**
 * When each model was first accepted, kept by progress ({@code progress_acceptance}) from the model module's
 * {@link ModelAppraised}: the start of the model's reporting duties ({@link ReportingDeadlines}) and of its signs of
 * formalism ({@link FormalismSignals}). A plain {@code @EventListener}: the row is written in the appraisal's
 * transaction, so an accepted model is never without it and a rolled-back appraisal leaves none.
 */
@Component
class Acceptances {

    private final JdbcTemplate jdbc;

    Acceptances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ModelAppraised e) {
        if (e.decision() != AppraisalDecision.ACCEPT) {
            return;
        }
        // the first acceptance counts (an accepted model is not appraised again; a second event must not move it)
        jdbc.update(
                "insert into progress_acceptance (model_id, accepted_at) select ?, ? where not exists"
                        + " (select 1 from progress_acceptance where model_id = ?)",
                e.modelId(),
                Timestamp.from(e.at().truncatedTo(ChronoUnit.MICROS)),
                e.modelId());
    }
}
