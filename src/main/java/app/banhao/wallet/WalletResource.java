package app.banhao.wallet;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.WalletApi;
import app.banhao.api.model.Certificate;
import app.banhao.api.model.CertificatePage;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** /api/v1/wallet/certificates: the caller's own certificates. */
@RolesAllowed(TokenClaims.RESIDENT)
public class WalletResource implements WalletApi {

    private final WalletService wallet;
    private final CurrentActor actor;

    public WalletResource(WalletService wallet, CurrentActor actor) {
        this.wallet = wallet;
        this.actor = actor;
    }

    @Override
    public Uni<CertificatePage> listMyCertificates(String type, String cursor, Integer limit) {
        return wallet.list(actor.uuid(), type, PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<Certificate> getMyCertificate(UUID certificateId) {
        return wallet.detail(actor.uuid(), certificateId);
    }

    @Override
    public Uni<Certificate> revealMyCertificate(UUID certificateId) {
        return wallet.reveal(actor.uuid(), certificateId);
    }
}
