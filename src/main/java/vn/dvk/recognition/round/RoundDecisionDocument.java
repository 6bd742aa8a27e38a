package vn.dvk.recognition.round;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dvk.document.DocumentRenderer;
import vn.dvk.document.OfficialDocument;
import vn.dvk.recognition.criteria.CriteriaSet;
import vn.dvk.recognition.proposal.ProposalStatus;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Problems;
import vn.dvk.signing.DocumentSigning;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitKind;
import vn.dvk.unit.UnitRef;

/**
 * The decision of a round (Quyết định công nhận) as an administrative document: the Party format for Party
 * bodies and areas' steering committees (kind PARTY or AREA), the state format for the others; the basis
 * names the criteria set's guidance document; Điều 1 lists the recognized models.
 */
@Component
class RoundDecisionDocument {

    private final Councils councils;
    private final CouncilBallots ballots;
    private final UnitDirectory units;
    private final DocumentSigning signing;
    private final Fmt fmt;

    RoundDecisionDocument(
            Councils councils, CouncilBallots ballots, UnitDirectory units, DocumentSigning signing, Fmt fmt) {
        this.councils = councils;
        this.ballots = ballots;
        this.fmt = fmt;
        this.units = units;
        this.signing = signing;
    }

    /** The decision as PDF, signed with the round's unit's certificate when it has one. */
    byte[] pdf(Actor actor, Long roundId) {
        OfficialDocument document = document(actor, roundId);
        return signing.pdf(councils.visibleRound(actor, roundId).getUnitId(), document);
    }

    OfficialDocument document(Actor actor, Long roundId) {
        Round round = councils.visibleRound(actor, roundId);
        if (!round.isDecided()) {
            throw new Problems.NotFound("round.decision.none");
        }
        UnitRef unit = units.byId(round.getUnitId()).orElseThrow();
        CriteriaSet set = councils.criteriaOf(round);
        UnitRef setIssuer = units.byId(set.getUnitId()).orElse(unit);
        List<Councils.ResultRow> recognized = councils.results(round).stream()
                .filter(r -> r.status() == ProposalStatus.RECOGNIZED)
                .toList();
        String level = Councils.levelName(round.getLevel());
        String issuer = round.getIssuerBody() != null ? round.getIssuerBody() : unit.name();
        boolean party = unit.kind() == UnitKind.PARTY || unit.kind() == UnitKind.AREA;
        List<List<String>> rows = new ArrayList<>();
        Map<Long, CouncilBallots.NomineeResult> votes = new HashMap<>();
        if (round.isBallot()) {
            ballots.count(round).nominees().forEach(n -> votes.put(n.proposalId(), n));
        }
        for (int i = 0; i < recognized.size(); i++) {
            Councils.ResultRow r = recognized.get(i);
            CouncilBallots.NomineeResult n = votes.get(r.proposalId());
            rows.add(List.of(
                    String.valueOf(i + 1),
                    r.modelTitle(),
                    r.unitName(),
                    n != null
                            ? n.agree() + "/" + n.voting()
                            : fmt.number(
                                    round.getBasis() == CouncilScoring.Basis.MEAN ? r.mean() : r.normalisedMean())));
        }
        return OfficialDocument.builder()
                .style(party ? OfficialDocument.Style.PARTY : OfficialDocument.Style.STATE)
                .parentBody(round.getParentBody())
                .issuer(issuer)
                .number(round.getDecisionNumber())
                .place(DocumentRenderer.placeName(unit.name()))
                .date(round.getDecisionDate())
                .type("Quyết định")
                .summary("Về việc công nhận mô hình \"Dân vận khéo\" cấp " + level + " năm " + round.getYear())
                .basis("Căn cứ " + set.getDocTitle() + " số " + set.getDocNumber() + " ngày "
                        + fmt.date(set.getDocDate()) + " của " + setIssuer.name()
                        + " (" + set.getName() + ")")
                .basis("Căn cứ kết quả " + (round.isBallot() ? "bỏ phiếu" : "chấm điểm") + " của Hội đồng "
                        + lowerFirst(round.getTitle()))
                .basis("Xét đề nghị của Hội đồng xét công nhận mô hình \"Dân vận khéo\" cấp " + level)
                .article(
                        "Điều 1.",
                        "Công nhận " + recognized.size() + " mô hình \"Dân vận khéo\" cấp " + level + " năm "
                                + round.getYear() + " (có danh sách kèm theo):")
                .table(
                        List.of("STT", "Tên mô hình", "Đơn vị thực hiện", round.isBallot() ? "Phiếu đồng ý" : "Điểm"),
                        rows,
                        8,
                        52,
                        28,
                        12)
                .article(
                        "Điều 2.",
                        "Các tập thể, cá nhân có mô hình được công nhận tiếp tục duy trì, phát huy hiệu"
                                + " quả và nhân rộng mô hình; định kỳ báo cáo kết quả thực hiện.")
                .article(
                        "Điều 3.",
                        "Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị có liên quan và"
                                + " các tập thể, cá nhân có mô hình tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
                .signature("TM. " + issuer, "Trưởng ban", round.getDecisionSigner())
                .recipient("Như Điều 3")
                .recipient("Thành viên Hội đồng xét công nhận")
                .build();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
