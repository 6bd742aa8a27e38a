package vn.dvk.showcase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.progress.FormalismSignals;
import vn.dvk.shared.Fmt;

/**
 * Citizens' ratings as a sign of formalism: a public model whose average rating is below
 * {@code dvk.showcase.low-rating} over at least {@code dvk.showcase.min-answers} answers. The signal's dates are
 * those of the first and the latest rating.
 */
@Component
class LowRatingSignals implements FormalismSignals.Source {

    private final NamedParameterJdbcTemplate jdbc;
    private final ModelRegistry models;
    private final ShowcaseProperties settings;

    LowRatingSignals(NamedParameterJdbcTemplate jdbc, ModelRegistry models, ShowcaseProperties settings) {
        this.jdbc = jdbc;
        this.models = models;
        this.settings = settings;
    }

    @Override
    public List<FormalismSignals.Signal> signals(String unitPath, Long modelId) {
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", unitPath + "%")
                .addValue("min", settings.minAnswers())
                .addValue("threshold", BigDecimal.valueOf(settings.lowRating()));
        String one = "";
        if (modelId != null) {
            one = " and f.model_id = :id";
            p.addValue("id", modelId);
        }
        record Row(long id, LocalDate first, LocalDate latest) {}
        List<Row> rows = jdbc.query(
                "select f.model_id, min(f.created_at) first_at, max(f.created_at) last_at"
                        + " from showcase_feedback f join model_placement m on m.model_id = f.model_id"
                        + " where m.unit_path like :prefix" + one + " group by f.model_id"
                        + " having count(*) >= :min and sum(f.rating) < :threshold * count(*) order by f.model_id",
                p,
                (rs, i) -> new Row(
                        rs.getLong(1),
                        day(rs.getObject(2, OffsetDateTime.class)),
                        day(rs.getObject(3, OffsetDateTime.class))));
        Map<Long, ModelView> views = models.viewsOf(rows.stream().map(Row::id).toList());
        List<FormalismSignals.Signal> out = new ArrayList<>();
        for (Row r : rows) {
            ModelView v = views.get(r.id());
            if (v != null && ModelRegistry.isPublic(v)) {
                out.add(new FormalismSignals.Signal(
                        r.id(),
                        v.title(),
                        v.unitName(),
                        FormalismSignals.Reason.LOW_CITIZEN_RATING,
                        r.first(),
                        r.latest()));
            }
        }
        return out;
    }

    private static LocalDate day(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Fmt.ZONE).toLocalDate();
    }
}
