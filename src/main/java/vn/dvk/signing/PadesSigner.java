package vn.dvk.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.dvk.shared.Fmt;

/**
 * Signs PDF bytes with PAdES baseline B-B: an incremental update (the original bytes stay as they are) adding an
 * invisible signature field whose value is a detached CMS signature ({@code ETSI.CAdES.detached}) with the signed
 * attributes content-type, message-digest and ESS signing-certificate-v2, and without signing-time (the claimed time
 * is the signature dictionary's {@code /M}, as PAdES requires).
 */
final class PadesSigner {

    /** Room reserved for the CMS signature in the file: enough for a 4096-bit RSA signature and a chain of three. */
    private static final int SIGNATURE_SIZE = 24 * 1024;

    private PadesSigner() {}

    /** What signs: the key, its chain (the signer's certificate first), and the texts of the signature dictionary. */
    record Signer(PrivateKey key, List<X509Certificate> chain, String name, String reason, String location) {}

    static byte[] sign(byte[] pdf, Signer signer, Instant at) {
        try (PDDocument doc = Loader.loadPDF(pdf);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setName(signer.name());
            signature.setReason(signer.reason());
            signature.setLocation(signer.location());
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone(Fmt.ZONE));
            when.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent(), signer));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detached CMS SignedData of the content (the PDF's signed byte range). */
    static byte[] cms(InputStream content, Signer signer) throws IOException {
        try {
            X509Certificate certificate = signer.chain().get(0);
            X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
            String algorithm = "EC".equals(signer.key().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(signer.key());
            ESSCertIDv2 certId = new ESSCertIDv2(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()),
                    new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber()));
            ASN1EncodableVector extra = new ASN1EncodableVector();
            extra.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            DefaultSignedAttributeTableGenerator standard =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
            CMSAttributeTableGenerator withoutSigningTime =
                    parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(withoutSigningTime)
                            .build(contentSigner, holder));
            generator.addCertificates(new JcaCertStore(signer.chain()));
            return generator
                    .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot sign: " + e.getMessage(), e);
        }
    }
}
