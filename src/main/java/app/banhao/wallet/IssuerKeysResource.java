package app.banhao.wallet;

import jakarta.ws.rs.core.Response;

import app.banhao.api.WalletIssuersApi;
import app.banhao.api.model.StatusPurpose;
import app.banhao.platform.cache.HttpCaching;
import io.smallrye.mutiny.Uni;

/** /api/v1/wallet/issuer-keys and …/status-lists: public, conditional (ETag / 304), so verifiers refresh them cheaply. */
public class IssuerKeysResource implements WalletIssuersApi {

    private final WalletService wallet;
    private final StatusLists statusLists;

    public IssuerKeysResource(WalletService wallet, StatusLists statusLists) {
        this.wallet = wallet;
        this.statusLists = statusLists;
    }

    @Override
    public Uni<Response> getWalletStatusList(String code, StatusPurpose purpose, String ifNoneMatch) {
        return statusLists.signed(code, purpose).map(json -> HttpCaching.respond(json, ifNoneMatch));
    }

    @Override
    public Uni<Response> listWalletIssuerKeys(String ifNoneMatch) {
        return wallet.issuerKeys().map(json -> HttpCaching.respond(json, ifNoneMatch));
    }
}
