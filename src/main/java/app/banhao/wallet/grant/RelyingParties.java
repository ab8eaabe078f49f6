package app.banhao.wallet.grant;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.ClientCredentialsToken;
import app.banhao.api.model.RelyingPartyCreate;
import app.banhao.api.model.RelyingPartyCredentials;
import app.banhao.api.model.RelyingPartyKind;
import app.banhao.api.model.RelyingPartyPage;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.crypto.Digests;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.session.AuthSession;
import app.banhao.platform.session.SessionService;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.Transactions;
import app.banhao.platform.web.CallerInfo;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Relying parties: registered, listed, deactivated and given new secrets by administrators (audited), and their
 * client-credentials tokens. A token is a session of its own, so deactivating a party or rotating its secret ends the
 * tokens it holds at once, through the same deny-list as a resident's logout.
 */
@ApplicationScoped
public class RelyingParties {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TARGET = "relying-party";
    /** Compared against when the client id is unknown, so an unknown id costs what a wrong secret does. */
    private static final byte[] DECOY = Digests.sha256("decoy");

    private final RelyingPartyRepository parties;
    private final SessionService sessions;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final RateLimiter limiter;
    private final CallerInfo caller;
    private final BusinessClock clock;
    private final Duration tokenLife;
    private final RateLimiter.Limit perIp;

    public RelyingParties(RelyingPartyRepository parties, SessionService sessions, AuditTrail audit, Idempotency idempotency,
            RateLimiter limiter, CallerInfo caller, BusinessClock clock,
            @ConfigProperty(name = "banhao.wallet.relying-party.token-lifetime", defaultValue = "PT5M") Duration tokenLife,
            @ConfigProperty(name = "banhao.wallet.relying-party.token-per-ip", defaultValue = "30") int perIp) {
        this.parties = parties;
        this.sessions = sessions;
        this.audit = audit;
        this.idempotency = idempotency;
        this.limiter = limiter;
        this.caller = caller;
        this.clock = clock;
        this.tokenLife = tokenLife;
        this.perIp = new RateLimiter.Limit("relying-party-token-ip", perIp, Duration.ofMinutes(1));
    }

    @WithSession
    public Uni<RelyingPartyPage> list(PageRequest page) {
        return parties.page(page)
                .map(rows -> Page.from(rows, page, p -> new PageRequest.Cursor(p.createdAt.toString(), p.id.toString()))
                        .map(RelyingParties::toApi))
                .map(p -> new RelyingPartyPage().items(p.items()).nextCursor(p.nextCursor()));
    }

    /**
     * Registers a party; the answer holds its secret, so a retry with the same key is never answered again. Two
     * registrations of one code at once: the loser runs again and finds the winner's (409).
     */
    public Uni<RelyingPartyCredentials> create(String adminId, RelyingPartyCreate request, String idempotencyKey) {
        return Transactions.retryingConflicts(() -> idempotency.onceWithoutReplay("staff:" + adminId + ":createRelyingParty", idempotencyKey, request,
                RelyingPartyCredentials.class, () -> parties.byCode(request.getCode().strip()).chain(existing -> {
                    if (existing != null) {
                        throw ApiException.of(ErrorCode.CONFLICT);
                    }
                    RelyingParty p = new RelyingParty();
                    p.id = UUID.randomUUID();
                    p.code = request.getCode().strip();
                    p.name = request.getName().strip();
                    p.kind = RelyingParty.Kind.valueOf(request.getKind().name());
                    p.contact = request.getContact().strip();
                    p.clientId = "rp_" + random(12);
                    p.active = true;
                    p.createdAt = clock.now();
                    String secret = newSecret(p);
                    return parties.persist(p)
                            .call(() -> audit.record(AuditEvent.of("wallet.relying-party.create").target(TARGET, p.id.toString())
                                    .details(Map.of("code", p.code, "kind", p.kind.name()))))
                            .map(saved -> credentials(p, secret));
                })));
    }

    /** Deactivates a party; its live tokens end at once. Again changes nothing. */
    @WithTransaction
    public Uni<app.banhao.api.model.RelyingParty> deactivate(UUID id) {
        return found(id).call(p -> {
            boolean changed = p.active;
            p.active = false;
            return sessions.revokeAll(AuthSession.SubjectType.RELYING_PARTY, p.id, null, "relying-party-deactivated")
                    .chain(() -> audit.record(AuditEvent.of("wallet.relying-party.deactivate").target(TARGET, p.id.toString())
                            .details(Map.of("changed", Boolean.toString(changed)))));
        }).map(RelyingParties::toApi);
    }

    /** A new secret for an active party: the old one and the tokens issued with it stop at once. */
    @WithTransaction
    public Uni<RelyingPartyCredentials> rotateSecret(UUID id) {
        return found(id).chain(p -> {
            if (!p.active) {
                throw ApiException.of(ErrorCode.CONFLICT);
            }
            String secret = newSecret(p);
            return sessions.revokeAll(AuthSession.SubjectType.RELYING_PARTY, p.id, null, "relying-party-secret-rotated")
                    .chain(() -> audit.record(AuditEvent.of("wallet.relying-party.rotate-secret").target(TARGET, p.id.toString())))
                    .map(x -> credentials(p, secret));
        });
    }

    /** Client credentials for a token; every refusal is the same 401, whatever was wrong. */
    public Uni<ClientCredentialsToken> token(String clientId, String secret) {
        return limiter.hit(perIp, caller.ip()).chain(() -> issue(clientId, secret));
    }

    // A session, not a transaction: a refusal's audit record commits on its own, while the refusal itself is thrown.
    @WithSession
    Uni<ClientCredentialsToken> issue(String clientId, String secret) {
        return parties.byClientId(clientId).chain(p -> {
            boolean matches = MessageDigest.isEqual(p == null ? DECOY : p.secretHash, Digests.sha256(secret));
            if (p == null || !matches || !p.active) {
                return audit.recordAlone(AuditEvent.of("wallet.relying-party.token").outcome(AuditEvent.FAILURE)
                        .actor("relying-party", p == null ? "unknown" : p.id.toString()))
                        .chain(() -> Uni.createFrom().failure(ApiException.of(ErrorCode.CREDENTIALS_INVALID)));
            }
            SessionService.Grant grant = new SessionService.Grant(AuthSession.SubjectType.RELYING_PARTY, p.id,
                    AuthSession.Client.RELYING_PARTY, TokenClaims.AUD_RELYING_PARTY, Set.of(TokenClaims.RELYING_PARTY), Map.of());
            return Panache.withTransaction(() -> sessions.openForOneToken(grant, tokenLife)
                    .call(() -> audit.record(AuditEvent.of("wallet.relying-party.token").actor("relying-party", p.id.toString()))))
                    .map(token -> new ClientCredentialsToken().accessToken(token)
                            .tokenType(ClientCredentialsToken.TokenTypeEnum.BEARER).expiresIn((int) tokenLife.toSeconds()));
        });
    }

    /** The calling party, if it is still active: checked on every call, so a deactivation needs no token expiry. */
    public Uni<RelyingParty> active(UUID partyId) {
        return parties.findById(partyId).map(p -> {
            if (p == null || !p.active) {
                throw ApiException.of(ErrorCode.UNAUTHORIZED);
            }
            return p;
        });
    }

    static app.banhao.api.model.RelyingParty toApi(RelyingParty p) {
        return new app.banhao.api.model.RelyingParty().id(p.id).code(p.code).name(p.name)
                .kind(RelyingPartyKind.fromValue(p.kind.name())).contact(p.contact).clientId(p.clientId).active(p.active)
                .createdAt(p.createdAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private Uni<RelyingParty> found(UUID id) {
        return parties.findById(id).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND));
    }

    private static RelyingPartyCredentials credentials(RelyingParty p, String secret) {
        return new RelyingPartyCredentials().party(toApi(p)).clientId(p.clientId).clientSecret(secret);
    }

    /** Draws a new secret for {@code p}, keeps its hash, and answers the secret (to be shown once). */
    private static String newSecret(RelyingParty p) {
        String secret = "rps_" + random(32);
        p.secretHash = Digests.sha256(secret);
        return secret;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
