package app.banhao.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.StaffUserCreate;
import app.banhao.api.model.StaffUserCreated;
import app.banhao.api.model.TokenPair;
import app.banhao.api.model.TotpEnrolment;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.qr.QrCodes;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.ratelimit.RateLimiter.Limit;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.security.Passwords;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.session.AuthSession;
import app.banhao.platform.session.SessionService.Grant;
import app.banhao.platform.session.SessionService;
import app.banhao.platform.session.SubjectGrants;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.web.CallerInfo;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Staff login with two factors and lockout (DESIGN.md §7, 等保 level 3), and staff accounts. A failed
 * attempt is counted and committed even though the caller gets an error, hence the outcome records.
 */
@ApplicationScoped
public class StaffAuthService implements SubjectGrants {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final String TOTP_ISSUER = "Banhao";

    private final StaffUserRepository staff;
    private final Passwords passwords;
    private final DataProtection crypto;
    private final SessionService sessions;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final UnknownStaffLogins unknown;
    private final RateLimiter limiter;
    private final CallerInfo caller;
    private final Limit perIp;
    private final BusinessClock clock;

    public StaffAuthService(StaffUserRepository staff, Passwords passwords, DataProtection crypto,
            SessionService sessions, AuditTrail audit, Idempotency idempotency, UnknownStaffLogins unknown,
            RateLimiter limiter, CallerInfo caller,
            @ConfigProperty(name = "banhao.staff.login-per-ip", defaultValue = "30") int perIp, BusinessClock clock) {
        this.clock = clock;
        this.idempotency = idempotency;
        this.unknown = unknown;
        this.limiter = limiter;
        this.caller = caller;
        // Every attempt counts, before any work, so a parallel burst cannot outrun the count.
        this.perIp = new Limit("staff-login-ip", perIp, Duration.ofMinutes(15));
        this.staff = staff;
        this.passwords = passwords;
        this.crypto = crypto;
        this.sessions = sessions;
        this.audit = audit;
    }

    private record Attempt(TokenPair tokens, ApiException refusal) {
    }

    public Uni<TokenPair> login(String username, String password, String totp) {
        // bcrypt runs on a worker, outside the row lock; an unknown or deactivated user is checked against a
        // decoy hash, so the time taken does not tell either.
        return limiter.hit(perIp, caller.ip())
                .chain(() -> findForLogin(username))
                .chain(user -> passwords.matches(password, user == null || !user.active ? null : user.passwordHash))
                .chain(passwordOk -> settle(username, passwordOk, totp))
                .map(attempt -> {
                    if (attempt.refusal() != null) {
                        throw attempt.refusal();
                    }
                    return attempt.tokens();
                });
    }

    @WithTransaction
    Uni<StaffUser> findForLogin(String username) {
        return staff.findByUsername(username);
    }

    /** Decides the attempt under a row lock, so concurrent tries count and a TOTP code is used once. */
    @WithTransaction
    Uni<Attempt> settle(String username, boolean passwordOk, String code) {
        Instant now = clock.instant();
        OffsetDateTime nowUtc = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return staff.find("username", username).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(user -> {
                    if (user == null || !user.active) {
                        return settleUnknown(username, user == null ? "unknown" : "inactive");
                    }
                    if (user.lockedUntil != null && user.lockedUntil.isAfter(nowUtc)) {
                        long seconds = Math.max(1, Duration.between(nowUtc, user.lockedUntil).toSeconds());
                        return refuse(username, "locked", locked(seconds));
                    }
                    OptionalLong step = passwordOk ? Totp.matchingStep(secretOf(user), code, now) : OptionalLong.empty();
                    if (step.isEmpty() || step.getAsLong() <= user.lastTotpStep) {
                        user.failedLogins++;
                        if (user.failedLogins >= MAX_FAILURES) {
                            user.lockedUntil = nowUtc.plus(LOCKOUT);
                            user.failedLogins = 0;
                        }
                        return refuse(username, passwordOk ? "totp" : "password", ApiException.of(ErrorCode.CREDENTIALS_INVALID));
                    }
                    user.lastTotpStep = step.getAsLong();
                    user.failedLogins = 0;
                    user.lockedUntil = null;
                    return sessions.open(grant(user))
                            .call(() -> audit.record(AuditEvent.of("auth.login").actor("staff", user.id.toString())
                                    .details(Map.of("method", "password+totp"))))
                            .map(tokens -> new Attempt(tokens, null));
                });
    }

    /** No active account: counted and locked like one, so the answers are the same as for a real username. */
    private Uni<Attempt> settleUnknown(String username, String reason) {
        return unknown.lockedSeconds(username).chain(seconds -> seconds > 0
                ? refuse(username, "locked", locked(seconds))
                : unknown.fail(username).chain(() -> refuse(username, reason, ApiException.of(ErrorCode.CREDENTIALS_INVALID))));
    }

    private static ApiException locked(long seconds) {
        return ApiException.retryAfter(StaffErrors.ACCOUNT_LOCKED, seconds, seconds);
    }

    private Uni<Attempt> refuse(String username, String reason, ApiException refusal) {
        return audit.record(AuditEvent.of("auth.login").outcome(AuditEvent.FAILURE).target("staff", username)
                .details(Map.of("method", "password+totp", "reason", reason)))
                .replaceWith(new Attempt(null, refusal));
    }

    @WithTransaction
    public Uni<StaffUserCreated> create(String adminId, StaffUserCreate request, String idempotencyKey) {
        // The answer carries the TOTP secret, shown once and never stored: a retry of the key is a 409, not a replay.
        return idempotency.onceWithoutReplay("staff:" + adminId + ":createStaffUser", idempotencyKey, request,
                StaffUserCreated.class, () -> createOnce(request));
    }

    private Uni<StaffUserCreated> createOnce(StaffUserCreate request) {
        return staff.findByUsername(request.getUsername()).chain(existing -> {
            if (existing != null) {
                throw ApiException.of(StaffErrors.USERNAME_TAKEN, request.getUsername());
            }
            passwords.checkStrength("initialPassword", request.getInitialPassword(), null);
            String secret = Totp.newSecret();
            return passwords.hash(request.getInitialPassword()).chain(hash -> {
                StaffUser user = new StaffUser();
                user.id = UUID.randomUUID();
                user.username = request.getUsername();
                user.displayName = request.getDisplayName();
                user.departmentCode = request.getDepartment();
                user.roles = request.getRoles().stream().map(Enum::name).distinct().toArray(String[]::new);
                user.passwordHash = hash;
                user.totpSecretEnc = crypto.encrypt(secret);
                user.active = true;
                user.createdAt = clock.now();
                return staff.persist(user);
            }).call(user -> audit.record(AuditEvent.of("staff.user.create").target("staff", user.id.toString())
                    .details(Map.of("username", user.username, "department", user.departmentCode,
                            "roles", String.join(",", user.roles)))))
                    .map(user -> new StaffUserCreated().user(StaffMapper.toApi(user)).totp(enrolment(user.username, secret)));
        });
    }

    @WithTransaction
    public Uni<StaffUser> get(UUID id) {
        return staff.findById(id);
    }

    /**
     * Deactivates (or reactivates) an account. Deactivating ends every session of it too, so its access tokens
     * stop at once (the session deny-list) and its refresh tokens are refused; reactivating starts clean.
     */
    @WithTransaction
    public Uni<StaffUser> setActive(UUID id, boolean active) {
        return staff.findById(id).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND)).call(user -> {
            boolean changed = user.active != active;
            user.active = active;
            user.failedLogins = 0;
            user.lockedUntil = null;
            Uni<Void> sessionsEnded = active ? Uni.createFrom().voidItem()
                    : sessions.revokeAll(AuthSession.SubjectType.STAFF, user.id, null, "staff-deactivated");
            return sessionsEnded.chain(() -> audit.record(AuditEvent.of(active ? "staff.user.reactivate" : "staff.user.deactivate")
                    .target("staff", user.id.toString()).details(Map.of("changed", Boolean.toString(changed)))));
        });
    }

    /** Ends every session of an account (it stays active). */
    @WithTransaction
    public Uni<Void> endSessions(UUID id) {
        return staff.findById(id).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .call(user -> sessions.revokeAll(AuthSession.SubjectType.STAFF, user.id, null, "ended-by-admin"))
                .chain(user -> audit.record(AuditEvent.of("staff.user.sessions.end").target("staff", user.id.toString())));
    }

    @Override
    public AuthSession.SubjectType subjectType() {
        return AuthSession.SubjectType.STAFF;
    }

    /** A deactivated account holds no session: its refresh is refused like an unknown one. */
    @Override
    public Uni<Grant> current(UUID staffId, AuthSession.Client client) {
        return get(staffId).map(user -> user == null || !user.active ? null : grant(user));
    }

    public static Grant grant(StaffUser user) {
        return new Grant(AuthSession.SubjectType.STAFF, user.id, AuthSession.Client.STAFF_CONSOLE,
                TokenClaims.AUD_STAFF, Set.copyOf(Arrays.asList(user.roles)),
                Map.of(TokenClaims.DEPARTMENT, user.departmentCode));
    }

    static TotpEnrolment enrolment(String username, String secret) {
        String uri = Totp.otpauthUri(TOTP_ISSUER, username, secret);
        return new TotpEnrolment().otpauthUri(uri).qrPngBase64(Base64.getEncoder().encodeToString(QrCodes.png(uri, 240)));
    }

    private String secretOf(StaffUser user) {
        return crypto.decrypt(user.totpSecretEnc);
    }
}
