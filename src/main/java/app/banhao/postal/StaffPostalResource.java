package app.banhao.postal;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.StaffPostalApi;
import app.banhao.api.model.PostalLabel;
import app.banhao.api.model.StaffPostalDelivery;
import app.banhao.api.model.StaffPostalDeliveryCreate;
import app.banhao.api.model.StaffPostalDeliveryList;
import app.banhao.api.model.StaffPostalView;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/** /api/v1/staff/postal: reviewers, for their own department's deliveries only (another's is 404). */
@RolesAllowed(TokenClaims.REVIEWER)
public class StaffPostalResource implements StaffPostalApi {

    private final StaffDispatchService dispatch;
    private final StaffParcelOrders orders;
    private final CurrentActor actor;

    public StaffPostalResource(StaffDispatchService dispatch, StaffParcelOrders orders, CurrentActor actor) {
        this.dispatch = dispatch;
        this.orders = orders;
        this.actor = actor;
    }

    @Override
    public Uni<StaffPostalDeliveryList> listStaffPostalDeliveries(StaffPostalView view) {
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

    @Override
    public Uni<StaffPostalDelivery> receiveStaffPostalMaterials(UUID deliveryId) {
        return dispatch.receive(department(), deliveryId);
    }

    @Override
    @SuccessStatus(201)
    public Uni<StaffPostalDelivery> createStaffPostalDelivery(String applicationNo, StaffPostalDeliveryCreate body,
            String idempotencyKey) {
        return orders.create(actor.id(), department(), applicationNo, body, idempotencyKey);
    }

    private String department() {
        return actor.requiredDepartment();
    }
}
