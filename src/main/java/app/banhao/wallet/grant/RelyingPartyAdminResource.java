package app.banhao.wallet.grant;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.RelyingPartyAdminApi;
import app.banhao.api.model.RelyingParty;
import app.banhao.api.model.RelyingPartyCreate;
import app.banhao.api.model.RelyingPartyCredentials;
import app.banhao.api.model.RelyingPartyPage;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/** /api/v1/admin/relying-parties: administrators register and manage relying parties. */
@RolesAllowed(TokenClaims.ADMIN)
public class RelyingPartyAdminResource implements RelyingPartyAdminApi {

    private final RelyingParties parties;
    private final CurrentActor actor;

    public RelyingPartyAdminResource(RelyingParties parties, CurrentActor actor) {
        this.parties = parties;
        this.actor = actor;
    }

    @Override
    public Uni<RelyingPartyPage> listRelyingParties(String cursor, Integer limit) {
        return parties.list(PageRequest.of(cursor, limit));
    }

    @Override
    @SuccessStatus(201)
    public Uni<RelyingPartyCredentials> createRelyingParty(RelyingPartyCreate request, String idempotencyKey) {
        return parties.create(actor.id(), request, idempotencyKey);
    }

    @Override
    public Uni<RelyingParty> deactivateRelyingParty(UUID partyId) {
        return parties.deactivate(partyId);
    }

    @Override
    public Uni<RelyingPartyCredentials> rotateRelyingPartySecret(UUID partyId) {
        return parties.rotateSecret(partyId);
    }
}
