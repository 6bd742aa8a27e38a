package vn.dvk.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/** Users, sign-in and API tokens. */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(TokenProperties.class)
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user as lists show it. */
    public record UserSummary(
            Long id,
            String username,
            String fullName,
            String unitCode,
            String unitName,
            Set<Role> roles,
            boolean enabled,
            String email) {}

    /** Whom a notice goes to, as it stands now: its e-mail address (null when none) and whether it may still sign in. */
    public record Recipient(Long id, String username, String fullName, String email, boolean enabled) {}

    /** A freshly issued bearer token; the raw value is never stored. */
    public record IssuedToken(String token, Instant expiresAt) {}

    private final Users users;
    private final ApiTokens tokens;
    private final UnitDirectory units;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration tokenTtl;
    /** A hash of no one's password, checked when no user has the name typed (made at the first such sign-in). */
    private volatile String dummyHash;

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PasswordPolicy passwordPolicy;
    private final Counter badCredentials;
    private final Counter throttled;
    private final TokenHolders holders;

    Accounts(
            Users users,
            ApiTokens tokens,
            UnitDirectory units,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            AuditTrail audit,
            Clock clock,
            TokenProperties settings,
            FindByIndexNameSessionRepository<? extends Session> sessions,
            PasswordPolicy passwordPolicy,
            MeterRegistry meters,
            TokenHolders holders) {
        this.holders = holders;
        this.badCredentials = signInFailures(meters, "bad_credentials");
        this.throttled = signInFailures(meters, "throttled");
        this.sessions = sessions;
        this.passwordPolicy = passwordPolicy;
        this.users = users;
        this.tokens = tokens;
        this.units = units;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.tokenTtl = settings.tokenTtl();
    }

    /**
     * The hash an unknown username's password is checked against, so that a refusal takes as long whether the user
     * exists or not. Made at the first such sign-in rather than at start-up, where hashing with Argon2 took 0.3 s of
     * the start (docs/PERFORMANCE.md, seventh round); that one refusal takes twice as long.
     */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                hash = dummyHash;
                if (hash == null) {
                    hash = passwords.encode("timing-equaliser-" + RANDOM.nextLong());
                    dummyHash = hash;
                }
            }
        }
        return hash;
    }

    /** {@code dvk.signin.failures}: refused sign-ins (pages and API), by reason. */
    private static Counter signInFailures(MeterRegistry meters, String reason) {
        return Counter.builder("dvk.signin.failures")
                .description("Refused sign-ins, pages and API: wrong username or password, or throttled")
                .tag("reason", reason)
                .register(meters);
    }

    /** Where a sign-in or sign-out was made, as the audit trail names it. */
    enum Channel {
        /** The sign-in page: a session. */
        PAGE,
        /** The API: a bearer token. */
        API
    }

    /** Subject type of the sign-in entries of the audit trail; subject id 0 when no user has the username typed. */
    static final String AUDIT_SUBJECT = "USER";

    /** Checks a username and password as the API does, honouring the throttle; see the other {@code authenticate}. */
    @Transactional(noRollbackFor = SignInRefused.class)
    public CurrentUser authenticate(String username, String password, String address) {
        return authenticate(username, password, address, Channel.API);
    }

    /**
     * Checks a username and password, honouring the throttle; the same for pages and API. The sign-in, or its refusal,
     * goes to the audit trail (a refusal by the throttle once per window and limit); a refusal commits what it
     * recorded and then throws {@link SignInRefused}.
     */
    @Transactional(noRollbackFor = SignInRefused.class)
    CurrentUser authenticate(String username, String password, String address, Channel channel) {
        if (!wellFormed(username) || !wellFormed(password)) {
            // a lone surrogate is no one's name or password, and cannot even be encoded to be looked up or hashed
            username = null;
            password = null;
        }
        String name = username == null ? "" : username.trim();
        long wait = throttle.retryAfterSeconds(name, address);
        if (wait > 0) {
            log.warn("Sign-in throttled for a user from {}", safe(address));
            throttled.increment();
            if (throttle.firstRefusal(name, address)) {
                refused(name.isEmpty() ? Optional.empty() : users.findByUsername(name), "THROTTLED", channel, address);
            }
            throw new SignInRefused("throttled", wait);
        }
        Optional<User> found = name.isEmpty() ? Optional.empty() : users.findByUsername(name);
        boolean ok;
        if (found.isPresent()) {
            ok = password != null && passwords.matches(password, found.get().getPasswordHash());
        } else {
            passwords.matches(password == null ? "" : password, dummyHash());
            ok = false;
        }
        if (!ok || !found.get().isEnabled()) {
            throttle.failed(name, address);
            log.warn(
                    "Failed sign-in for {} from {}",
                    found.map(u -> "user #" + u.getId()).orElse("an unknown username"),
                    safe(address));
            badCredentials.increment();
            refused(found, found.isEmpty() ? "UNKNOWN_USER" : ok ? "DISABLED" : "BAD_PASSWORD", channel, address);
            throw new SignInRefused("bad credentials", 0);
        }
        throttle.succeeded(name);
        User user = found.get();
        log.info("Signed in: user #{} from {}", user.getId(), safe(address));
        audit.recordAccess(user.getUsername(), AUDIT_SUBJECT, user.getId(), "SIGN_IN", null, where(channel, address));
        return principal(user);
    }

    /**
     * A single sign-on: the provider vouched for the account {@code claimValue}; the DVK user it names (by
     * {@code directory}) signs in with DVK's own roles and unit. A sign-in or a refusal (no such user, or disabled) goes
     * to the audit trail as {@code sso <provider> from <address>}; a refusal commits it and throws {@link SsoRefused}.
     */
    @Transactional(noRollbackFor = SsoRefused.class)
    CurrentUser signInVia(String provider, SsoDirectory directory, String claimValue, String address) {
        String where = "sso " + safe(provider) + " from " + safe(address);
        Optional<User> found = claimValue == null || claimValue.isBlank() || !wellFormed(claimValue)
                ? Optional.empty()
                : directory.find(claimValue);
        if (found.isEmpty() || !found.get().isEnabled()) {
            log.warn(
                    "Single sign-on through {} refused for {} from {}",
                    safe(provider),
                    found.map(u -> "user #" + u.getId()).orElse("an account of no DVK user"),
                    safe(address));
            audit.recordAccess(
                    "anonymous",
                    AUDIT_SUBJECT,
                    found.map(User::getId).orElse(0L),
                    "SIGN_IN_REFUSED",
                    found.isEmpty() ? "UNKNOWN_USER" : "DISABLED",
                    where);
            throw new SsoRefused(claimValue, found.isPresent());
        }
        User user = found.get();
        log.info("Signed in through {}: user #{} from {}", safe(provider), user.getId(), safe(address));
        audit.recordAccess(user.getUsername(), AUDIT_SUBJECT, user.getId(), "SIGN_IN", null, where);
        return principal(user);
    }

    /**
     * A refused sign-in in the audit trail: by {@code anonymous}, about the user of that name, or about no user (id 0)
     * when there is none; the name typed for no user is not kept (it may be a password typed in the wrong field).
     */
    private void refused(Optional<User> user, String reason, Channel channel, String address) {
        audit.recordAccess(
                "anonymous",
                AUDIT_SUBJECT,
                user.map(User::getId).orElse(0L),
                "SIGN_IN_REFUSED",
                reason,
                where(channel, address));
    }

    /** A sign-out (the end of a page session, or a token revoked by its holder) in the audit trail. */
    @Transactional
    void signedOut(CurrentUser user, Channel channel, String address) {
        signOut(user.username(), user.userId(), channel, address);
    }

    private void signOut(String username, Long userId, Channel channel, String address) {
        audit.recordAccess(username, AUDIT_SUBJECT, userId, "SIGN_OUT", null, where(channel, address));
    }

    private static String where(Channel channel, String address) {
        return channel.name().toLowerCase(Locale.ROOT) + " from " + safe(address);
    }

    /** Issues a bearer token after a successful {@link #authenticate}. */
    @Transactional
    public IssuedToken issueToken(CurrentUser user) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        ApiToken saved = tokens.save(new ApiToken(user.userId(), sha256(token), now, now.plus(tokenTtl)));
        return new IssuedToken(token, saved.getExpiresAt());
    }

    /** The user behind a bearer token, when it is known, unexpired, unrevoked and its user enabled. */
    public Optional<CurrentUser> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return holders.holderOf(sha256(token), clock.instant()).map(this::principal);
    }

    /** Revokes a token; revoking one that still worked is a sign-out in the audit trail. */
    @Transactional
    public void revokeToken(String token, String address) {
        Instant now = clock.instant();
        tokens.findByTokenHash(sha256(token)).ifPresent(t -> {
            if (t.isValidAt(now)) {
                users.findById(t.getUserId()).ifPresent(u -> signOut(u.getUsername(), u.getId(), Channel.API, address));
            }
            t.revoke();
        });
    }

    @Transactional
    public UserSummary create(Actor actor, NewUser request) {
        UserPolicy.requireManager(actor);
        UnitRef unit = units.inScope(actor, request.unitCode(), "unitCode");
        String username = request.username().trim();
        if (users.existsByUsername(username)) {
            throw new Problems.Invalid("username", "user.username.taken");
        }
        passwordPolicy.check(username, request.password());
        User user = new User(
                username,
                passwords.encode(request.password()),
                request.fullName().trim(),
                unit.id(),
                request.roles(),
                clock.instant());
        user.changeEmail(blankToNull(request.email()));
        user = users.saveAndFlush(user);
        audit.record(actor.username(), "USER", user.getId(), "CREATE", null, null, String.valueOf(request.roles()));
        return summary(user, unit);
    }

    /** Disables a user of the admin's subtree and revokes its tokens. */
    @Transactional
    public void disable(Actor actor, Long userId) {
        UserPolicy.requireManager(actor);
        User user = users.findById(userId).orElseThrow(() -> new Problems.NotFound("user.notFound"));
        UnitRef unit = units.byId(user.getUnitId()).orElseThrow();
        if (!UserPolicy.mayManage(actor, unit.path())) {
            throw new Problems.NotFound("user.notFound");
        }
        if (user.getId().equals(actor.userId())) {
            throw new Problems.Conflict("user.disableSelf");
        }
        user.disable();
        tokens.findByUserIdAndRevokedFalse(user.getId()).forEach(ApiToken::revoke);
        sessions.findByPrincipalName(user.getUsername()).keySet().forEach(sessions::deleteById);
        audit.record(actor.username(), "USER", user.getId(), "DISABLE", "ENABLED", "DISABLED", null);
    }

    /**
     * Changes a user's e-mail address (blank removes it): an administrator for users of the subtree, anyone for
     * themselves. The address is checked like {@link NewUser#email()}; a wrong one is a 400 naming {@code email}.
     */
    @Transactional
    public void changeEmail(Actor actor, Long userId, String email) {
        User user = users.findById(userId).orElseThrow(() -> new Problems.NotFound("user.notFound"));
        if (!user.getId().equals(actor.userId())) {
            UserPolicy.requireManager(actor);
            UnitRef unit = units.byId(user.getUnitId()).orElseThrow();
            if (!UserPolicy.mayManage(actor, unit.path())) {
                throw new Problems.NotFound("user.notFound");
            }
        }
        String address = blankToNull(email);
        if (address != null && (address.length() > NewUser.EMAIL_MAX || !address.matches(NewUser.EMAIL_PATTERN))) {
            throw new Problems.Invalid("email", "user.email.invalid");
        }
        if (!Objects.equals(address, user.getEmail())) {
            user.changeEmail(address);
            audit.record(
                    actor.username(),
                    "USER",
                    user.getId(),
                    "EMAIL_CHANGE",
                    null,
                    null,
                    address == null ? "-" : address);
        }
    }

    /** A user as a notice's recipient, whoever asks (no access check: for the notice module, not for callers). */
    public Optional<Recipient> recipient(Long userId) {
        return users.findById(userId).map(Accounts::recipientOf);
    }

    /** A user as a notice's recipient, by username. */
    public Optional<Recipient> recipient(String username) {
        return username == null
                ? Optional.empty()
                : users.findByUsername(username).map(Accounts::recipientOf);
    }

    /** The enabled users of a unit (by code) holding a role, as notices' recipients. */
    public List<Recipient> recipientsIn(String unitCode, Role role) {
        return units.byCode(unitCode)
                .map(u -> users.findEnabledInUnitWithRole(u.id(), role.name()).stream()
                        .map(Accounts::recipientOf)
                        .toList())
                .orElse(List.of());
    }

    private static Recipient recipientOf(User u) {
        return new Recipient(u.getId(), u.getUsername(), u.getFullName(), u.getEmail(), u.isEnabled());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Page<UserSummary> list(Actor actor, Pageable pageable) {
        Page<User> page = users.findInSubtree(actor.unitPath(), pageable);
        Map<Long, UnitRef> refs = units.byIds(page.map(User::getUnitId).toSet());
        return page.map(u -> summary(u, refs.get(u.getUnitId())));
    }

    /** Creates the first administrator in the root unit when there is no user at all. */
    @Transactional
    public Optional<String> bootstrapAdmin(String configuredPassword) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        UnitRef root = units.ensureRoot();
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        User admin = users.save(new User(
                "admin",
                passwords.encode(password),
                "Quản trị hệ thống",
                root.id(),
                EnumSet.of(Role.ADMIN),
                clock.instant()));
        users.flush();
        audit.record("system", "USER", admin.getId(), "CREATE", null, null, "[ADMIN]");
        return generated ? Optional.of(password) : Optional.of("");
    }

    CurrentUser principal(User user) {
        return principal(new TokenHolders.Holder(
                user.getId(), user.getUsername(), user.getFullName(), user.getUnitId(), user.getRoles()));
    }

    private CurrentUser principal(TokenHolders.Holder user) {
        UnitRef unit = units.byId(user.unitId()).orElseThrow();
        return new CurrentUser(
                user.userId(),
                user.username(),
                user.fullName(),
                unit.id(),
                unit.code(),
                unit.name(),
                unit.path(),
                unit.level(),
                user.roles());
    }

    private static UserSummary summary(User u, UnitRef unit) {
        return new UserSummary(
                u.getId(),
                u.getUsername(),
                u.getFullName(),
                unit == null ? null : unit.code(),
                unit == null ? null : unit.name(),
                u.getRoles(),
                u.isEnabled(),
                u.getEmail());
    }

    private static String randomPassword() {
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How logs name the caller: {@code #<user id>} for a signed-in user, {@code anonymous} otherwise; never the
     * username, which is personal data (and, when mistyped, sometimes the password).
     */
    static String logName(Authentication auth) {
        return auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof CurrentUser user
                ? "#" + user.userId()
                : "anonymous";
    }

    /** True unless the text holds a lone UTF-16 surrogate (half of a character), which no encoder takes. */
    static boolean wellFormed(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces line breaks and control characters (C0, DEL, C1, and the Unicode line and paragraph separators) with
     * {@code _} and cuts at 64 characters, so that user input cannot forge log lines.
     */
    static String safe(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = value.replaceAll("[\\p{Cc}\\u2028\\u2029]", "_");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    /** A user by username, with the unit's code; for modules that pick users (e.g. council members). */
    /** How a user who acted is named on a page: full name and unit. */
    public record ActorName(String username, String fullName, String unitName) {}

    /**
     * The names of these users, by username, in one query and the unit cache (a list naming the actors of many
     * entries); a username of no user is missing from the map.
     */
    public Map<String, ActorName> namesOf(Collection<String> usernames) {
        List<String> wanted = usernames.stream()
                .filter(u -> u != null && !u.isBlank())
                .distinct()
                .toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = users.namesOf(wanted);
        Map<Long, UnitRef> unitsById =
                units.byIds(rows.stream().map(r -> (Long) r[2]).toList());
        Map<String, ActorName> out = new HashMap<>();
        for (Object[] r : rows) {
            UnitRef unit = unitsById.get((Long) r[2]);
            out.put((String) r[0], new ActorName((String) r[0], (String) r[1], unit == null ? null : unit.name()));
        }
        return out;
    }

    public Optional<UserSummary> byUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return users.findByUsername(username.trim())
                .map(u -> summary(u, units.byId(u.getUnitId()).orElse(null)));
    }
}
