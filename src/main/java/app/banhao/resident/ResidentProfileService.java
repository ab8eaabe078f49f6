package app.banhao.resident;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.PasswordChange;
import app.banhao.api.model.Profile;
import app.banhao.api.model.ProfileUpdate;
import app.banhao.api.model.RealNameRequest;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxCommits;
import app.banhao.platform.ratelimit.RateLimiter.Limit;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.security.Passwords;
import app.banhao.platform.session.AuthSession;
import app.banhao.platform.session.SessionService;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.Transactions;
import app.banhao.platform.web.CallerInfo;
import app.banhao.platform.web.IfMatch;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A resident's own profile: what they may change, their password, and real-name verification. */
@ApplicationScoped
public class ResidentProfileService {

    static final Limit CHECKS_PER_RESIDENT = new Limit("real-name-resident-day", 5, Duration.ofDays(1));

    private final ResidentRepository residents;
    private final ResidentMapper mapper;
    private final DataProtection crypto;
    private final Passwords passwords;
    private final IdentityVerifier verifier;
    private final SessionService sessions;
    private final AuditTrail audit;
    private final RateLimiter limiter;
    private final CallerInfo caller;
    private final Outbox outbox;
    private final OutboxCommits commits;
    private final Limit checksPerIp;
    private final BusinessClock clock;

    public ResidentProfileService(ResidentRepository residents, ResidentMapper mapper, DataProtection crypto,
            Passwords passwords, IdentityVerifier verifier, SessionService sessions, AuditTrail audit, RateLimiter limiter,
            CallerInfo caller, Outbox outbox, OutboxCommits commits,
            @ConfigProperty(name = "banhao.real-name.per-ip-per-hour", defaultValue = "20") int checksPerIpPerHour, BusinessClock clock) {
        this.clock = clock;
        this.limiter = limiter;
        this.caller = caller;
        this.outbox = outbox;
        this.commits = commits;
        this.checksPerIp = new Limit("real-name-ip-hour", checksPerIpPerHour, Duration.ofHours(1));
        this.residents = residents;
        this.mapper = mapper;
        this.crypto = crypto;
        this.passwords = passwords;
        this.verifier = verifier;
        this.sessions = sessions;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Profile> profile(UUID residentId) {
        return load(residentId).map(mapper::toProfile);
    }

    /** Parallel changes of one profile each win in turn (the resident row is versioned): never a 500. */
    public Uni<Profile> update(UUID residentId, ProfileUpdate change, String ifMatch) {
        return Transactions.retryingConflicts(() -> load(residentId).invoke(r -> {
            IfMatch.requireCurrentIfPresent(ifMatch, r.version);
            if (change.getNickname() != null) {
                r.nickname = change.getNickname().strip();
            }
            if (change.getLanguage() != null) {
                r.language = change.getLanguage().toString();
            }
            if (change.getPreferences() != null && change.getPreferences().getLargeText() != null) {
                r.largeText = change.getPreferences().getLargeText();
            }
            r.updatedAt = clock.now();
        }).call(residents::flush).map(mapper::toProfile)); // flushed first: the answer shows the raised @Version
    }

    /** Sets or changes the password; a change needs the current one and ends every other session. */
    public Uni<Void> setPassword(UUID residentId, UUID currentSession, PasswordChange change) {
        return withPhoneAndHash(residentId).chain(state -> {
            passwords.checkStrength("newPassword", change.getNewPassword(), state.phone());
            Uni<Boolean> allowed = state.hash() == null ? Uni.createFrom().item(true)
                    : change.getCurrentPassword() == null ? Uni.createFrom().item(false)
                            : passwords.matches(change.getCurrentPassword(), state.hash());
            return allowed.chain(ok -> {
                if (!ok) {
                    throw ApiException.field(ResidentErrors.CURRENT_PASSWORD_WRONG,
                            FieldError.of("currentPassword", FieldCode.INVALID));
                }
                return passwords.hash(change.getNewPassword());
            }).chain(hash -> storePassword(residentId, hash))
                    .chain(() -> state.hash() == null ? Uni.createFrom().voidItem()
                            : sessions.revokeAll(AuthSession.SubjectType.RESIDENT, residentId, currentSession, "password-change"));
        });
    }

    private record PasswordState(String phone, String hash) {
    }

    @WithTransaction
    Uni<PasswordState> withPhoneAndHash(UUID residentId) {
        return load(residentId).map(r -> new PasswordState(crypto.decrypt(r.phoneEnc), r.passwordHash));
    }

    Uni<Void> storePassword(UUID residentId, String hash) {
        return Transactions.retryingConflicts(() -> load(residentId).invoke(r -> {
            r.passwordHash = hash;
            r.updatedAt = clock.now();
        }).call(r -> audit.record(AuditEvent.of("resident.password.set").target("resident", r.id.toString())))
                .replaceWithVoid());
    }

    /**
     * Checks name and ID number, then raises the level to L2; one ID number, one resident. Each check is
     * counted before the identity provider is asked, per resident and per client IP (issue 10, point 6). An ID
     * number another resident verified is refused exactly like a mismatch, so the answer never tells whether
     * an ID number has an account; its owner is told in their inbox that someone tried.
     */
    public Uni<Profile> verifyRealName(UUID residentId, RealNameRequest request) {
        String id = IdNumbers.normalise(request.getIdNumber());
        String name = request.getName().strip();
        if (!IdNumbers.valid(id, clock.today())) {
            throw ApiException.field(ResidentErrors.ID_NUMBER_INVALID, FieldError.of("idNumber", FieldCode.INVALID_FORMAT));
        }
        return limiter.hit(CHECKS_PER_RESIDENT, residentId.toString())
                .chain(() -> limiter.hit(checksPerIp, caller.ip()))
                .chain(() -> verifier.matches(name, id)
                        .onFailure().transform(e -> ApiException.retryAfter(ResidentErrors.IDENTITY_PROVIDER_UNAVAILABLE, 30)))
                .call(match -> audit.recordAlone(AuditEvent.of("resident.real-name.check")
                        .outcome(match ? AuditEvent.SUCCESS : AuditEvent.FAILURE).target("resident", residentId.toString())))
                .chain(match -> {
                    if (!match) {
                        throw ApiException.of(ResidentErrors.REAL_NAME_MISMATCH);
                    }
                    return recordVerified(residentId, name, id);
                })
                .map(profile -> {
                    if (profile == null) {
                        throw ApiException.of(ResidentErrors.REAL_NAME_MISMATCH);
                    }
                    return profile;
                });
    }

    /**
     * The verified profile, or null when another resident holds the ID number: then this transaction keeps the
     * note to that resident and the audit record, which a thrown refusal would roll back. A transaction that lost
     * a race with a parallel verification runs again, and the note is delivered before the caller is answered
     * ({@link OutboxCommits}).
     */
    Uni<Profile> recordVerified(UUID residentId, String name, String id) {
        byte[] index = crypto.blindIndex("id-number", id);
        return commits.commitThenDeliver(() -> residents.findByIdNumberIndex(index).chain(holder -> {
            if (holder != null && !holder.id.equals(residentId)) {
                return outbox.publish(new IdNumberClaimAttempted(holder.id, clock.now()))
                        .call(() -> audit.record(AuditEvent.of("resident.real-name.id-taken").outcome(AuditEvent.FAILURE)
                                .actor("resident", residentId.toString()).target("resident", holder.id.toString())))
                        .replaceWith((Profile) null);
            }
            return load(residentId).map(r -> {
                if (r.idNumberIdx != null && !java.util.Arrays.equals(r.idNumberIdx, index)) {
                    throw ApiException.of(ResidentErrors.ALREADY_VERIFIED);
                }
                r.nameEnc = crypto.encrypt(name);
                r.idNumberEnc = crypto.encrypt(id);
                r.idNumberIdx = index;
                if (r.level.compareTo(Resident.Level.L2) < 0) {
                    r.level = Resident.Level.L2;
                }
                OffsetDateTime now = clock.now();
                r.verifiedAt = now;
                r.updatedAt = now;
                return r;
            }).call(r -> audit.record(AuditEvent.of("resident.real-name.verified").target("resident", r.id.toString())
                    .details(Map.of("level", r.level.name()))))
                    .map(mapper::toProfile);
        }));
    }

    private Uni<Resident> load(UUID residentId) {
        // The token's subject always exists unless the account was removed: then the token is worthless.
        return residents.findById(residentId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.UNAUTHORIZED));
    }
}
