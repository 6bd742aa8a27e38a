package vn.dvk.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.Pfx;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Problems;

/**
 * An uploaded PKCS#12 file opened with its password: the private key and its certificate chain (the signer's first).
 * Every refusal names the request field it is about: {@code file} (not a PKCS#12, no private key, a key that cannot
 * sign, a certificate out of its validity or without the digital-signature usage) or {@code password}.
 */
record Pkcs12File(PrivateKey key, List<X509Certificate> chain) {

    /** The largest file taken: a certificate with its chain is a few kilobytes. */
    static final int MAX_BYTES = 64 * 1024;

    X509Certificate certificate() {
        return chain.get(0);
    }

    static Pkcs12File open(byte[] bytes, char[] password, Instant now) {
        if (bytes == null || bytes.length == 0) {
            throw new Problems.Invalid("file", "signing.file.required");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Problems.Invalid("file", "signing.file.tooLarge", MAX_BYTES / 1024);
        }
        try {
            Pfx.getInstance(ASN1Primitive.fromByteArray(bytes));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // a hostile file may nest its DER deep enough to exhaust the parser's stack: still not a PKCS#12
            throw new Problems.Invalid("file", "signing.file.notPkcs12");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            throw new Problems.Invalid("password", "signing.password.wrong");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Problems.Invalid("file", "signing.file.notPkcs12");
        }
        Pkcs12File found = null;
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)
                        && store.getKey(alias, password) instanceof PrivateKey key
                        && store.getCertificateChain(alias) != null) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    found = new Pkcs12File(key, List.copyOf(chain));
                    break;
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new Problems.Invalid("password", "signing.password.wrong");
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new Problems.Invalid("file", "signing.file.notPkcs12");
        }
        if (found == null) {
            throw new Problems.Invalid("file", "signing.file.noKey");
        }
        found.check(now);
        return found;
    }

    private void check(Instant now) {
        X509Certificate c = certificate();
        String algorithm = key.getAlgorithm();
        if (!"RSA".equals(algorithm) && !"EC".equals(algorithm)) {
            throw new Problems.Invalid("file", "signing.file.algorithm", algorithm);
        }
        try {
            c.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new Problems.Invalid("file", "signing.file.expired", day(c.getNotAfter()));
        } catch (CertificateNotYetValidException e) {
            throw new Problems.Invalid("file", "signing.file.notYetValid", day(c.getNotBefore()));
        }
        boolean[] usage = c.getKeyUsage();
        if (usage != null && !(usage[0] || usage[1])) {
            throw new Problems.Invalid("file", "signing.file.usage");
        }
        if (!c.getPublicKey().getAlgorithm().equals(algorithm)) {
            throw new Problems.Invalid("file", "signing.file.noKey");
        }
    }

    private static String day(Date date) {
        return date.toInstant().atZone(Fmt.ZONE).toLocalDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
