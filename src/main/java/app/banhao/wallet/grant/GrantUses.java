package app.banhao.wallet.grant;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.CertificateGrant;
import app.banhao.api.model.CertificateGrantPage;
import app.banhao.api.model.CertificateStatus;
import app.banhao.api.model.GrantedCertificate;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import app.banhao.wallet.Certificate;
import app.banhao.wallet.CertificateRepository;
import app.banhao.wallet.UsageLedger;
import app.banhao.wallet.WalletMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Grants in use: a relying party reading a certificate within its grant (every check made on the locked row, every
 * use a line of the holder's usage ledger), and the holder listing and revoking their grants, effective at once.
 */
@ApplicationScoped
public class GrantUses {

    static final String TARGET = "certificate-grant";

    private final WalletGrantRepository grants;
    private final RelyingPartyRepository parties;
    private final RelyingParties active;
    private final CertificateRepository certificates;
    private final WalletMapper certificateFields;
    private final UsageLedger ledger;
    private final GrantMapper mapper;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public GrantUses(WalletGrantRepository grants, RelyingPartyRepository parties, RelyingParties active,
            CertificateRepository certificates, WalletMapper certificateFields, UsageLedger ledger, GrantMapper mapper,
            AuditTrail audit, BusinessClock clock) {
        this.grants = grants;
        this.parties = parties;
        this.active = active;
        this.certificates = certificates;
        this.certificateFields = certificateFields;
        this.ledger = ledger;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One use of a grant by its party: the row is locked, so uses are counted one at a time and a revocation either
     * came before (refused) or waits for this use. Nothing about a grant is cached: every use reads it here.
     */
    @WithTransaction
    public Uni<GrantedCertificate> use(UUID partyId, UUID grantId) {
        OffsetDateTime now = clock.now();
        return active.active(partyId).chain(party -> grants.ofPartyForUpdate(grantId, partyId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(g -> certificates.findById(g.certificateId).chain(c -> {
                    WalletGrant.Unusable why = g.unusableAt(now);
                    if (why == null && c.statusOn(clock.today()) != Certificate.Status.VALID) {
                        why = WalletGrant.Unusable.CERTIFICATE_NOT_VALID;
                    }
                    if (why != null) {
                        throw ApiException.of(GrantErrors.GRANT_NOT_USABLE, why.name());
                    }
                    g.uses++;
                    Map<String, String> all = certificateFields.recordFields(c);
                    Map<String, String> shown = new LinkedHashMap<>();
                    mapper.fields(g.fields).forEach(label -> {
                        if (all.containsKey(label)) {
                            shown.put(label, all.get(label));
                        }
                    });
                    return ledger.partyRead(c, party.code, party.name, g.purpose, List.copyOf(shown.keySet()), g.id)
                            .call(() -> audit.record(AuditEvent.of("wallet.grant.use").target(TARGET, g.id.toString())
                                    .details(Map.of("certificateId", c.id.toString(), "fields", List.copyOf(shown.keySet())))))
                            .map(x -> new GrantedCertificate().grantId(g.id).certificateId(c.id).name(c.name).typeCode(c.typeCode)
                                    .identifier(c.identifier).issuerName(c.issuerName).issuedOn(c.issuedOn).validFrom(c.validFrom)
                                    .validTo(c.validTo).longTerm(c.longTerm).status(CertificateStatus.VALID).fields(shown)
                                    .purpose(g.purpose).usesLeft(g.maxUses - g.uses).expiresAt(GrantMapper.utc(g.expiresAt)));
                })));
    }

    @WithSession
    public Uni<CertificateGrantPage> listForHolder(UUID holderId, PageRequest page) {
        return grants.ofHolder(holderId, page).chain(rows -> {
            return parties.byIds(rows.stream().map(g -> g.partyId).toList())
                    .map(byId -> {
                        Page<CertificateGrant> p = Page.from(rows, page, g -> new PageRequest.Cursor(g.createdAt.toString(), g.id.toString()))
                                .map(g -> mapper.toGrant(g, byId.get(g.partyId)));
                        return new CertificateGrantPage().items(p.items()).nextCursor(p.nextCursor());
                    });
        });
    }

    /** The holder revokes a grant; its next use is refused. Revoking again changes nothing. */
    @WithTransaction
    public Uni<CertificateGrant> revoke(UUID holderId, UUID grantId) {
        return grants.heldForUpdate(grantId, holderId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(g -> parties.findById(g.partyId).chain(party -> {
                    boolean changed = g.revokedAt == null;
                    if (changed) {
                        g.revokedAt = clock.now();
                    }
                    return audit.record(AuditEvent.of("wallet.grant.revoke").target(TARGET, g.id.toString())
                            .details(Map.of("changed", Boolean.toString(changed), "party", party.code)))
                            .map(x -> mapper.toGrant(g, party));
                }));
    }
}
