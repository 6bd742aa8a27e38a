package vn.dvk.model;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.dvk.document.DocumentRenderer;
import vn.dvk.document.OfficialDocument;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitKind;
import vn.dvk.unit.UnitRef;

/**
 * The registration form of a model (Phiếu đăng ký mô hình "Dân vận khéo") as an administrative document: the
 * registering unit under its parent, the national motto (the Party's header for a Party body), addressed to the
 * steering committee of the level the model registers for; the registration's fields, the eight dossier sections
 * (a section not written says so), whether the dossier is complete, and the place for the unit head's signature.
 */
@Component
class RegistrationDocument {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ModelRegistry registry;
    private final UnitDirectory units;
    private final DocumentRenderer renderer;
    private final MessageSource messages;
    private final Clock clock;

    RegistrationDocument(
            ModelRegistry registry,
            UnitDirectory units,
            DocumentRenderer renderer,
            MessageSource messages,
            Clock clock) {
        this.registry = registry;
        this.units = units;
        this.renderer = renderer;
        this.messages = messages;
        this.clock = clock;
    }

    /** The form of a model the actor may read (404 otherwise, as reading the model), as an inline PDF answer. */
    ResponseEntity<byte[]> pdf(Actor actor, Long id) {
        byte[] pdf = renderer.pdf(document(registry.get(actor, id)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("phieu-dang-ky-" + id + ".pdf")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    OfficialDocument document(ModelView m) {
        UnitRef unit = units.byCode(m.unitCode()).orElseThrow();
        Fmt fmt = new Fmt();
        LocalDate date = m.submittedAt() == null
                ? LocalDate.now(clock)
                : m.submittedAt().atZone(Fmt.ZONE).toLocalDate();
        OfficialDocument.Builder b = OfficialDocument.builder()
                .style(unit.kind() == UnitKind.PARTY ? OfficialDocument.Style.PARTY : OfficialDocument.Style.STATE)
                .parentBody(
                        unit.parentId() == null
                                ? null
                                : units.byId(unit.parentId()).map(UnitRef::name).orElse(null))
                .issuer(unit.name())
                .place(DocumentRenderer.placeName(unit.name()))
                .date(date)
                .type("Phiếu đăng ký mô hình “Dân vận khéo”")
                .summary("Năm " + m.year() + " — đăng ký công nhận cấp "
                        + label("enum.Level." + m.level()).toLowerCase(VI))
                .addressee("Ban Chỉ đạo phong trào thi đua “Dân vận khéo” " + appraisingUnit(unit, m));
        b.heading("I. THÔNG TIN CHUNG");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Tên mô hình", m.title()));
        rows.add(List.of("Lĩnh vực", label("enum.Field." + m.field())));
        rows.add(List.of("Đơn vị đăng ký", unit.name()));
        rows.add(
                List.of("Chủ thể thực hiện", m.holderName() + " (" + label("enum.HolderType." + m.holderType()) + ")"));
        rows.add(List.of("Cấp đăng ký, năm", label("enum.Level." + m.level()) + ", năm " + m.year()));
        rows.add(List.of(
                "Nguồn gốc",
                label("enum.Origin." + m.origin())
                        + (m.replicatedFromId() == null ? "" : " (từ mô hình số " + m.replicatedFromId() + ")")));
        if (m.submittedAt() != null) {
            rows.add(List.of("Ngày gửi đăng ký", fmt.date(m.submittedAt())));
        }
        b.table(List.of("Nội dung", "Thông tin"), rows, 30, 70);
        if (m.summary() != null && !m.summary().isBlank()) {
            b.paragraph(m.summary());
        }
        b.heading("II. HỒ SƠ ĐĂNG KÝ");
        Dossier d = m.dossier();
        DossierSection[] sections = DossierSection.values();
        for (int i = 0; i < sections.length; i++) {
            String text = sections[i].of(d);
            b.heading((i + 1) + ". " + sections[i].label());
            b.paragraph(text == null || text.isBlank() ? "(Chưa có nội dung.)" : text);
        }
        b.paragraph(
                d.complete()
                        ? "Hồ sơ đầy đủ."
                        : "Hồ sơ chưa đầy đủ: thiếu "
                                + String.join(
                                        "; ",
                                        d.missing().stream()
                                                .map(s -> s.label().toLowerCase(VI))
                                                .toList()) + ".");
        b.signature("TM. " + unit.name(), "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên, đóng dấu)");
        b.recipient("Ban Chỉ đạo phong trào thi đua “Dân vận khéo” " + appraisingUnit(unit, m));
        return b.build();
    }

    /** The unit at the level the model registers for, above (or at) its own unit: whose board appraises it. */
    private String appraisingUnit(UnitRef unit, ModelView m) {
        List<Long> ids = unit.pathIds();
        Map<Long, UnitRef> above = units.byIds(ids);
        for (int i = ids.size() - 1; i >= 0; i--) {
            UnitRef u = above.get(ids.get(i));
            if (u != null && u.level() == m.level()) {
                return u.name();
            }
        }
        return "cấp " + label("enum.Level." + m.level()).toLowerCase(VI);
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, VI);
    }
}
