package app.banhao.wallet.grant;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.CertificateGrant;
import app.banhao.api.model.CertificateRequest;
import app.banhao.api.model.CertificateRequestCreate;
import app.banhao.api.model.CertificateRequestPage;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.time.BusinessClock;
import app.banhao.resident.Residents;
import app.banhao.wallet.Certificate;
import app.banhao.wallet.CertificateRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Requests to use a resident's certificate: made by a relying party, answered by the holder. A request names the
 * resident by citizen ID number; whether anyone holds such a certificate never shows in the answer (see
 * {@link WalletGrantRequest}).
 */
@ApplicationScoped
public class GrantRequests {

    /** How long a request waits for its answer. */
    static final Duration ANSWER_WITHIN = Duration.ofDays(7);
    static final String TARGET = "certificate-grant-request";

    private final WalletGrantRequestRepository requests;
    private final WalletGrantRepository grants;
    private final RelyingPartyRepository parties;
    private final RelyingParties active;
    private final CertificateRepository certificates;
    private final Residents residents;
    private final GrantMapper mapper;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final RateLimiter limiter;
    private final RateLimiter.Limit perParty;

    public GrantRequests(WalletGrantRequestRepository requests, WalletGrantRepository grants, RelyingPartyRepository parties,
            RelyingParties active, CertificateRepository certificates, Residents residents, GrantMapper mapper, Outbox outbox,
            Idempotency idempotency, AuditTrail audit, BusinessClock clock, RateLimiter limiter,
            @ConfigProperty(name = "banhao.wallet.relying-party.requests-per-minute", defaultValue = "60") int perMinute) {
        this.limiter = limiter;
        // Each request may tell a resident (inbox) and costs a lookup by ID number: bounded per party, so a party
        // (or a leaked secret) can neither spam residents nor time many lookups.
        this.perParty = new RateLimiter.Limit("relying-party-requests", perMinute, Duration.ofMinutes(1));
        this.requests = requests;
        this.grants = grants;
        this.parties = parties;
        this.active = active;
        this.certificates = certificates;
        this.residents = residents;
        this.mapper = mapper;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    /** A party's request; the same PENDING answer whether or not the resident or the certificate exists. */
    @WithTransaction
    public Uni<CertificateRequest> create(UUID partyId, CertificateRequestCreate body, String idempotencyKey) {
        return active.active(partyId).call(() -> limiter.hit(perParty, partyId.toString())).chain(party -> idempotency.once("relying-party:" + partyId + ":createCertificateRequest",
                idempotencyKey, body, CertificateRequest.class, () -> residents.idOfVerifiedIdNumber(body.getHolderIdNumber())
                        .chain(holder -> holder == null ? Uni.createFrom().<Certificate>nullItem() : validOf(holder, body.getCertificateType()))
                        .chain(certificate -> {
                            OffsetDateTime now = clock.now();
                            WalletGrantRequest r = new WalletGrantRequest();
                            r.id = UUID.randomUUID();
                            r.partyId = party.id;
                            r.certificateType = body.getCertificateType();
                            r.purpose = body.getPurpose().strip();
                            r.fields = mapper.fields(body.getFields().stream().map(String::strip).distinct().toList());
                            r.days = body.getDays();
                            r.maxUses = body.getMaxUses();
                            r.state = WalletGrantRequest.State.PENDING;
                            r.answerBy = now.plus(ANSWER_WITHIN);
                            r.createdAt = now;
                            if (certificate != null) {
                                r.holderId = certificate.holderId;
                                r.certificateId = certificate.id;
                                r.certificateName = certificate.name;
                            }
                            Uni<Void> told = certificate == null ? Uni.createFrom().voidItem()
                                    : outbox.publish(new CertificateGrantRequested(certificate.id, r.id, certificate.holderId,
                                            party.name, r.purpose, now));
                            // The audit names the party and the request, never whether a holder was found.
                            return requests.persist(r).call(() -> told)
                                    .call(() -> audit.record(AuditEvent.of("wallet.grant.request").target(TARGET, r.id.toString())
                                            .details(Map.of("certificateType", r.certificateType))))
                                    .map(saved -> mapper.toRequest(r, party, null, false, now));
                        })));
    }

    /** The holder's newest valid certificate of the type, or null. */
    private Uni<Certificate> validOf(UUID holder, String type) {
        return certificates.held(holder, type, PageRequest.of(null, PageRequest.MAX_LIMIT)).map(list -> list.stream()
                .filter(c -> c.statusOn(clock.today()) == Certificate.Status.VALID).findFirst().orElse(null));
    }

    @WithSession
    public Uni<CertificateRequestPage> listForParty(UUID partyId, PageRequest page) {
        return active.active(partyId).chain(party -> requests.page("partyId", partyId, page)
                .chain(rows -> view(rows, page, false)));
    }

    @WithSession
    public Uni<CertificateRequestPage> listForHolder(UUID holderId, PageRequest page) {
        return requests.page("holderId", holderId, page).chain(rows -> view(rows, page, true));
    }

    private Uni<CertificateRequestPage> view(List<WalletGrantRequest> rows, PageRequest page, boolean forHolder) {
        Set<UUID> ids = rows.stream().map(r -> r.id).collect(Collectors.toSet());
        OffsetDateTime now = clock.now();
        return parties.byIds(rows.stream().map(r -> r.partyId).toList())
                .chain(byId -> grants.ofRequests(ids).map(list -> {
                    Map<UUID, WalletGrant> byRequest = list.stream().collect(Collectors.toMap(g -> g.requestId, Function.identity()));
                    Page<CertificateRequest> p = Page.from(rows, page, r -> new PageRequest.Cursor(r.createdAt.toString(), r.id.toString()))
                            .map(r -> mapper.toRequest(r, byId.get(r.partyId), byRequest.get(r.id), forHolder, now));
                    return new CertificateRequestPage().items(p.items()).nextCursor(p.nextCursor());
                }));
    }

    /** The holder approves: a grant for the request's fields, uses and days, from now. */
    @WithTransaction
    public Uni<CertificateGrant> approve(UUID holderId, UUID requestId) {
        OffsetDateTime now = clock.now();
        return pending(holderId, requestId, now).chain(r -> parties.findById(r.partyId).chain(party -> {
            r.state = WalletGrantRequest.State.APPROVED;
            r.answeredAt = now;
            WalletGrant g = new WalletGrant();
            g.id = UUID.randomUUID();
            g.requestId = r.id;
            g.partyId = r.partyId;
            g.holderId = holderId;
            g.certificateId = r.certificateId;
            g.certificateName = r.certificateName;
            g.purpose = r.purpose;
            g.fields = r.fields;
            g.expiresAt = now.plusDays(r.days);
            g.maxUses = r.maxUses;
            g.createdAt = now;
            return grants.persist(g)
                    .call(() -> audit.record(AuditEvent.of("wallet.grant.approve").target(TARGET, r.id.toString())
                            .details(Map.of("grantId", g.id.toString(), "party", party.code))))
                    .map(saved -> mapper.toGrant(g, party));
        }));
    }

    @WithTransaction
    public Uni<CertificateRequest> refuse(UUID holderId, UUID requestId) {
        OffsetDateTime now = clock.now();
        return pending(holderId, requestId, now).chain(r -> parties.findById(r.partyId).chain(party -> {
            r.state = WalletGrantRequest.State.REFUSED;
            r.answeredAt = now;
            return audit.record(AuditEvent.of("wallet.grant.refuse").target(TARGET, r.id.toString())
                    .details(Map.of("party", party.code)))
                    .map(x -> mapper.toRequest(r, party, null, true, now));
        }));
    }

    /** The holder's request, locked, if it still waits for an answer: 404 when not theirs, 409 when closed. */
    private Uni<WalletGrantRequest> pending(UUID holderId, UUID requestId, OffsetDateTime now) {
        return requests.heldForUpdate(requestId, holderId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .invoke(r -> {
                    WalletGrantRequest.State state = r.stateAt(now);
                    if (state != WalletGrantRequest.State.PENDING) {
                        throw ApiException.of(GrantErrors.GRANT_REQUEST_CLOSED, state.name());
                    }
                });
    }
}
