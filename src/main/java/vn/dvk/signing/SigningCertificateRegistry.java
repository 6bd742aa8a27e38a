package vn.dvk.signing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The units' signing certificates: an administrator covering a unit uploads its PKCS#12 file (opened with the
 * password, which is then forgotten), replaces or removes it; every change is audited on the unit. The private key is
 * stored sealed ({@link KeySeal}) and opened only to sign ({@link #signerOf}).
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(SigningProperties.class)
class SigningCertificateRegistry {

    static final String AUDIT_SUBJECT = "SIGNING_CERTIFICATE";
    /** The state of a unit that has a certificate, in the trail (serials, up to 40 hex digits, go in the comment). */
    private static final String ACTIVE = "ACTIVE";

    private static final Logger log = LoggerFactory.getLogger(SigningCertificateRegistry.class);
    private static final int MAX_TEXT = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitDirectory units;
    private final AuditTrail audit;
    private final Clock clock;
    private final KeySeal seal;

    SigningCertificateRegistry(
            NamedParameterJdbcTemplate jdbc,
            UnitDirectory units,
            AuditTrail audit,
            Clock clock,
            SigningProperties properties) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.seal = new KeySeal(properties.secretKey());
    }

    /** The certificate's public facts, as the API answers them. */
    public record CertificateView(
            String subject,
            String issuer,
            String serialNumber,
            OffsetDateTime notBefore,
            OffsetDateTime notAfter,
            String signerName,
            String position) {}

    /** What signs for a unit: the opened key and chain, the signer's name and position. */
    record UnitSigner(PadesSigner.Signer signer, String position) {}

    /** Whether certificates can be uploaded at all: the sealing key is configured. */
    boolean configured() {
        return seal.configured();
    }

    /** The unit an administrator manages certificates of: visible (else 404), {@link SigningPolicy} (else 403). */
    UnitRef managed(Actor actor, String code) {
        UnitRef unit = units.visibleTo(actor, code);
        SigningPolicy.requireManager(actor, unit.path());
        return unit;
    }

    Optional<CertificateView> find(Actor actor, String code) {
        return view(managed(actor, code).id());
    }

    CertificateView get(Actor actor, String code) {
        return find(actor, code).orElseThrow(() -> new Problems.NotFound("signing.certificate.none"));
    }

    @Transactional
    CertificateView upload(Actor actor, String code, byte[] file, String password, String signerName, String position) {
        UnitRef unit = managed(actor, code);
        if (!seal.configured()) {
            throw new Problems.Conflict("signing.key.unset");
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(new Problems.FieldError("password", "validation.required"));
        }
        String name = trim(signerName);
        String pos = trim(position);
        if (name != null && name.length() > MAX_TEXT) {
            errors.add(new Problems.FieldError("signerName", "signing.text.tooLong", MAX_TEXT));
        }
        if (pos != null && pos.length() > MAX_TEXT) {
            errors.add(new Problems.FieldError("position", "signing.text.tooLong", MAX_TEXT));
        }
        if (file == null || file.length == 0) {
            errors.add(new Problems.FieldError("file", "signing.file.required"));
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        char[] secret = password.toCharArray();
        Pkcs12File p12;
        try {
            p12 = Pkcs12File.open(file, secret, clock.instant());
        } finally {
            Arrays.fill(secret, '\0');
        }
        X509Certificate cert = p12.certificate();
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        if (name == null) {
            name = PdfSignatures.commonName(subject);
            if (name.length() > MAX_TEXT) {
                throw new Problems.Invalid("signerName", "validation.required");
            }
        }
        byte[] plainKey = p12.key().getEncoded();
        byte[] sealed;
        try {
            sealed = seal.seal(plainKey, unit.id());
        } finally {
            Arrays.fill(plainKey, (byte) 0);
        }
        Optional<CertificateView> before = view(unit.id());
        MapSqlParameterSource p = new MapSqlParameterSource("unit", unit.id())
                .addValue("subject", cut(subject.toString(), 1000))
                .addValue(
                        "issuer",
                        cut(
                                X500Name.getInstance(
                                                cert.getIssuerX500Principal().getEncoded())
                                        .toString(),
                                1000))
                .addValue("serial", cut(cert.getSerialNumber().toString(16).toUpperCase(), 100))
                .addValue("notBefore", Timestamp.from(cert.getNotBefore().toInstant()))
                .addValue("notAfter", Timestamp.from(cert.getNotAfter().toInstant()))
                .addValue("name", name)
                .addValue("position", pos)
                .addValue("chain", pem(p12.chain()))
                .addValue("algorithm", p12.key().getAlgorithm())
                .addValue("sealed", sealed)
                .addValue("by", actor.username())
                .addValue("at", Timestamp.from(clock.instant()));
        jdbc.update("delete from signing_certificate where unit_id = :unit", p);
        jdbc.update(
                "insert into signing_certificate (unit_id, subject, issuer, serial_number, not_before, not_after,"
                        + " signer_name, signer_position, chain_pem, key_algorithm, sealed_key, uploaded_by, uploaded_at)"
                        + " values (:unit, :subject, :issuer, :serial, :notBefore, :notAfter, :name, :position, :chain,"
                        + " :algorithm, :sealed, :by, :at)",
                p);
        CertificateView after = view(unit.id()).orElseThrow();
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                unit.id(),
                before.isPresent() ? "SIGNING_CERT_REPLACE" : "SIGNING_CERT_UPLOAD",
                before.isPresent() ? ACTIVE : null,
                ACTIVE,
                unit.code() + ": serial " + after.serialNumber()
                        + before.map(b -> " (replaces serial " + b.serialNumber() + ")")
                                .orElse("") + ", "
                        + after.subject() + ", signer " + after.signerName(),
                unit.path());
        log.info(
                "Signing certificate of unit {} {} (serial {}) by user #{}",
                unit.code(),
                before.isPresent() ? "replaced" : "uploaded",
                after.serialNumber(),
                actor.userId());
        return after;
    }

    @Transactional
    void remove(Actor actor, String code) {
        UnitRef unit = managed(actor, code);
        CertificateView before = view(unit.id()).orElseThrow(() -> new Problems.NotFound("signing.certificate.none"));
        jdbc.update(
                "delete from signing_certificate where unit_id = :unit", new MapSqlParameterSource("unit", unit.id()));
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                unit.id(),
                "SIGNING_CERT_REMOVE",
                ACTIVE,
                null,
                unit.code() + ": serial " + before.serialNumber() + ", " + before.subject(),
                unit.path());
    }

    /**
     * The opened signer of a unit, when it has a certificate that can sign now; empty (and a warning in the log) when
     * the key is not configured or does not open the stored key, or the certificate is not valid today.
     */
    Optional<UnitSigner> signerOf(Long unitId) {
        List<Row> rows = jdbc.query(
                "select * from signing_certificate where unit_id = :unit",
                new MapSqlParameterSource("unit", unitId),
                (rs, i) -> new Row(
                        rs.getString("signer_name"),
                        rs.getString("signer_position"),
                        rs.getString("chain_pem"),
                        rs.getString("key_algorithm"),
                        rs.getBytes("sealed_key"),
                        rs.getString("serial_number")));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        if (!seal.configured()) {
            log.warn(
                    "Unit #{} has a signing certificate but dvk.signing.key is not set: documents stay unsigned",
                    unitId);
            return Optional.empty();
        }
        byte[] plain = null;
        try {
            plain = seal.open(row.sealed(), unitId);
            PrivateKey key = KeyFactory.getInstance(row.algorithm()).generatePrivate(new PKCS8EncodedKeySpec(plain));
            List<X509Certificate> chain = chain(row.chain());
            chain.get(0).checkValidity(Date.from(clock.instant()));
            return Optional.of(new UnitSigner(
                    new PadesSigner.Signer(key, chain, row.name(), "Ký ban hành văn bản", null), row.position()));
        } catch (CertificateException e) {
            log.warn(
                    "The signing certificate of unit #{} (serial {}) is not valid now: documents stay unsigned",
                    unitId,
                    row.serial());
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            log.warn(
                    "The signing key of unit #{} (serial {}) does not open with dvk.signing.key: documents stay"
                            + " unsigned",
                    unitId,
                    row.serial());
            return Optional.empty();
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private record Row(String name, String position, String chain, String algorithm, byte[] sealed, String serial) {}

    private Optional<CertificateView> view(Long unitId) {
        return jdbc
                .query(
                        "select subject, issuer, serial_number, not_before, not_after, signer_name, signer_position"
                                + " from signing_certificate where unit_id = :unit",
                        new MapSqlParameterSource("unit", unitId),
                        (rs, i) -> new CertificateView(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                offset(rs.getTimestamp(4)),
                                offset(rs.getTimestamp(5)),
                                rs.getString(6),
                                rs.getString(7)))
                .stream()
                .findFirst();
    }

    private static OffsetDateTime offset(Timestamp t) {
        return t.toInstant().atZone(Fmt.ZONE).toOffsetDateTime();
    }

    private static String pem(List<X509Certificate> chain) {
        StringBuilder out = new StringBuilder();
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        try {
            for (X509Certificate c : chain) {
                out.append("-----BEGIN CERTIFICATE-----\n")
                        .append(b64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (CertificateEncodingException e) {
            throw new Problems.Invalid("file", "signing.file.notPkcs12");
        }
        return out.toString();
    }

    private static List<X509Certificate> chain(String pem) throws CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Now, for callers that stamp what they sign. */
    Instant now() {
        return clock.instant();
    }
}
