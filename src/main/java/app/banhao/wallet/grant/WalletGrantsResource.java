package app.banhao.wallet.grant;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.WalletGrantsApi;
import app.banhao.api.model.CertificateGrant;
import app.banhao.api.model.CertificateGrantPage;
import app.banhao.api.model.CertificateRequest;
import app.banhao.api.model.CertificateRequestPage;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** /api/v1/wallet/grant-requests and /api/v1/wallet/grants: the holder's side of lending certificates. */
@RolesAllowed(TokenClaims.RESIDENT)
public class WalletGrantsResource implements WalletGrantsApi {

    private final GrantRequests requests;
    private final GrantUses grants;
    private final CurrentActor actor;

    public WalletGrantsResource(GrantRequests requests, GrantUses grants, CurrentActor actor) {
        this.requests = requests;
        this.grants = grants;
        this.actor = actor;
    }

    @Override
    public Uni<CertificateRequestPage> listMyGrantRequests(String cursor, Integer limit) {
        return requests.listForHolder(actor.uuid(), PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<CertificateGrant> approveGrantRequest(UUID requestId) {
        return requests.approve(actor.uuid(), requestId);
    }

    @Override
    public Uni<CertificateRequest> refuseGrantRequest(UUID requestId) {
        return requests.refuse(actor.uuid(), requestId);
    }

    @Override
    public Uni<CertificateGrantPage> listMyGrants(String cursor, Integer limit) {
        return grants.listForHolder(actor.uuid(), PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<CertificateGrant> revokeMyGrant(UUID grantId) {
        return grants.revoke(actor.uuid(), grantId);
    }
}
