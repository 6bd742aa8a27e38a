package vn.dvk.recognition.round;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dvk.document.DocumentRenderer;
import vn.dvk.document.OfficialDocument;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitKind;
import vn.dvk.unit.UnitRef;

/**
 * The minutes of the count of a ballot round (Biên bản kiểm phiếu) as an administrative document, in the format of
 * the round's decision (Party or state): the round, the voting days, the members sitting and voting, the rule of the
 * count, one row per nominee with its counts and outcome, and the signatures of the vote counter and the chair.
 * Only counts appear, never who voted how. Dated the day it is drawn up, or the decision's day once decided.
 */
@Component
class BallotMinutesDocument {

    private final Councils councils;
    private final UnitDirectory units;
    private final DocumentRenderer renderer;
    private final Fmt fmt;
    private final Clock clock;

    BallotMinutesDocument(Councils councils, UnitDirectory units, DocumentRenderer renderer, Fmt fmt, Clock clock) {
        this.councils = councils;
        this.units = units;
        this.renderer = renderer;
        this.fmt = fmt;
        this.clock = clock;
    }

    byte[] pdf(Actor actor, Long roundId) {
        return renderer.pdf(document(actor, roundId));
    }

    OfficialDocument document(Actor actor, Long roundId) {
        CouncilBallots.BallotResults count = councils.ballotResults(actor, roundId);
        Round round = councils.visibleRound(actor, roundId);
        UnitRef unit = units.byId(round.getUnitId()).orElseThrow();
        String level = Councils.levelName(round.getLevel());
        String council = "Hội đồng xét công nhận mô hình \"Dân vận khéo\" cấp " + level + " năm " + round.getYear();
        LocalDate date = round.isDecided() ? round.getDecisionDate() : LocalDate.now(clock);
        boolean party = unit.kind() == UnitKind.PARTY || unit.kind() == UnitKind.AREA;
        List<List<String>> rows = new ArrayList<>();
        Map<BallotCount.Outcome, List<String>> byOutcome = new EnumMap<>(BallotCount.Outcome.class);
        for (int i = 0; i < count.nominees().size(); i++) {
            CouncilBallots.NomineeResult n = count.nominees().get(i);
            byOutcome.computeIfAbsent(n.outcome(), o -> new ArrayList<>()).add(n.modelTitle());
            rows.add(List.of(
                    String.valueOf(i + 1),
                    n.modelTitle() + " (" + n.unitName() + ")",
                    String.valueOf(n.eligible()),
                    String.valueOf(n.voting()),
                    String.valueOf(n.agree()),
                    String.valueOf(n.disagree()),
                    String.valueOf(n.notVoted()),
                    outcome(n.outcome())));
        }
        OfficialDocument.Builder doc = OfficialDocument.builder()
                .style(party ? OfficialDocument.Style.PARTY : OfficialDocument.Style.STATE)
                .parentBody(round.getIssuerBody() != null ? round.getIssuerBody() : unit.name())
                .issuer("Hội đồng xét công nhận")
                .place(DocumentRenderer.placeName(unit.name()))
                .date(date)
                .type("Biên bản")
                .summary("Kiểm phiếu xét công nhận mô hình \"Dân vận khéo\" cấp " + level + " năm " + round.getYear())
                .paragraph("Đợt xét: " + round.getTitle() + "; thời gian bỏ phiếu từ ngày "
                        + fmt.date(round.getOpensOn()) + " đến ngày " + fmt.date(round.getClosesOn()) + ".")
                .paragraph(council + " có " + count.members() + " thành viên; " + count.membersVoted()
                        + " thành viên đã tham gia bỏ phiếu. Hình thức: bỏ phiếu kín, mỗi thành viên được phân công"
                        + " bỏ một phiếu đồng ý hoặc không đồng ý cho mỗi mô hình.")
                .paragraph("Nguyên tắc: mô hình đạt khi tỷ lệ phiếu đồng ý trên số thành viên bỏ phiếu bằng hoặc cao"
                        + " hơn tỷ lệ quy định (" + count.passShare() + ") và có ít nhất " + count.quorum()
                        + " thành viên bỏ phiếu; không đủ số thành viên bỏ phiếu thì chưa thể kết luận.")
                .heading("KẾT QUẢ KIỂM PHIẾU")
                .table(
                        List.of(
                                "STT",
                                "Mô hình (đơn vị)",
                                "Thành viên",
                                "Bỏ phiếu",
                                "Đồng ý",
                                "Không đồng ý",
                                "Chưa bỏ phiếu",
                                "Kết quả"),
                        rows,
                        8,
                        32,
                        10,
                        9,
                        9,
                        10,
                        10,
                        12)
                .heading("KẾT LUẬN");
        for (BallotCount.Outcome o : BallotCount.Outcome.values()) {
            List<String> titles = byOutcome.getOrDefault(o, List.of());
            if (!titles.isEmpty()) {
                doc.paragraph(outcome(o) + " (" + titles.size() + " mô hình): " + String.join("; ", titles) + ".");
            }
        }
        return doc.paragraph("Có "
                        + byOutcome
                                .getOrDefault(BallotCount.Outcome.PASSED, List.of())
                                .size() + "/"
                        + count.nominees().size() + " mô hình đạt. Biên bản ghi số phiếu, không ghi ý kiến của từng"
                        + " thành viên.")
                .countersignature(null, "Người kiểm phiếu", "")
                .signature("TM. Hội đồng", "Chủ tịch Hội đồng", "")
                .build();
    }

    /** The outcome as the minutes write it. */
    static String outcome(BallotCount.Outcome o) {
        return switch (o) {
            case PASSED -> "Đạt";
            case FAILED -> "Không đạt";
            case NO_QUORUM -> "Không đủ số thành viên, chưa thể kết luận";
        };
    }
}
