package vn.dvk.commendation;

import org.springframework.stereotype.Component;
import vn.dvk.document.Certificate;
import vn.dvk.document.DocumentRenderer;
import vn.dvk.shared.Actor;
import vn.dvk.unit.UnitRef;

/** The certificate of a commendation (Bằng khen / Giấy khen) as PDF, granted in the name of the issuing unit. */
@Component
class CommendationCertificate {

    private final CommendationRegistry registry;
    private final DocumentRenderer renderer;

    CommendationCertificate(CommendationRegistry registry, DocumentRenderer renderer) {
        this.registry = registry;
        this.renderer = renderer;
    }

    byte[] pdf(Actor actor, Long id) {
        CommendationRegistry.CommendationView c = registry.get(actor, id);
        UnitRef issuer = registry.issuerOf(actor, id);
        String title = c.form() == CommendationForm.BANG_KHEN ? "Bằng khen" : "Giấy khen";
        return renderer.certificate(new Certificate(issuer.name(), title, c.recipientName(), c.reason(),
                c.decisionNumber(), c.decisionDate(), null, "TM. " + issuer.name(), null));
    }
}
