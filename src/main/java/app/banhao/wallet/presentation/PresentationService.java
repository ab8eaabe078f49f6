package app.banhao.wallet.presentation;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.CertificatePresentation;
import app.banhao.api.model.PresentationPage;
import app.banhao.api.model.PresentationRequest;
import app.banhao.api.model.PresentationSummary;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.qr.QrCodes;
import app.banhao.platform.time.BusinessClock;
import app.banhao.wallet.Certificate;
import app.banhao.wallet.CertificateRepository;
import app.banhao.wallet.SelectiveDisclosures;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The holder's side of 亮证: a presentation of one of their valid certificates with the fields they choose (the issuer's
 * digest list, the chosen disclosures and nothing else go into the token), their active presentations, and withdrawing
 * one early. Strictly the holder's: anyone else's certificate or presentation is 404.
 */
@ApplicationScoped
public class PresentationService {

    static final int DEFAULT_LIFETIME_SECONDS = 120;
    static final int MAX_LIFETIME_SECONDS = 300;
    /** Pixels a QR module in the PNG: a 2 KB token's symbol is then about 600 px wide. */
    private static final int QR_SCALE = 4;
    private static final String AUDIT_TARGET = "presentation";

    private final CertificateRepository certificates;
    private final PresentationRepository presentations;
    private final SelectiveDisclosures disclosures;
    private final PresentationKeys keys;
    private final PresentationMapper mapper;
    private final BusinessClock clock;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public PresentationService(CertificateRepository certificates, PresentationRepository presentations,
            SelectiveDisclosures disclosures, PresentationKeys keys, PresentationMapper mapper, BusinessClock clock,
            ObjectMapper json, AuditTrail audit) {
        this.audit = audit;
        this.certificates = certificates;
        this.presentations = presentations;
        this.disclosures = disclosures;
        this.keys = keys;
        this.mapper = mapper;
        this.clock = clock;
        this.json = json;
    }

    @WithTransaction
    public Uni<CertificatePresentation> create(UUID holderId, PresentationRequest request) {
        return certificates.findHeld(request.getCertificateId(), holderId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(c -> {
                    Certificate.Status status = c.statusOn(clock.today());
                    if (status != Certificate.Status.VALID) {
                        throw ApiException.of(PresentationErrors.CERTIFICATE_NOT_PRESENTABLE, status.name());
                    }
                    return disclosures.of(c).chain(signed -> keys.signer().chain(signer -> {
                        List<String> labels = chosen(signed.disclosures().keySet(), request.getFields());
                        // Whole seconds: the token carries epoch seconds, and the row must say the same instant.
                        OffsetDateTime now = clock.now().truncatedTo(ChronoUnit.SECONDS);
                        Presentation p = new Presentation();
                        p.id = UUID.randomUUID();
                        p.holderId = holderId;
                        p.certificateId = c.id;
                        p.certificateName = c.name;
                        p.fields = mapper.write(labels);
                        p.singleUse = request.getSingleUse() == null || request.getSingleUse();
                        p.createdAt = now;
                        p.expiresAt = now.plusSeconds(request.getLifetimeSeconds() == null ? DEFAULT_LIFETIME_SECONDS
                                : Math.min(request.getLifetimeSeconds(), MAX_LIFETIME_SECONDS));
                        List<List<String>> shown = labels.stream().map(signed.disclosures()::get).toList();
                        String token = new PresentationToken(p.id, signer.keyId(), p.createdAt.toEpochSecond(),
                                p.expiresAt.toEpochSecond(), p.singleUse, signed.document(), signed.signature(), shown)
                                .sign(signer, json);
                        p.tokenDigest = PresentationToken.digest(token);
                        // The token carries the chosen fields in clear (a reveal to whoever reads it): audited like one.
                        return presentations.persist(p)
                                .call(saved -> audit.record(AuditEvent.of("wallet.presentation.create")
                                        .target(AUDIT_TARGET, saved.id.toString())
                                        .details(Map.of("certificateId", c.id.toString(), "fields", labels,
                                                "singleUse", saved.singleUse, "expiresAt", saved.expiresAt.toString()))))
                                .map(saved -> mapper.toCreated(saved, token, QrCodes.densePng(token, QR_SCALE),
                                        QrCodes.denseSvg(token)));
                    }));
                });
    }

    @WithSession
    public Uni<PresentationPage> active(UUID holderId, PageRequest page) {
        return presentations.active(holderId, clock.now(), page)
                .map(rows -> Page.from(rows, page, p -> new PageRequest.Cursor(p.createdAt.toString(), p.id.toString()))
                        .map(mapper::toSummary))
                .map(p -> new PresentationPage().items(p.items()).nextCursor(p.nextCursor()));
    }

    /** Withdraws the holder's presentation; again changes nothing. */
    @WithTransaction
    public Uni<PresentationSummary> revoke(UUID holderId, UUID presentationId) {
        return presentations.revoke(presentationId, holderId, clock.now())
                .chain(() -> presentations.findHeld(presentationId, holderId))
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .call(p -> audit.record(AuditEvent.of("wallet.presentation.revoke").target(AUDIT_TARGET, p.id.toString())
                        .details(Map.of("certificateId", p.certificateId.toString()))))
                .map(mapper::toSummary);
    }

    /** The chosen labels in the certificate's order; 422 naming those it does not have. */
    private static List<String> chosen(Set<String> offered, Set<String> wanted) {
        List<String> unknown = wanted.stream().filter(w -> !offered.contains(w)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(PresentationErrors.PRESENTATION_FIELD_UNKNOWN, List.of(String.join("、", unknown)),
                    List.of(FieldError.of("fields", FieldCode.NOT_ALLOWED)), Map.of());
        }
        return new ArrayList<>(offered.stream().filter(wanted::contains).toList());
    }
}
