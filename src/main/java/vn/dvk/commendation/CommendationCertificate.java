package vn.dvk.commendation;

import org.springframework.stereotype.Component;
import vn.dvk.document.Certificate;
import vn.dvk.shared.Actor;
import vn.dvk.signing.DocumentSigning;
import vn.dvk.unit.UnitRef;

/**
 * The certificate of a commendation (Bằng khen / Giấy khen) as PDF, granted in the name of the issuing unit and signed
 * with its certificate when it has one.
 */
@Component
class CommendationCertificate {

    private final CommendationRegistry registry;
    private final DocumentSigning signing;

    CommendationCertificate(CommendationRegistry registry, DocumentSigning signing) {
        this.registry = registry;
        this.signing = signing;
    }

    byte[] pdf(Actor actor, Long id) {
        CommendationRegistry.CommendationView c = registry.get(actor, id);
        UnitRef issuer = registry.issuerOf(actor, id);
        String title = c.form() == CommendationForm.BANG_KHEN ? "Bằng khen" : "Giấy khen";
        return signing.certificate(
                issuer.id(),
                new Certificate(
                        issuer.name(),
                        title,
                        c.recipientName(),
                        c.reason(),
                        c.decisionNumber(),
                        c.decisionDate(),
                        null,
                        "TM. " + issuer.name(),
                        null));
    }
}
