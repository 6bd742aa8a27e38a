package vn.dvk.showcase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.Problems;

/**
 * Citizens' satisfaction with public models: ratings of 1 to 5 with an optional comment, sent without sign-in (each
 * client address within its limit, {@link PublicThrottle}), and their counts and averages.
 */
@Service
@Transactional(readOnly = true)
public class CitizenFeedback {

    /** The longest comment kept, in characters. */
    public static final int MAX_COMMENT = 1000;

    /** How many answers and their average rating (null without answers), rounded to one decimal. */
    public record Summary(long count, BigDecimal averageRating) {

        /** No answers. */
        public static final Summary NONE = new Summary(0, null);
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ModelRegistry models;
    private final PublicThrottle throttle;
    private final DataVersions versions;
    private final Clock clock;

    CitizenFeedback(
            NamedParameterJdbcTemplate jdbc,
            ModelRegistry models,
            PublicThrottle throttle,
            DataVersions versions,
            Clock clock) {
        this.jdbc = jdbc;
        this.models = models;
        this.throttle = throttle;
        this.versions = versions;
        this.clock = clock;
    }

    /**
     * Keeps a rating of a public model (404 alike for any other id), counted against the sender's address; the public
     * pages of the model's area change at once (their counts).
     */
    @Transactional
    public Summary send(Long modelId, Integer rating, String comment, String address) {
        ModelView model = models.publicModel(modelId).orElseThrow(() -> new Problems.NotFound("showcase.notFound"));
        if (rating == null) {
            throw new Problems.Invalid("rating", "validation.required");
        }
        if (rating < 1 || rating > 5) {
            throw new Problems.Invalid("rating", "showcase.rating.range");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new Problems.Invalid("comment", "validation.maxLengthN", MAX_COMMENT);
        }
        throttle.count("f", address);
        jdbc.update(
                "insert into showcase_feedback (model_id, rating, comment, created_at)"
                        + " values (:model, :rating, :comment, :at)",
                new MapSqlParameterSource("model", modelId)
                        .addValue("rating", rating)
                        .addValue("comment", text)
                        .addValue("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        versions.touch(model.unitPath());
        return of(List.of(modelId)).getOrDefault(modelId, Summary.NONE);
    }

    /** The summary of each of these models that has answers, by model id. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, Summary> of(Collection<Long> modelIds) {
        Map<Long, Summary> out = new HashMap<>();
        if (modelIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                "select model_id, count(*) n, sum(rating) total from showcase_feedback where model_id in (:ids)"
                        + " group by model_id",
                new MapSqlParameterSource("ids", modelIds),
                rs -> {
                    out.put(rs.getLong("model_id"), summary(rs.getLong("n"), rs.getLong("total")));
                });
        return out;
    }

    /**
     * The ratings sent from 1 January of {@code fromYear} to 31 December of {@code toYear} (Vietnam time) about the
     * models that sit under the unit at {@code unitPath} today (of one field, when given), through the model module's
     * published view {@code model_placement}.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Summary inScope(String unitPath, int fromYear, int toYear, vn.dvk.model.Field field) {
        ZoneId vietnam = ZoneId.of("Asia/Ho_Chi_Minh");
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", unitPath + "%")
                .addValue(
                        "from",
                        LocalDate.of(fromYear, 1, 1).atStartOfDay(vietnam).toOffsetDateTime())
                .addValue(
                        "to",
                        LocalDate.of(toYear + 1, 1, 1).atStartOfDay(vietnam).toOffsetDateTime());
        String fieldClause = "";
        if (field != null) {
            fieldClause = " and p.field = :field";
            p.addValue("field", field.name());
        }
        return jdbc.query(
                "select count(*) n, coalesce(sum(f.rating), 0) total from showcase_feedback f"
                        + " join model_placement p on p.model_id = f.model_id where p.unit_path like :prefix"
                        + " and f.created_at >= :from and f.created_at < :to" + fieldClause,
                p,
                rs -> rs.next() ? summary(rs.getLong("n"), rs.getLong("total")) : Summary.NONE);
    }

    static Summary summary(long count, long total) {
        return count == 0
                ? Summary.NONE
                : new Summary(
                        count, BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP));
    }
}
