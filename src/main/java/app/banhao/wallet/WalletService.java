package app.banhao.wallet;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.CertificatePage;
import app.banhao.api.model.CertificateStatusChange;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.cache.CachedJson;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The wallet's reads and changes: a holder's certificates (strictly theirs: anyone else's is 404), the audited reveal,
 * status changes by the issuing department (audited, with a reason, in the holder's usage ledger), and the published
 * issuer keys.
 */
@ApplicationScoped
public class WalletService {

    static final String TARGET = "certificate";

    private final CertificateRepository certificates;
    private final IssuerKeys keys;
    private final WalletMapper mapper;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final ObjectMapper json;
    private final UsageLedger ledger;

    public WalletService(CertificateRepository certificates, IssuerKeys keys, WalletMapper mapper, AuditTrail audit,
            BusinessClock clock, ObjectMapper json, UsageLedger ledger) {
        this.ledger = ledger;
        this.certificates = certificates;
        this.keys = keys;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    @WithSession
    public Uni<CertificatePage> list(UUID holderId, String type, PageRequest page) {
        return certificates.held(holderId, type, page)
                .map(rows -> Page.from(rows, page, c -> new PageRequest.Cursor(c.createdAt.toString(), c.id.toString()))
                        .map(c -> mapper.toSummary(c, clock.today())))
                .map(p -> new CertificatePage().items(p.items()).nextCursor(p.nextCursor()));
    }

    @WithSession
    public Uni<app.banhao.api.model.Certificate> detail(UUID holderId, UUID id) {
        return held(holderId, id).map(c -> mapper.toCertificate(c, clock.today(), false));
    }

    /** The certificate in clear, with its signed document; the reveal is audited in the same transaction. */
    @WithTransaction
    public Uni<app.banhao.api.model.Certificate> reveal(UUID holderId, UUID id) {
        return held(holderId, id).call(c -> audit.record(AuditEvent.of("wallet.certificate.reveal").target(TARGET, c.id.toString())
                .details(Map.of("typeCode", c.typeCode))))
                .map(c -> mapper.toCertificate(c, clock.today(), true));
    }

    /**
     * Suspends, revokes or reinstates a certificate {@code department} issued. Revoked is final; only a suspended
     * certificate becomes valid again; setting the status it has is a conflict too (nothing would change).
     */
    @WithTransaction
    public Uni<app.banhao.api.model.Certificate> changeStatus(String department, UUID id, CertificateStatusChange change) {
        Certificate.Status wanted = Certificate.Status.valueOf(change.getStatus().name());
        return certificates.findIssuedBy(id, department).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(c -> {
                    Certificate.Status now = c.statusOn(clock.today());
                    boolean allowed = switch (wanted) {
                        case SUSPENDED, REVOKED -> now == Certificate.Status.VALID || now == Certificate.Status.SUSPENDED && wanted != now;
                        case VALID -> now == Certificate.Status.SUSPENDED;
                        case EXPIRED -> false;
                    };
                    if (!allowed) {
                        throw ApiException.of(WalletErrors.CERTIFICATE_STATUS_CONFLICT, now.name(), wanted.name());
                    }
                    c.status = wanted;
                    c.statusReason = change.getReason().strip();
                    c.statusChangedAt = clock.now();
                    return audit.record(AuditEvent.of("wallet.certificate.status").target(TARGET, c.id.toString())
                            .details(Map.of("from", now.name(), "to", wanted.name(), "reason", c.statusReason)))
                            .chain(() -> ledger.departmentRead(c, department, "证照状态变更：" + c.statusReason,
                                    CertificateUse.Channel.STAFF_STATUS, null))
                            .map(x -> mapper.toCertificate(c, clock.today(), false));
                });
    }

    /** The issuer keys as published, as JSON with its entity tag. */
    @WithSession
    public Uni<CachedJson> issuerKeys() {
        return keys.published().map(list -> {
            try {
                return CachedJson.of(json.writeValueAsString(mapper.toKeySet(list)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The issuer key set must be JSON", e);
            }
        });
    }

    private Uni<Certificate> held(UUID holderId, UUID id) {
        return certificates.findHeld(id, holderId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND));
    }
}
