package vn.dvk.signing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Throw-away signing certificates for tests: self-signed, made with Bouncy Castle, packed as PKCS#12. */
public final class TestCertificates {

    public static final String PASSWORD = "p12-Mat-khau-2026";

    private TestCertificates() {}

    /** A key and its certificate, and the PKCS#12 file holding both under {@link #PASSWORD}. */
    public record Issued(KeyPair keys, X509Certificate certificate, byte[] p12) {}

    /** RSA 2048, digitalSignature and nonRepudiation usage, valid from yesterday for a year; serials are 20 bytes. */
    public static Issued rsa(String commonName) {
        return make(
                commonName,
                "RSA",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    /** EC P-256, digitalSignature usage, valid now. */
    static Issued ec(String commonName) {
        return make(
                commonName,
                "EC",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)),
                KeyUsage.digitalSignature);
    }

    /** Expired ten days ago. */
    static Issued expired(String commonName) {
        return make(
                commonName,
                "RSA",
                Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(10)),
                KeyUsage.digitalSignature);
    }

    /** Valid now, but only for encipherment. */
    static Issued encipherOnly(String commonName) {
        return make(
                commonName,
                "RSA",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)),
                KeyUsage.keyEncipherment);
    }

    static Issued make(String commonName, String algorithm, Instant from, Instant to, int usage) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            KeyPair keys = g.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName + ", O=Ban Dân vận, C=VN");
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    name,
                    new BigInteger(159, new SecureRandom()).setBit(152),
                    Date.from(from),
                    Date.from(to),
                    name,
                    keys.getPublic());
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(
                            new JcaContentSignerBuilder(algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                                    .build(keys.getPrivate())));
            KeyStore p12 = KeyStore.getInstance("PKCS12");
            p12.load(null, null);
            p12.setKeyEntry("signer", keys.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[] {cert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p12.store(out, PASSWORD.toCharArray());
            return new Issued(keys, cert, out.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 file with a certificate only (no private key). */
    static byte[] certificateOnly(X509Certificate cert) {
        try {
            KeyStore p12 = KeyStore.getInstance("PKCS12");
            p12.load(null, null);
            p12.setCertificateEntry("ca", cert);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p12.store(out, PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
