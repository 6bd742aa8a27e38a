package vn.dvk.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import vn.dvk.shared.Problems;

/**
 * Reads the signatures of a PDF and checks each: the CMS signature against the bytes of its byte range
 * ({@code intact} also needs nothing added after it, unless a later intact signature covers the addition), whether
 * its range reaches the end of the file, and whether the signer's certificate was valid at the claimed signing time.
 * Trust in the certificate's issuer is not judged here.
 */
final class PdfSignatures {

    private PdfSignatures() {}

    /** One signature of the file. */
    record Found(
            String signerName,
            String subject,
            Instant signingTime,
            boolean coversWholeDocument,
            boolean intact,
            boolean certificateValidAtSigning) {}

    /** The result: whether the file holds a signature, and each signature in the order of its byte range. */
    record Report(boolean signed, List<Found> signatures) {}

    private record Checked(long end, Found found, boolean valid) {}

    static Report verify(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new Problems.Invalid("file", "signing.verify.file.required");
        }
        if (!startsLikePdf(pdf)) {
            throw new Problems.Invalid("file", "signing.verify.notPdf");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Checked> checked = new ArrayList<>();
            for (PDSignature signature : doc.getSignatureDictionaries()) {
                checked.add(check(signature, pdf));
            }
            checked.sort(Comparator.comparingLong(Checked::end));
            List<Found> found = new ArrayList<>();
            boolean laterIntact = false;
            for (int i = checked.size() - 1; i >= 0; i--) {
                Checked c = checked.get(i);
                boolean intact = c.valid() && (c.found().coversWholeDocument() || laterIntact);
                laterIntact = intact;
                Found f = c.found();
                found.add(
                        0,
                        new Found(
                                f.signerName(),
                                f.subject(),
                                f.signingTime(),
                                f.coversWholeDocument(),
                                intact,
                                f.certificateValidAtSigning()));
            }
            return new Report(!found.isEmpty(), found);
        } catch (Problems.Invalid e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // whatever PDFBox cannot read, including structures nested deep enough to exhaust its stack
            throw new Problems.Invalid("file", "signing.verify.notPdf");
        }
    }

    private static boolean startsLikePdf(byte[] pdf) {
        String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private static Checked check(PDSignature signature, byte[] pdf) {
        int[] range = signature.getByteRange();
        Instant time =
                signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        boolean whole = range != null && range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
        long end = range != null && range.length == 4 ? (long) range[2] + range[3] : 0;
        String subject = null;
        String name = signature.getName();
        boolean valid = false;
        boolean validAtSigning = false;
        try {
            byte[] contents = signature.getContents(pdf);
            byte[] signed = signature.getSignedContent(pdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
            SignerInformation signer =
                    cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (!matches.isEmpty()) {
                X509CertificateHolder holder = matches.iterator().next();
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
                subject = holder.getSubject().toString();
                if (name == null || name.isBlank()) {
                    name = commonName(holder.getSubject());
                }
                validAtSigning = time != null && validAt(certificate, time);
                try {
                    valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
                } catch (CMSException e) {
                    valid = false;
                }
            }
        } catch (IOException | RuntimeException | CMSException | OperatorCreationException | CertificateException e) {
            valid = false;
        }
        return new Checked(end, new Found(name, subject, time, whole, valid, validAtSigning), valid);
    }

    private static boolean validAt(X509Certificate certificate, Instant time) {
        try {
            certificate.checkValidity(Date.from(time));
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    /** The CN of a distinguished name, or the whole name when it has none. */
    static String commonName(X500Name name) {
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0
                ? name.toString()
                : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
