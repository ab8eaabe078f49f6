package app.banhao.wallet;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.DataUsageApi;
import app.banhao.api.model.DataUsageComplaint;
import app.banhao.api.model.DataUsagePage;
import app.banhao.api.model.DataUsageReport;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import app.banhao.wallet.grant.UsageComplaints;
import io.smallrye.mutiny.Uni;

/** /api/v1/me/data-usage: the caller's usage ledger, and reporting a use they do not recognise. */
@RolesAllowed(TokenClaims.RESIDENT)
public class DataUsageResource implements DataUsageApi {

    private final UsageLedger ledger;
    private final CurrentActor actor;
    private final UsageComplaints complaints;

    public DataUsageResource(UsageLedger ledger, CurrentActor actor, UsageComplaints complaints) {
        this.ledger = ledger;
        this.actor = actor;
        this.complaints = complaints;
    }

    @Override
    @SuccessStatus(201)
    public Uni<DataUsageComplaint> reportDataUsage(UUID usageId, DataUsageReport report) {
        return complaints.report(actor.uuid(), usageId, report.getReason());
    }

    @Override
    public Uni<DataUsagePage> listMyDataUsage(String certificateId, String cursor, Integer limit) {
        // A string with the UUID pattern in the contract (checked before this runs): a malformed one is a 422 naming
        // it, where a UUID-typed query parameter would be the 404 JAX-RS prescribes.
        return ledger.list(actor.uuid(), certificateId == null ? null : UUID.fromString(certificateId),
                PageRequest.of(cursor, limit));
    }
}
