package vn.dvk.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.document.DocumentRenderer;
import vn.dvk.document.DocxRenderer;
import vn.dvk.document.OfficialDocument;
import vn.dvk.model.Field;
import vn.dvk.model.HolderType;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.signing.DocumentSigning;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The annual summary report of the movement for a unit and a year, laid out as an administrative document. Every
 * figure comes from {@link Statistics#count} (the numbers of {@code GET /api/v1/statistics}), written into
 * sentences; the lists of recognized models and commendations are the rows those counts count. The board's own
 * text (assessments, header, signature) is kept per unit and year and edited on the preview page.
 */
@Service
@Transactional(readOnly = true)
public class AnnualReports {

    /** Subject type of annual-report entries in the audit trail. */
    static final String AUDIT_SUBJECT = "ANNUAL_REPORT";

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String ELLIPSIS = "…";

    private static final String RECOGNIZED_SQL = """
            select m.title, m.field, m.holder_type, m.holder_name, u.name as unit_name, p.level,
              p.decision_number, p.decision_date
            from recognition_record p join model_record m on m.id = p.model_id join unit_scope u on u.id = m.unit_id
            where u.path like :prefix and p.proposal_year = :y and p.status = 'RECOGNIZED'
            order by p.level, m.field, m.title, m.id
            """;

    private static final String COMMENDATIONS_SQL = """
            select c.form, c.recipient_type, c.recipient_name, u.name as unit_name, i.name as issuer_name,
              c.decision_number, c.decision_date
            from commendation_record c join unit_scope u on u.id = c.unit_id
              join unit_scope i on i.id = c.issuer_unit_id
            where u.path like :prefix and c.decision_date between :first and :last
            order by c.decision_date, c.id
            """;

    private final Statistics statistics;
    private final UnitDirectory units;
    private final NamedParameterJdbcTemplate jdbc;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final DocumentSigning pdf;
    private final DocxRenderer docx;
    private final Clock clock;
    private final ExportMetrics metrics;

    AnnualReports(
            Statistics statistics,
            UnitDirectory units,
            NamedParameterJdbcTemplate jdbc,
            MessageSource messages,
            AuditTrail audit,
            DocumentSigning pdf,
            DocxRenderer docx,
            Clock clock,
            ExportMetrics metrics) {
        this.metrics = metrics;
        this.statistics = statistics;
        this.units = units;
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
        this.pdf = pdf;
        this.docx = docx;
        this.clock = clock;
    }

    /** The report as PDF bytes, signed with the unit's certificate when it has one. */
    public byte[] pdf(Actor actor, String unitCode, int year) {
        return metrics.time(
                ExportMetrics.Kind.REPORT_PDF,
                () -> pdf.pdf(unit(actor, unitCode).id(), document(actor, unitCode, year)));
    }

    /** The report as DOCX bytes. */
    public byte[] docx(Actor actor, String unitCode, int year) {
        return metrics.time(ExportMetrics.Kind.REPORT_DOCX, () -> docx.docx(document(actor, unitCode, year)));
    }

    /** The unit the actor may report on (its own subtree), or 404 naming nothing. */
    UnitRef unit(Actor actor, String unitCode) {
        return units.byCode(unitCode)
                .filter(u -> StatisticsPolicy.maySee(actor, u.path()))
                .orElseThrow(() -> new Problems.NotFound("unit.notFound"));
    }

    static void checkYear(Integer year) {
        if (year == null || year < 2009 || year > 2100) {
            throw new Problems.Invalid("year", "statistics.dashboard.year.invalid");
        }
    }

    /** The board's text as saved, or the defaults for a unit that has none yet. */
    AnnualReportForm text(Actor actor, String unitCode, int year) {
        UnitRef unit = unit(actor, unitCode);
        List<AnnualReportForm> saved = jdbc.query(
                "select * from statistics_annual_report" + " where unit_id = :unit and report_year = :y",
                new MapSqlParameterSource("unit", unit.id()).addValue("y", year),
                (rs, i) -> new AnnualReportForm(
                        OfficialDocument.Style.valueOf(rs.getString("style")),
                        rs.getString("parent_body"),
                        rs.getString("issuer"),
                        rs.getString("doc_number"),
                        rs.getString("place"),
                        rs.getObject("issued_on", LocalDate.class),
                        rs.getString("addressee"),
                        rs.getString("leadership"),
                        rs.getString("strengths"),
                        rs.getString("shortcomings"),
                        rs.getString("causes"),
                        rs.getString("lessons"),
                        rs.getString("directions"),
                        rs.getString("proposals"),
                        rs.getString("signer_authority"),
                        rs.getString("signer_position"),
                        rs.getString("signer_name"),
                        rs.getString("recipients"),
                        rs.getLong("version")));
        return saved.isEmpty() ? defaults(unit, year) : saved.get(0);
    }

    /** Saves the board's text; 409 when someone saved in between, 400 naming the field that is wrong. */
    @Transactional
    public void save(Actor actor, String unitCode, int year, AnnualReportForm f) {
        UnitRef unit = unit(actor, unitCode);
        StatisticsPolicy.requireReportWriter(actor, unit.path());
        validate(f);
        MapSqlParameterSource p = new MapSqlParameterSource("unit", unit.id())
                .addValue("y", year)
                .addValue("style", (f.style() == null ? OfficialDocument.Style.PARTY : f.style()).name())
                .addValue("parent", blankToNull(f.parentBody()))
                .addValue("issuer", f.issuer().trim())
                .addValue("number", blankToNull(f.number()))
                .addValue("place", blankToNull(f.place()))
                .addValue("issuedOn", Date.valueOf(f.issuedOn()))
                .addValue("addressee", blankToNull(f.addressee()))
                .addValue("leadership", blankToNull(f.leadership()))
                .addValue("strengths", blankToNull(f.strengths()))
                .addValue("shortcomings", blankToNull(f.shortcomings()))
                .addValue("causes", blankToNull(f.causes()))
                .addValue("lessons", blankToNull(f.lessons()))
                .addValue("directions", blankToNull(f.directions()))
                .addValue("proposals", blankToNull(f.proposals()))
                .addValue("authority", blankToNull(f.signerAuthority()))
                .addValue("position", blankToNull(f.signerPosition()))
                .addValue("name", blankToNull(f.signerName()))
                .addValue("recipients", blankToNull(f.recipients()))
                .addValue("by", actor.username())
                .addValue("at", Timestamp.from(clock.instant()))
                .addValue("version", f.version());
        List<Long[]> current = jdbc.query(
                "select id, version from statistics_annual_report" + " where unit_id = :unit and report_year = :y",
                p,
                (rs, i) -> new Long[] {rs.getLong(1), rs.getLong(2)});
        long id;
        String action;
        if (current.isEmpty()) {
            if (f.version() != null && f.version() != 0) {
                throw new Problems.Conflict("model.version.stale", 0);
            }
            jdbc.update(
                    "insert into statistics_annual_report (unit_id, report_year, style, parent_body, issuer,"
                            + " doc_number, place, issued_on, addressee, leadership, strengths, shortcomings, causes, lessons,"
                            + " directions, proposals, signer_authority, signer_position, signer_name, recipients, updated_by,"
                            + " updated_at, version) values (:unit, :y, :style, :parent, :issuer, :number, :place, :issuedOn,"
                            + " :addressee, :leadership, :strengths, :shortcomings, :causes, :lessons, :directions, :proposals,"
                            + " :authority, :position, :name, :recipients, :by, :at, 1)",
                    p);
            id = jdbc.queryForObject(
                    "select id from statistics_annual_report where unit_id = :unit" + " and report_year = :y",
                    p,
                    Long.class);
            action = "REPORT_CREATE";
        } else {
            id = current.get(0)[0];
            if (f.version() == null || f.version() != current.get(0)[1].longValue()) {
                throw new Problems.Conflict("model.version.stale", current.get(0)[1]);
            }
            int n = jdbc.update(
                    "update statistics_annual_report set style = :style, parent_body = :parent,"
                            + " issuer = :issuer, doc_number = :number, place = :place, issued_on = :issuedOn,"
                            + " addressee = :addressee, leadership = :leadership, strengths = :strengths,"
                            + " shortcomings = :shortcomings, causes = :causes, lessons = :lessons, directions = :directions,"
                            + " proposals = :proposals, signer_authority = :authority, signer_position = :position,"
                            + " signer_name = :name, recipients = :recipients, updated_by = :by, updated_at = :at,"
                            + " version = version + 1 where id = :id and version = :version",
                    p.addValue("id", id));
            if (n != 1) {
                throw new Problems.Conflict("model.version.stale", current.get(0)[1]);
            }
            action = "REPORT_EDIT";
        }
        audit.record(actor.username(), AUDIT_SUBJECT, id, action, null, null, unit.code() + " " + year);
    }

    private static void validate(AnnualReportForm f) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (f.issuer() == null || f.issuer().isBlank()) {
            errors.add(new Problems.FieldError("issuer", "validation.required"));
        }
        if (f.issuedOn() == null) {
            errors.add(new Problems.FieldError("issuedOn", "validation.required"));
        }
        max(errors, "parentBody", f.parentBody(), AnnualReportForm.SHORT);
        max(errors, "issuer", f.issuer(), AnnualReportForm.SHORT);
        max(errors, "number", f.number(), AnnualReportForm.NUMBER);
        max(errors, "place", f.place(), AnnualReportForm.PLACE);
        max(errors, "addressee", f.addressee(), AnnualReportForm.SHORT);
        max(errors, "signerAuthority", f.signerAuthority(), AnnualReportForm.SIGNER);
        max(errors, "signerPosition", f.signerPosition(), AnnualReportForm.SIGNER);
        max(errors, "signerName", f.signerName(), AnnualReportForm.SIGNER);
        max(errors, "recipients", f.recipients(), AnnualReportForm.RECIPIENTS);
        for (String[] a : new String[][] {
            {"leadership", f.leadership()},
            {"strengths", f.strengths()},
            {"shortcomings", f.shortcomings()},
            {"causes", f.causes()},
            {"lessons", f.lessons()},
            {"directions", f.directions()},
            {"proposals", f.proposals()}
        }) {
            max(errors, a[0], a[1], AnnualReportForm.ASSESSMENT);
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
    }

    private static void max(List<Problems.FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new Problems.FieldError(field, "validation.maxLengthN", max));
        }
    }

    private AnnualReportForm defaults(UnitRef unit, int year) {
        String place = DocumentRenderer.placeName(unit.name().trim());
        String parent = switch (unit.level()) {
            case CENTRAL -> "Ban Chấp hành Trung ương";
            case PROVINCE -> "Tỉnh ủy " + place;
            case DISTRICT -> "Huyện ủy " + place;
            case COMMUNE -> "Đảng ủy xã " + place;
        };
        LocalDate today = LocalDate.now(clock);
        LocalDate issued = today.getYear() > year ? LocalDate.of(year, 12, 31) : today;
        return new AnnualReportForm(
                OfficialDocument.Style.PARTY,
                parent,
                "Ban Chỉ đạo phong trào thi đua Dân vận khéo",
                "…-BC/BCĐ",
                place,
                issued,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "T/M Ban Chỉ đạo",
                "Trưởng ban",
                "",
                "Ban Dân vận cấp trên (để báo cáo)\nCác thành viên Ban Chỉ đạo\nLưu: VT",
                null);
    }

    /** The report as a document, its figures counted now. */
    public OfficialDocument document(Actor actor, String unitCode, int year) {
        checkYear(year);
        UnitRef unit = unit(actor, unitCode);
        AnnualReportForm f = text(actor, unitCode, year);
        StatisticsReport r = statistics.count(unit, query(unit, year, null));
        StatisticsReport before = year > 2009 ? statistics.count(unit, query(unit, year - 1, null)) : null;
        String y = String.valueOf(year);
        String who = f.issuer().trim();

        OfficialDocument.Builder b = OfficialDocument.builder()
                .style(f.style())
                .parentBody(blankToNull(f.parentBody()))
                .issuer(who)
                .number(blankToNull(f.number()))
                .place(blankToNull(f.place()))
                .date(f.issuedOn())
                .type("Báo cáo")
                .summary(t("statistics.annual.summary", y))
                .addressee(blankToNull(f.addressee()));

        b.heading(t("statistics.annual.h.leadership"));
        board(b, f.leadership());

        b.heading(t("statistics.annual.h.results"));
        b.heading(t("statistics.annual.h.registered"));
        b.paragraph(t(
                "statistics.annual.registered",
                y,
                who,
                n(r.registered()),
                fieldList(r.byField(), "registered"),
                n(r.byHolderType().get(HolderType.COLLECTIVE.name()).registered()),
                n(r.byHolderType().get(HolderType.INDIVIDUAL.name()).registered()),
                n(r.byOrigin().get("NEW").registered()),
                n(r.byOrigin().get("REPLICATED").registered())));
        b.paragraph(t(
                "statistics.annual.appraised",
                n(r.accepted()),
                n(r.rejected()),
                r.changesRequested() == 0 ? "" : t("statistics.annual.changesRequested", n(r.changesRequested()))));
        if (before != null && before.registered() > 0) {
            long diff = r.registered() - before.registered();
            b.paragraph(
                    diff == 0
                            ? t("statistics.annual.previous.same", String.valueOf(year - 1), n(before.registered()))
                            : t(
                                    diff > 0 ? "statistics.annual.previous.more" : "statistics.annual.previous.less",
                                    String.valueOf(year - 1),
                                    n(before.registered()),
                                    n(Math.abs(diff))));
        }

        b.heading(t("statistics.annual.h.recognized"));
        if (r.proposed() == 0) {
            b.paragraph(t("statistics.annual.noProposals", y));
        }
        for (Level level : levelsDescending()) {
            if (r.recognizedByLevel().get(level.name()) == 0 && !hasProposals(unit, year, level)) {
                continue;
            }
            StatisticsReport atLevel = statistics.count(unit, query(unit, year, level));
            b.paragraph(t(
                    "statistics.annual.recognized",
                    who,
                    n(atLevel.proposed()),
                    n(atLevel.recognized()),
                    t("statistics.annual.level." + level),
                    n(atLevel.byHolderType().get(HolderType.COLLECTIVE.name()).recognized()),
                    n(atLevel.byHolderType().get(HolderType.INDIVIDUAL.name()).recognized())));
        }
        if (r.recognized() > 0) {
            b.paragraph(t(
                    "statistics.annual.recognizedByField",
                    y,
                    n(r.recognized()),
                    n(r.proposed()),
                    fieldList(r.byField(), "recognized")));
        }
        b.paragraph(t("statistics.annual.tableByField", y));
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (Field fd : Field.values()) {
            Counts c = r.byField().get(fd.name());
            rows.add(List.of(
                    String.valueOf(++i),
                    t("enum.Field." + fd),
                    n(c.registered()),
                    n(c.accepted()),
                    n(c.rejected()),
                    n(c.proposed()),
                    n(c.recognized())));
        }
        rows.add(List.of(
                "",
                t("statistics.total"),
                n(r.registered()),
                n(r.accepted()),
                n(r.rejected()),
                n(r.proposed()),
                n(r.recognized())));
        b.table(
                List.of(
                        t("statistics.export.no"),
                        t("model.field"),
                        t("stat.registered"),
                        t("stat.accepted"),
                        t("stat.rejected"),
                        t("stat.proposed"),
                        t("stat.recognized")),
                rows,
                7,
                33,
                12,
                12,
                12,
                12,
                12);

        List<List<String>> recognized = recognizedModels(unit, year);
        if (!recognized.isEmpty()) {
            b.paragraph(t("statistics.annual.recognizedList", y, n(recognized.size())));
            b.table(
                    List.of(
                            t("statistics.export.no"),
                            t("model.title"),
                            t("model.unit"),
                            t("model.field"),
                            t("statistics.annual.col.level"),
                            t("statistics.annual.col.decision")),
                    recognized,
                    6,
                    36,
                    22,
                    14,
                    9,
                    13);
        }

        b.heading(t("statistics.annual.h.active"));
        b.paragraph(t("statistics.annual.active", y, n(r.active()), n(r.retired())));

        b.heading(t("statistics.annual.h.commendations"));
        Map<String, Long> totals = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> e : r.commendations().byForm().entrySet()) {
            long col = e.getValue().get(HolderType.COLLECTIVE.name());
            long ind = e.getValue().get(HolderType.INDIVIDUAL.name());
            totals.merge("c", col, Long::sum);
            totals.merge("i", ind, Long::sum);
            if (col + ind > 0) {
                parts.add(t("statistics.annual.commendationForm", t("statistics.form." + e.getKey()), n(col), n(ind)));
            }
        }
        if (parts.isEmpty()) {
            b.paragraph(t("statistics.annual.noCommendations", y));
        } else {
            b.paragraph(t(
                    "statistics.annual.commendations",
                    y,
                    n(totals.get("c")),
                    n(totals.get("i")),
                    String.join("; ", parts)));
            b.table(
                    List.of(
                            t("statistics.export.no"),
                            t("statistics.annual.col.recipient"),
                            t("model.unit"),
                            t("statistics.dashboard.form"),
                            t("statistics.annual.col.decision")),
                    commendations(unit, year),
                    6,
                    34,
                    26,
                    14,
                    20);
        }

        b.heading(t("statistics.annual.h.assessment"));
        b.heading(t("statistics.annual.h.strengths"));
        board(b, f.strengths());
        b.heading(t("statistics.annual.h.shortcomings"));
        board(b, f.shortcomings());
        b.heading(t("statistics.annual.h.causes"));
        board(b, f.causes());
        b.heading(t("statistics.annual.h.lessons"));
        board(b, f.lessons());
        b.heading(t("statistics.annual.h.directions", String.valueOf(year + 1)));
        board(b, f.directions());
        b.heading(t("statistics.annual.h.proposals"));
        board(b, f.proposals());

        b.signature(
                blankToNull(f.signerAuthority()),
                f.signerPosition() == null || f.signerPosition().isBlank() ? "Trưởng ban" : f.signerPosition(),
                f.signerName() == null ? "" : f.signerName());
        if (f.recipients() != null) {
            for (String line : f.recipients().split("\\R")) {
                String item = line.strip().replaceFirst("^-\\s*", "").replaceFirst("[;.]$", "");
                if (!item.isEmpty()) {
                    b.recipient(item);
                }
            }
        }
        return b.build();
    }

    private boolean hasProposals(UnitRef unit, int year, Level level) {
        Long n = jdbc.queryForObject(
                "select count(*) from recognition_record p join model_record m on m.id = p.model_id"
                        + " join unit_scope u on u.id = m.unit_id where u.path like :prefix and p.proposal_year = :y"
                        + " and p.level = :level",
                new MapSqlParameterSource("prefix", unit.path() + "%")
                        .addValue("y", year)
                        .addValue("level", level.name()),
                Long.class);
        return n != null && n > 0;
    }

    private List<List<String>> recognizedModels(UnitRef unit, int year) {
        List<List<String>> rows = new ArrayList<>();
        jdbc.query(RECOGNIZED_SQL, new MapSqlParameterSource("prefix", unit.path() + "%").addValue("y", year), rs -> {
            LocalDate date = rs.getObject("decision_date", LocalDate.class);
            String decision = (rs.getString("decision_number") == null ? "" : rs.getString("decision_number"))
                    + (date == null ? "" : ", " + new Fmt().date(date));
            rows.add(List.of(
                    String.valueOf(rows.size() + 1),
                    rs.getString("title"),
                    rs.getString("unit_name"),
                    t("enum.Field." + rs.getString("field")),
                    t("enum.Level." + rs.getString("level")),
                    decision));
        });
        return rows;
    }

    private List<List<String>> commendations(UnitRef unit, int year) {
        List<List<String>> rows = new ArrayList<>();
        jdbc.query(
                COMMENDATIONS_SQL,
                new MapSqlParameterSource("prefix", unit.path() + "%")
                        .addValue("first", Date.valueOf(LocalDate.of(year, 1, 1)))
                        .addValue("last", Date.valueOf(LocalDate.of(year, 12, 31))),
                rs -> {
                    rows.add(List.of(
                            String.valueOf(rows.size() + 1),
                            rs.getString("recipient_name") + " ("
                                    + t("enum.HolderType." + rs.getString("recipient_type"))
                                            .toLowerCase(VI) + ")",
                            rs.getString("unit_name"),
                            t("statistics.form." + rs.getString("form")),
                            rs.getString("decision_number") + ", "
                                    + new Fmt().date(rs.getObject("decision_date", LocalDate.class))));
                });
        return rows;
    }

    private static List<Level> levelsDescending() {
        return List.of(Level.CENTRAL, Level.PROVINCE, Level.DISTRICT, Level.COMMUNE);
    }

    private static StatisticsQuery query(UnitRef unit, int year, Level level) {
        return new StatisticsQuery(unit.code(), year, year, false, level, null, StatisticsQuery.Boundary.CURRENT);
    }

    /** "130 mô hình lĩnh vực kinh tế, 63 mô hình lĩnh vực văn hóa – xã hội, …" for the fields with any. */
    private String fieldList(Map<String, Counts> byField, String count) {
        List<String> parts = new ArrayList<>();
        for (Field f : Field.values()) {
            long v = byField.get(f.name()).value(count);
            if (v > 0) {
                parts.add(t("statistics.annual.fieldCount", n(v), t("statistics.annual.fieldName." + f)));
            }
        }
        return parts.isEmpty() ? t("statistics.annual.none") : String.join(", ", parts);
    }

    private static void board(OfficialDocument.Builder b, String text) {
        if (text == null || text.isBlank()) {
            b.paragraph(ELLIPSIS);
            return;
        }
        for (String p : text.strip().split("\\R+")) {
            if (!p.isBlank()) {
                b.paragraph(p.strip());
            }
        }
    }

    private static String n(long v) {
        return new Fmt().number(v);
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
