package app.banhao.wallet.presentation;

import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.WalletPresentationsApi;
import app.banhao.api.model.CertificatePresentation;
import app.banhao.api.model.PresentationPage;
import app.banhao.api.model.PresentationRequest;
import app.banhao.api.model.PresentationSummary;
import app.banhao.api.model.PresentationVerification;
import app.banhao.api.model.PresentationVerificationRequest;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.CallerInfo;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/** 亮证: the holder's presentations ({@code /wallet/presentations}) and the public {@code /wallet/presentations/verify}. */
public class PresentationsResource implements WalletPresentationsApi {

    private final PresentationService presentations;
    private final PresentationVerifier verifier;
    private final CurrentActor actor;
    private final CallerInfo caller;
    private final RateLimiter limiter;
    private final RateLimiter.Limit verificationsPerIp;

    @Context
    HttpHeaders headers;

    public PresentationsResource(PresentationService presentations, PresentationVerifier verifier, CurrentActor actor,
            CallerInfo caller, RateLimiter limiter,
            @ConfigProperty(name = "banhao.wallet.verify-per-ip-per-minute", defaultValue = "600") int verificationsPerIp) {
        this.presentations = presentations;
        this.verifier = verifier;
        this.actor = actor;
        this.caller = caller;
        this.limiter = limiter;
        // Public and writing (a ledger line per valid verification): bounded per client address, as the other
        // public operations are, so neither a token nor the ledger can be flooded from one place. Leased: a counter
        // scanning codes all day would otherwise add a Redis round trip to every verification.
        this.verificationsPerIp = RateLimiter.Limit.leased("presentation-verify-ip", verificationsPerIp, Duration.ofMinutes(1));
    }

    @Override
    @RolesAllowed(TokenClaims.RESIDENT)
    @SuccessStatus(201)
    public Uni<CertificatePresentation> createCertificatePresentation(PresentationRequest request) {
        return presentations.create(actor.uuid(), request);
    }

    @Override
    @RolesAllowed(TokenClaims.RESIDENT)
    public Uni<PresentationPage> listMyPresentations(String cursor, Integer limit) {
        return presentations.active(actor.uuid(), PageRequest.of(cursor, limit));
    }

    @Override
    @RolesAllowed(TokenClaims.RESIDENT)
    public Uni<PresentationSummary> revokeMyPresentation(UUID presentationId) {
        return presentations.revoke(actor.uuid(), presentationId);
    }

    @Override
    @PermitAll
    public Uni<PresentationVerification> verifyPresentation(PresentationVerificationRequest request) {
        return limiter.hit(verificationsPerIp, caller.ip()).chain(() -> verifier.verify(request.getToken(),
                new PresentationVerifier.Verifier(caller.ip(), caller.userAgent(), Messages.languageOf(headers))));
    }
}
