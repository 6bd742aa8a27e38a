package vn.dvk.inspection;

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

/**
 * The inspection's document in the Party format (Hướng dẫn 36): "BIÊN BẢN kiểm tra" while the inspection is
 * open, "BÁO CÁO kết quả kiểm tra" once concluded — findings per model, conclusion, follow-ups and answers.
 */
@Component
public class InspectionReport {

    private final InspectionRegistry registry;
    private final DocumentRenderer renderer;
    private final Clock clock;

    InspectionReport(InspectionRegistry registry, DocumentRenderer renderer, Clock clock) {
        this.registry = registry;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** The PDF of an inspection the actor may see. */
    public byte[] pdf(Actor actor, Long id) {
        return renderer.pdf(document(registry.get(actor, id)));
    }

    OfficialDocument document(InspectionRegistry.InspectionView v) {
        Fmt fmt = new Fmt();
        boolean concluded = v.status() == InspectionStatus.CONCLUDED;
        LocalDate date = concluded ? v.concludedAt().atZone(Fmt.ZONE).toLocalDate() : LocalDate.now(clock);
        OfficialDocument.Builder b = OfficialDocument.builder()
                .style(OfficialDocument.Style.PARTY)
                .parentBody(v.inspectingUnitName())
                .issuer("Đoàn kiểm tra “Dân vận khéo”")
                .number(v.id() + (concluded ? "-BC/ĐKT" : "-BB/ĐKT"))
                .place(v.inspectingUnitName())
                .date(date)
                .type(concluded ? "Báo cáo" : "Biên bản")
                .summary((concluded ? "Kết quả kiểm tra" : "Kiểm tra") + " mô hình “Dân vận khéo” tại "
                        + v.inspectedUnitName());
        b.paragraph("Thực hiện kế hoạch kiểm tra của Ban Chỉ đạo phong trào thi đua “Dân vận khéo”, ngày "
                + fmt.date(v.plannedOn()) + " Đoàn kiểm tra gồm: " + String.join(", ", v.members())
                + " đã kiểm tra " + v.models().size() + " mô hình “Dân vận khéo” tại " + v.inspectedUnitName()
                + ". Nội dung kiểm tra: " + v.purpose());
        b.heading("I. KẾT QUẢ KIỂM TRA TỪNG MÔ HÌNH");
        List<List<String>> rows = new ArrayList<>();
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        int n = 1;
        for (InspectionRegistry.ModelEntry m : v.models()) {
            if (m.findings().isEmpty()) {
                rows.add(List.of(String.valueOf(n), m.title(), "—", "Chưa ghi nhận", ""));
            }
            for (InspectionRegistry.FindingView f : m.findings()) {
                counts.merge(f.verdict(), 1, Integer::sum);
                rows.add(List.of(
                        String.valueOf(n),
                        m.title(),
                        f.criterion(),
                        f.verdict().label(),
                        f.notes() == null ? "" : f.notes()));
            }
            n++;
        }
        b.table(List.of("STT", "Mô hình", "Tiêu chí", "Đánh giá", "Ghi chú"), rows, 7, 27, 26, 13, 27);
        b.paragraph("Tổng hợp các nội dung đánh giá: đạt " + counts.getOrDefault(Verdict.MEETS, 0) + "; đạt một phần "
                + counts.getOrDefault(Verdict.PARTLY, 0) + "; chưa đạt " + counts.getOrDefault(Verdict.DOES_NOT_MEET, 0)
                + ".");
        b.heading("II. KẾT LUẬN");
        b.paragraph(concluded ? v.conclusion() : "Đoàn kiểm tra chưa kết luận.");
        b.heading("III. YÊU CẦU KHẮC PHỤC");
        if (v.followUps().isEmpty()) {
            b.paragraph("Không có yêu cầu khắc phục.");
        } else {
            List<List<String>> fu = new ArrayList<>();
            int k = 1;
            for (InspectionRegistry.FollowUpView f : v.followUps()) {
                fu.add(List.of(
                        String.valueOf(k++),
                        f.request(),
                        f.modelTitle() == null ? "Chung" : f.modelTitle(),
                        fmt.date(f.dueOn()),
                        f.answer() == null ? "Chưa trả lời" : f.answer()));
            }
            b.table(
                    List.of("STT", "Nội dung yêu cầu", "Mô hình", "Thời hạn", "Trả lời của đơn vị"),
                    fu,
                    7,
                    30,
                    22,
                    14,
                    27);
        }
        b.signature("TM. Đoàn kiểm tra", "Trưởng đoàn", v.members().get(0));
        b.recipient(v.inspectedUnitName());
        b.recipient("Ban Chỉ đạo phong trào thi đua “Dân vận khéo” " + v.inspectingUnitName());
        return b.build();
    }
}
