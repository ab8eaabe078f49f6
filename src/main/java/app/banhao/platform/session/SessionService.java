package app.banhao.platform.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.TokenPair;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.web.CallerInfo;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Login sessions and their tokens (DESIGN.md §7): opens a session with a token pair, rotates refresh
 * tokens (a reused one revokes the whole family, past a short grace window for concurrent refreshes), and
 * revokes sessions so their access tokens stop at once. A session never outlives its absolute end. The token
 * pairs themselves are made by {@link SessionTokens}.
 */
@ApplicationScoped
public class SessionService {

    /** What a session is opened for: who, through which client, with which claims. */
    public record Grant(AuthSession.SubjectType subjectType, UUID subjectId, AuthSession.Client client,
            String audience, Set<String> groups, Map<String, String> claims) {
    }

    private final AuthSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final SessionTokens tokens;
    private final AccessTokens accessTokens;
    private final SessionRevocations revocations;
    private final AuditTrail audit;
    private final CallerInfo caller;
    private final Duration refreshLifespan;
    private final Duration residentAbsolute;
    private final Duration staffAbsolute;
    private final Duration reuseGrace;
    private final BusinessClock clock;

    public SessionService(AuthSessionRepository sessions, RefreshTokenRepository refreshTokens, AccessTokens accessTokens,
            SessionRevocations revocations, AuditTrail audit, CallerInfo caller, DataProtection crypto,
            @ConfigProperty(name = "banhao.auth.refresh-token-lifespan", defaultValue = "P30D") Duration refreshLifespan,
            @ConfigProperty(name = "banhao.session.resident-absolute-lifetime", defaultValue = "P30D") Duration residentAbsolute,
            @ConfigProperty(name = "banhao.session.staff-absolute-lifetime", defaultValue = "PT12H") Duration staffAbsolute,
            @ConfigProperty(name = "banhao.auth.refresh-reuse-grace", defaultValue = "PT10S") Duration reuseGrace, BusinessClock clock) {
        this.clock = clock;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.tokens = new SessionTokens(refreshTokens, accessTokens, crypto);
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.audit = audit;
        this.caller = caller;
        this.refreshLifespan = refreshLifespan;
        this.residentAbsolute = residentAbsolute;
        this.staffAbsolute = staffAbsolute;
        this.reuseGrace = reuseGrace;
    }

    /** Opens a session; call inside the login's transaction. */
    public Uni<TokenPair> open(Grant grant) {
        Opening opening = opening(grant.subjectType(), grant.client());
        opening.session().subjectId = grant.subjectId();
        return sessions.persist(opening.session())
                .chain(() -> tokens.issue(opening.session(), grant, opening.session().createdAt, opening.refreshToken()));
    }

    /**
     * A session about to be opened and its refresh token, not yet written: for a login that writes them in the same
     * statement as its subject's row (whose id is known only once that statement ran), then answers {@link #opened}.
     * The rows are {@link #session()} as it is and {@code refresh_token (token_hash, session_id, issued_at,
     * expires_at)} = ({@link #refreshTokenHash()}, the session's id, its {@code createdAt}, its {@code expiresAt}).
     */
    public record Opening(AuthSession session, String refreshToken, byte[] refreshTokenHash) {
    }

    public Opening opening(AuthSession.SubjectType subjectType, AuthSession.Client client) {
        OffsetDateTime now = clock.now();
        AuthSession session = newSession(subjectType, client, now,
                now.plus(subjectType == AuthSession.SubjectType.STAFF ? staffAbsolute : residentAbsolute));
        session.expiresAt = slidingEnd(session, now);
        String refresh = SessionTokens.newRefreshToken();
        return new Opening(session, refresh, SessionTokens.hash(refresh));
    }

    /** The token pair of an opening whose rows were written, for {@code grant}'s subject. */
    public TokenPair opened(Opening opening, Grant grant) {
        opening.session().subjectId = grant.subjectId();
        return tokens.pair(opening.session(), grant, opening.session().createdAt, opening.refreshToken());
    }

    private AuthSession newSession(AuthSession.SubjectType subjectType, AuthSession.Client client, OffsetDateTime now,
            OffsetDateTime absoluteEnd) {
        AuthSession session = new AuthSession();
        session.id = UUID.randomUUID();
        session.subjectType = subjectType;
        session.client = client;
        session.createdAt = now;
        session.lastUsedAt = now;
        session.absoluteExpiresAt = absoluteEnd;
        session.expiresAt = absoluteEnd;
        session.ipAddress = caller.ip();
        session.userAgent = caller.userAgent();
        return session;
    }

    /**
     * A session for one access token of {@code life} and no refresh token (OAuth client credentials: the client asks
     * again): it can be revoked like any other (deactivating a relying party, rotating its secret). Call inside the
     * caller's transaction.
     */
    public Uni<String> openForOneToken(Grant grant, Duration life) {
        AuthSession session = newSession(grant.subjectType(), grant.client(), clock.now(), clock.now().plus(life));
        session.subjectId = grant.subjectId();
        return sessions.persist(session).map(saved -> accessTokens.issue(grant.subjectId().toString(), grant.audience(),
                grant.groups(), session.id, grant.claims(), life));
    }

    /**
     * Exchanges a refresh token for a new pair. A token presented a second time after the grace window revokes
     * its session: the revocation commits even though the caller gets a 401, hence the two steps.
     */
    public Uni<TokenPair> refresh(String presented, Function<AuthSession, Uni<Grant>> regrant) {
        return rotate(presented, regrant).chain(outcome -> {
            if (outcome.pair() != null) {
                return Uni.createFrom().item(outcome.pair());
            }
            Uni<Void> publish = outcome.revokedSession() == null ? Uni.createFrom().voidItem()
                    : revocations.publish(outcome.revokedSession());
            return publish.chain(() -> Uni.createFrom().failure(ApiException.of(ErrorCode.REFRESH_TOKEN_INVALID)));
        });
    }

    private record Rotation(TokenPair pair, UUID revokedSession) {
    }

    @WithTransaction
    Uni<Rotation> rotate(String presented, Function<AuthSession, Uni<Grant>> regrant) {
        OffsetDateTime now = clock.now();
        return refreshTokens.findById(SessionTokens.hash(presented), LockModeType.PESSIMISTIC_WRITE).chain(token -> {
            if (token == null) {
                return Uni.createFrom().item(new Rotation(null, null));
            }
            return sessions.findById(token.sessionId, LockModeType.PESSIMISTIC_WRITE).chain(session -> {
                if (session == null || !session.active(now) || token.expiresAt.isBefore(now)) {
                    return Uni.createFrom().item(new Rotation(null, null));
                }
                if (token.usedAt != null) {
                    return again(presented, token, session, now, regrant);
                }
                token.usedAt = now;
                session.lastUsedAt = now;
                session.expiresAt = slidingEnd(session, now);
                return regrant.apply(session)
                        .chain(grant -> tokens.issue(session, grant, now, tokens.successorOf(presented)))
                        .call(() -> audit.record(event("auth.refresh", session)))
                        .map(pair -> new Rotation(pair, null));
            });
        });
    }

    /**
     * A rotated token presented again. Within the grace window (two tabs or a retry after a lost answer
     * refreshing at once) it answers the successor its first use created, with a fresh access token, as long as
     * that successor is still unused; anything else is reuse and revokes the whole family (DESIGN.md §7).
     */
    private Uni<Rotation> again(String presented, RefreshToken token, AuthSession session, OffsetDateTime now,
            Function<AuthSession, Uni<Grant>> regrant) {
        Uni<RefreshToken> successor = token.usedAt.plus(reuseGrace).isBefore(now) ? Uni.createFrom().nullItem()
                : refreshTokens.findById(SessionTokens.hash(tokens.successorOf(presented)));
        return successor.chain(next -> {
            if (next != null && next.usedAt == null) {
                return regrant.apply(session)
                        .map(grant -> tokens.pair(session, grant, now, tokens.successorOf(presented)))
                        .call(() -> audit.record(event("auth.refresh.grace", session)))
                        .map(pair -> new Rotation(pair, null));
            }
            session.revokedAt = now;
            session.revokeReason = "refresh-token-reuse";
            return audit.record(event("auth.refresh.reuse", session).outcome(AuditEvent.DENIED))
                    .replaceWith(new Rotation(null, session.id));
        });
    }

    private static AuditEvent event(String action, AuthSession session) {
        return AuditEvent.of(action).actor(session.subjectType.name().toLowerCase(), session.subjectId.toString())
                .target("session", session.id.toString());
    }

    /** A refresh moves the end forward, never past the session's absolute end. */
    private OffsetDateTime slidingEnd(AuthSession session, OffsetDateTime now) {
        OffsetDateTime sliding = now.plus(refreshLifespan);
        return sliding.isBefore(session.absoluteExpiresAt) ? sliding : session.absoluteExpiresAt;
    }

    /** Revokes one session of a subject; 404 when it is not theirs. */
    @WithTransaction
    public Uni<Void> revokeOwned(UUID sessionId, AuthSession.SubjectType type, UUID subjectId, String reason) {
        return sessions.findOwned(sessionId, type, subjectId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(session -> revokeLoaded(List.of(session), reason))
                .call(() -> audit.record(AuditEvent.of("auth.session.revoke").target("session", sessionId.toString())
                        .details(Map.of("reason", reason))));
    }

    /** Revokes every active session of a subject, optionally sparing one (e.g. the one changing the password). */
    @WithTransaction
    public Uni<Void> revokeAll(AuthSession.SubjectType type, UUID subjectId, UUID except, String reason) {
        return sessions.activeOf(type, subjectId, clock.now())
                .map(all -> all.stream().filter(s -> !s.id.equals(except)).toList())
                .chain(list -> revokeLoaded(list, reason))
                .call(() -> audit.record(AuditEvent.of("auth.session.revoke-all").target(type.name().toLowerCase(),
                        subjectId.toString()).details(Map.of("reason", reason))));
    }

    @WithTransaction
    public Uni<List<AuthSession>> activeOf(AuthSession.SubjectType type, UUID subjectId) {
        return sessions.activeOf(type, subjectId, clock.now());
    }

    private Uni<Void> revokeLoaded(List<AuthSession> list, String reason) {
        OffsetDateTime now = clock.now();
        list.forEach(s -> {
            if (s.revokedAt == null) {
                s.revokedAt = now;
                s.revokeReason = reason;
            }
        });
        // Flush first, so a node that checks PostgreSQL (Redis down) already sees the revocation.
        if (list.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.flush().chain(() -> Uni.join().all(list.stream().map(s -> revocations.publish(s.id)).toList())
                .andCollectFailures().replaceWithVoid());
    }
}
