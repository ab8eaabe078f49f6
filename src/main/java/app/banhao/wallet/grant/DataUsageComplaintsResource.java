package app.banhao.wallet.grant;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.DataUsageComplaintsApi;
import app.banhao.api.model.ComplaintClose;
import app.banhao.api.model.ComplaintState;
import app.banhao.api.model.DataUsageComplaint;
import app.banhao.api.model.DataUsageComplaintPage;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** /api/v1/admin/data-usage-complaints: administrators handle residents' complaints about uses of their data. */
@RolesAllowed(TokenClaims.ADMIN)
public class DataUsageComplaintsResource implements DataUsageComplaintsApi {

    private final UsageComplaints complaints;
    private final CurrentActor actor;

    public DataUsageComplaintsResource(UsageComplaints complaints, CurrentActor actor) {
        this.complaints = complaints;
        this.actor = actor;
    }

    @Override
    public Uni<DataUsageComplaintPage> listDataUsageComplaints(ComplaintState state, String cursor, Integer limit) {
        return complaints.list(state, PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<DataUsageComplaint> closeDataUsageComplaint(UUID complaintId, ComplaintClose request) {
        return complaints.close(actor.id(), complaintId, request.getNote());
    }
}
