package app.banhao.wallet;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.DataUsageApi;
import app.banhao.api.model.DataUsagePage;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** /api/v1/me/data-usage: the caller's usage ledger. */
@RolesAllowed(TokenClaims.RESIDENT)
public class DataUsageResource implements DataUsageApi {

    private final UsageLedger ledger;
    private final CurrentActor actor;

    public DataUsageResource(UsageLedger ledger, CurrentActor actor) {
        this.ledger = ledger;
        this.actor = actor;
    }

    @Override
    public Uni<DataUsagePage> listMyDataUsage(String certificateId, String cursor, Integer limit) {
        // A string with the UUID pattern in the contract (checked before this runs): a malformed one is a 422 naming
        // it, where a UUID-typed query parameter would be the 404 JAX-RS prescribes.
        return ledger.list(actor.uuid(), certificateId == null ? null : UUID.fromString(certificateId),
                PageRequest.of(cursor, limit));
    }
}
