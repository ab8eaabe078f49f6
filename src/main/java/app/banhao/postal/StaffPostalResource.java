package app.banhao.postal;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.StaffPostalApi;
import app.banhao.api.model.PostalLabel;
import app.banhao.api.model.StaffPostalDelivery;
import app.banhao.api.model.StaffPostalDeliveryList;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** /api/v1/staff/postal: reviewers, for their own department's deliveries only (another's is 404). */
@RolesAllowed(TokenClaims.REVIEWER)
public class StaffPostalResource implements StaffPostalApi {

    private final StaffDispatchService dispatch;
    private final CurrentActor actor;

    public StaffPostalResource(StaffDispatchService dispatch, CurrentActor actor) {
        this.dispatch = dispatch;
        this.actor = actor;
    }

    @Override
    public Uni<StaffPostalDeliveryList> listStaffPostalDeliveries(String view) {
        return dispatch.list(department(), view);
    }

    @Override
    public Uni<PostalLabel> getStaffPostalLabel(UUID deliveryId) {
        return dispatch.label(department(), deliveryId);
    }

    @Override
    public Uni<StaffPostalDelivery> retryStaffPostalDelivery(UUID deliveryId) {
        return dispatch.retry(department(), deliveryId);
    }

    @Override
    public Uni<StaffPostalDelivery> cancelStaffPostalDelivery(UUID deliveryId) {
        return dispatch.cancel(department(), deliveryId);
    }

    private String department() {
        return actor.requiredDepartment();
    }
}
