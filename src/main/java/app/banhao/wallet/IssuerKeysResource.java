package app.banhao.wallet;

import jakarta.ws.rs.core.Response;

import app.banhao.api.WalletIssuersApi;
import app.banhao.platform.cache.HttpCaching;
import io.smallrye.mutiny.Uni;

/** /api/v1/wallet/issuer-keys: public, conditional (ETag / 304), so verifiers can refresh it cheaply. */
public class IssuerKeysResource implements WalletIssuersApi {

    private final WalletService wallet;

    public IssuerKeysResource(WalletService wallet) {
        this.wallet = wallet;
    }

    @Override
    public Uni<Response> listWalletIssuerKeys(String ifNoneMatch) {
        return wallet.issuerKeys().map(json -> HttpCaching.respond(json, ifNoneMatch));
    }
}
