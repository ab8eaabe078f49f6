package app.banhao.wallet.presentation;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import app.banhao.api.WalletPresentationsApi;
import app.banhao.api.model.CertificatePresentation;
import app.banhao.api.model.PresentationPage;
import app.banhao.api.model.PresentationRequest;
import app.banhao.api.model.PresentationSummary;
import app.banhao.api.model.PresentationVerification;
import app.banhao.api.model.PresentationVerificationRequest;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.PageRequest;
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

    @Context
    HttpHeaders headers;

    public PresentationsResource(PresentationService presentations, PresentationVerifier verifier, CurrentActor actor,
            CallerInfo caller) {
        this.presentations = presentations;
        this.verifier = verifier;
        this.actor = actor;
        this.caller = caller;
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
        return verifier.verify(request.getToken(), new PresentationVerifier.Verifier(caller.ip(), caller.userAgent(),
                Messages.languageOf(headers)));
    }
}
