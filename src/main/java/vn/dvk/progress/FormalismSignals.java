package vn.dvk.progress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Signs that a model may exist on paper only ("hình thức"), for the annual review: no report for 12 months,
 * or indicators that did not move between the last two reports. Both are computed in SQL.
 */
@Service
@Transactional(readOnly = true)
public class FormalismSignals {

    /** Why a model is flagged. */
    public enum Reason {
        /** Không có báo cáo kết quả trong 12 tháng. */
        NO_REPORT_12_MONTHS,
        /** Các chỉ tiêu không thay đổi giữa hai báo cáo gần nhất. */
        INDICATORS_NOT_MOVED,
        /** Người dân đánh giá thấp: điểm hài lòng trung bình dưới ngưỡng trên đủ số ý kiến. */
        LOW_CITIZEN_RATING
    }

    /**
     * Signals that another module finds (citizens' ratings, vn.dvk.showcase), so that this module lists them without
     * depending on it: the models under {@code unitPath} (or the one model {@code modelId} when not null) it flags.
     */
    public interface Source {
        List<Signal> signals(String unitPath, Long modelId);
    }

    /**
     * A flagged model: the reason, and the dates behind it (for no report: the last report or, without one,
     * the acceptance; for not moved: the two reports compared).
     */
    public record Signal(
            Long modelId, String title, String unitName, Reason reason, LocalDate since, LocalDate latest) {}

    private static final String RANKED = "(select r.id, r.model_id, r.as_of, row_number() over"
            + " (partition by r.model_id order by r.as_of desc, r.id desc) as rn from progress_report r)";

    private final NamedParameterJdbcTemplate jdbc;
    private final ModelRegistry models;
    private final UnitDirectory units;
    private final Clock clock;

    private final List<Source> sources;

    FormalismSignals(
            NamedParameterJdbcTemplate jdbc,
            ModelRegistry models,
            UnitDirectory units,
            Clock clock,
            List<Source> sources) {
        this.sources = sources;
        this.jdbc = jdbc;
        this.models = models;
        this.units = units;
        this.clock = clock;
    }

    /** The flagged models of the actor's subtree (or of a unit in it), on a given day. */
    public List<Signal> list(Actor actor, String unitCode, LocalDate today) {
        String prefix = actor.unitPath();
        if (unitCode != null && !unitCode.isBlank()) {
            UnitRef unit = units.inScope(actor, unitCode, "unit");
            prefix = unit.path();
        }
        List<Signal> out = query(" and u.path like :prefix", new MapSqlParameterSource("prefix", prefix + "%"), today);
        for (Source source : sources) {
            out.addAll(source.signals(prefix, null));
        }
        out.sort(ORDER);
        return out;
    }

    private static final Comparator<Signal> ORDER =
            Comparator.comparing(Signal::modelId).thenComparing(Signal::reason);

    public List<Signal> list(Actor actor, String unitCode) {
        return list(actor, unitCode, LocalDate.now(clock));
    }

    /** The signals of one model the actor may see. */
    public List<Signal> of(Actor actor, Long modelId, LocalDate today) {
        ModelView model = models.get(actor, modelId);
        List<Signal> out = query(" and m.id = :id", new MapSqlParameterSource("id", modelId), today);
        for (Source source : sources) {
            out.addAll(source.signals(model.unitPath(), modelId));
        }
        out.sort(ORDER);
        return out;
    }

    private List<Signal> query(String where, MapSqlParameterSource p, LocalDate today) {
        LocalDate cutoff = today.minusMonths(12);
        p.addValue("cutoff", Date.valueOf(cutoff))
                .addValue(
                        "cutoffAt", Timestamp.from(cutoff.atStartOfDay(Fmt.ZONE).toInstant()))
                .addValue(
                        "statuses", Progress.REPORTABLE.stream().map(Enum::name).toList());
        List<Signal> out = new ArrayList<>(jdbc.query(
                "select x.id, x.title, x.name, x.last_as_of, x.since from (select m.id, m.title, u.name,"
                        + " (select max(r.as_of) from progress_report r where r.model_id = m.id) as last_as_of,"
                        + " coalesce(" + ReportingDeadlines.ACCEPTED_AT + ", m.submitted_at, m.created_at) as since"
                        + " from model_record m join unit_scope u on u.id = m.unit_id"
                        + " where m.status in (:statuses)" + where + ") x"
                        + " where (x.last_as_of is not null and x.last_as_of < :cutoff)"
                        + " or (x.last_as_of is null and x.since < :cutoffAt)"
                        + " order by x.id",
                p,
                (rs, i) -> {
                    Date last = rs.getDate(4);
                    LocalDate since = last != null
                            ? last.toLocalDate()
                            : rs.getTimestamp(5).toInstant().atZone(Fmt.ZONE).toLocalDate();
                    return new Signal(
                            rs.getLong(1), rs.getString(2), rs.getString(3), Reason.NO_REPORT_12_MONTHS, since, null);
                }));
        out.addAll(jdbc.query(
                "select m.id, m.title, u.name, max(p.as_of), max(l.as_of)"
                        + " from " + RANKED + " l join " + RANKED + " p on p.model_id = l.model_id and p.rn = 2"
                        + " join progress_value lv on lv.report_id = l.id"
                        + " left join progress_value pv on pv.report_id = p.id and pv.code = lv.code"
                        + " join model_record m on m.id = l.model_id join unit_scope u on u.id = m.unit_id"
                        + " where l.rn = 1 and m.status in (:statuses)" + where
                        + " group by m.id, m.title, u.name"
                        + " having count(*) = sum(case when pv.amount = lv.amount then 1 else 0 end)"
                        + " order by m.id",
                p,
                (rs, i) -> new Signal(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Reason.INDICATORS_NOT_MOVED,
                        rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate())));
        return out;
    }
}
