package app.banhao.wallet.grant;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.RelyingPartyApi;
import app.banhao.api.model.CertificateRequest;
import app.banhao.api.model.CertificateRequestCreate;
import app.banhao.api.model.CertificateRequestPage;
import app.banhao.api.model.ClientCredentialsRequest;
import app.banhao.api.model.ClientCredentialsToken;
import app.banhao.api.model.GrantedCertificate;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/** /api/v1/relying-party: a relying party's token, its requests, and its reads within grants. */
@RolesAllowed(TokenClaims.RELYING_PARTY)
public class RelyingPartyResource implements RelyingPartyApi {

    private final RelyingParties parties;
    private final GrantRequests requests;
    private final GrantUses uses;
    private final CurrentActor actor;

    public RelyingPartyResource(RelyingParties parties, GrantRequests requests, GrantUses uses, CurrentActor actor) {
        this.parties = parties;
        this.requests = requests;
        this.uses = uses;
        this.actor = actor;
    }

    @Override
    @PermitAll
    public Uni<ClientCredentialsToken> issueRelyingPartyToken(ClientCredentialsRequest request) {
        return parties.token(request.getClientId(), request.getClientSecret());
    }

    @Override
    @SuccessStatus(201)
    public Uni<CertificateRequest> createCertificateRequest(CertificateRequestCreate request, String idempotencyKey) {
        return requests.create(actor.uuid(), request, idempotencyKey);
    }

    @Override
    public Uni<CertificateRequestPage> listRelyingPartyRequests(String cursor, Integer limit) {
        return requests.listForParty(actor.uuid(), PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<GrantedCertificate> useCertificateGrant(UUID grantId) {
        return uses.use(actor.uuid(), grantId);
    }
}
