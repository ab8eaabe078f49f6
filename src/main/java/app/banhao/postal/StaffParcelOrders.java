package app.banhao.postal;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.StaffPostalDelivery;
import app.banhao.api.model.StaffPostalDeliveryCreate;
import app.banhao.application.core.CaseLookup;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.events.CaseTimelineFact.ActorKind;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Parcels the department posts on its own (a re-issued licence, 补发证照): to the address staff give, for a case of
 * their department. The delivery is REQUESTED at once and {@link DeliveryRequested} joins the outbox in the same
 * transaction, so the carrier order takes the result's path ({@link DispatchToCarrier}, retried, swept) and an outage
 * delays it but never loses it.
 */
@ApplicationScoped
public class StaffParcelOrders {

    private final CaseLookup cases;
    private final PostalDeliveryRepository deliveries;
    private final DataProtection crypto;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final PostalMapper mapper;
    private final BusinessClock clock;

    public StaffParcelOrders(CaseLookup cases, PostalDeliveryRepository deliveries, DataProtection crypto, Outbox outbox,
            Idempotency idempotency, AuditTrail audit, PostalMapper mapper, BusinessClock clock) {
        this.cases = cases;
        this.deliveries = deliveries;
        this.crypto = crypto;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A new outbound parcel for {@code applicationNo} of {@code department} (404 for another's case or a draft). */
    @WithTransaction
    public Uni<StaffPostalDelivery> create(String staffId, String department, String applicationNo,
            StaffPostalDeliveryCreate body, String idempotencyKey) {
        return idempotency.once("staff:" + staffId + ":createStaffPostalDelivery:" + applicationNo, idempotencyKey, body,
                StaffPostalDelivery.class, () -> cases.inDepartmentForUpdate(department, applicationNo).chain(c -> {
                    PostalDelivery d = PostalDelivery.of(c, DeliveryKind.STAFF_ORDER, clock.now());
                    d.address(crypto, body.getRecipient().strip(), body.getPhone(), body.getRegionCode(), body.getDetail().strip());
                    d.contents = body.getContents().strip();
                    d.state = DeliveryState.REQUESTED;
                    return deliveries.persist(d)
                            .call(() -> outbox.publish(new DeliveryArranged(d.id, d.applicationNo, d.kind, ActorKind.STAFF,
                                    StaffDispatchService.STAFF, d.contents, d.createdAt)))
                            .call(() -> outbox.publish(new DeliveryRequested(d.id, d.applicationNo, d.createdAt)))
                            .call(() -> audit.record(AuditEvent.of("postal.staff-order").target("postal-delivery", d.id.toString())))
                            .map(saved -> mapper.toStaffView(saved, clock.now().minus(StaffDispatchService.CARRIER_WAITING)));
                }));
    }
}
