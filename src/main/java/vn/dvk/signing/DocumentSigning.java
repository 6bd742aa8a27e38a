package vn.dvk.signing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import vn.dvk.document.Certificate;
import vn.dvk.document.DocumentRenderer;
import vn.dvk.document.OfficialDocument;
import vn.dvk.document.SignatureStamp;
import vn.dvk.shared.Fmt;

/**
 * Renders the documents a unit issues and signs them with the unit's certificate when it has one that can sign
 * (PAdES B-B, the visible mark in the signature block); without one, the PDF is exactly what
 * {@link DocumentRenderer} makes.
 */
@Service
public class DocumentSigning {

    private final DocumentRenderer renderer;
    private final SigningCertificateRegistry certificates;

    DocumentSigning(DocumentRenderer renderer, SigningCertificateRegistry certificates) {
        this.renderer = renderer;
        this.certificates = certificates;
    }

    /** An administrative document (decision, report) issued by the unit {@code issuingUnitId}. */
    public byte[] pdf(Long issuingUnitId, OfficialDocument document) {
        return signed(issuingUnitId, stamp -> renderer.pdf(document, stamp));
    }

    /** A certificate of merit granted in the name of the unit {@code issuingUnitId}. */
    public byte[] certificate(Long issuingUnitId, Certificate certificate) {
        return signed(issuingUnitId, stamp -> renderer.certificate(certificate, stamp));
    }

    private byte[] signed(Long unitId, Function<SignatureStamp, byte[]> render) {
        Optional<SigningCertificateRegistry.UnitSigner> signer =
                unitId == null ? Optional.empty() : certificates.signerOf(unitId);
        if (signer.isEmpty()) {
            return render.apply(null);
        }
        Instant now = certificates.now();
        SignatureStamp stamp = new SignatureStamp(
                signer.get().signer().name(),
                signer.get().position(),
                LocalDateTime.ofInstant(now, Fmt.ZONE).truncatedTo(ChronoUnit.MINUTES));
        return PadesSigner.sign(render.apply(stamp), signer.get().signer(), now);
    }
}
