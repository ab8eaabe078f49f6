package app.banhao.postal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.PostalLabel;
import app.banhao.api.model.StaffPostalDelivery;
import app.banhao.api.model.StaffPostalDeliveryList;
import app.banhao.api.model.StaffPostalView;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.events.CaseTimelineFact.ActorKind;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The department's dispatch desk: its deliveries by what is to be done, the carrier's label, and retrying or cancelling
 * a stuck order. Only the department's own deliveries (another's is 404); every change and label fetch audited.
 */
@ApplicationScoped
public class StaffDispatchService {


    /** A request the carrier has not accepted for this long is shown as waiting on the carrier. */
    static final Duration CARRIER_WAITING = Duration.ofMinutes(1);
    private static final int LIST_LIMIT = 200;
    private static final Set<DeliveryState> UNDER_WAY = EnumSet.of(DeliveryState.PICKED_UP, DeliveryState.IN_TRANSIT,
            DeliveryState.OUT_FOR_DELIVERY);

    /** How the timeline names the department's staff. */
    static final String STAFF = "窗口工作人员";
    /** A pick-up whose courier is booked: the originals may arrive before the carrier reports them delivered. */
    private static final Set<DeliveryState> RECEIVABLE = EnumSet.of(DeliveryState.ORDERED, DeliveryState.PICKED_UP,
            DeliveryState.IN_TRANSIT, DeliveryState.OUT_FOR_DELIVERY, DeliveryState.DELIVERED, DeliveryState.EXCEPTION);

    private final PostalDeliveryRepository deliveries;
    private final ParcelChanges changes;
    private final Carrier carrier;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final PostalMapper mapper;
    private final Outbox outbox;

    public StaffDispatchService(PostalDeliveryRepository deliveries, ParcelChanges changes, Carrier carrier,
            AuditTrail audit, BusinessClock clock, PostalMapper mapper, Outbox outbox) {
        this.mapper = mapper;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.changes = changes;
        this.carrier = carrier;
        this.audit = audit;
        this.clock = clock;
    }

    @WithSession
    public Uni<StaffPostalDeliveryList> list(String department, StaffPostalView view) {
        OffsetDateTime waiting = clock.now().minus(CARRIER_WAITING);
        String where = view == null ? " and d.state <> :awaiting" : switch (view) {
            case TO_ORDER -> " and d.state = :requested";
            case ORDERED -> " and d.state = :ordered";
            case UNDER_WAY -> " and d.state in :underWay";
            case PROBLEMS -> " and (d.state in :problems or (d.state = :requested and d.updatedAt <= :waiting))";
        };
        return Panache.getSession().chain(s -> {
            var q = s.createSelectionQuery("from PostalDelivery d where d.departmentCode = :department" + where
                    + " order by d.updatedAt desc", PostalDelivery.class).setParameter("department", department)
                    .setMaxResults(LIST_LIMIT);
            if (view == null) {
                q.setParameter("awaiting", DeliveryState.AWAITING_RESULT);
            } else {
                switch (view) {
                    case TO_ORDER -> q.setParameter("requested", DeliveryState.REQUESTED);
                    case ORDERED -> q.setParameter("ordered", DeliveryState.ORDERED);
                    case UNDER_WAY -> q.setParameter("underWay", UNDER_WAY);
                    case PROBLEMS -> q.setParameter("problems", EnumSet.of(DeliveryState.EXCEPTION, DeliveryState.RETURNED))
                            .setParameter("requested", DeliveryState.REQUESTED).setParameter("waiting", waiting);
                }
            }
            return q.getResultList();
        }).map(found -> new StaffPostalDeliveryList().items(found.stream().map(d -> mapper.toStaffView(d, waiting)).toList()));
    }

    /** The waybill label from the carrier; 409 before a waybill exists. */
    @WithSession
    public Uni<PostalLabel> label(String department, UUID id) {
        return own(department, id, false).chain(d -> {
            if (d.waybillNo == null) {
                throw ApiException.of(PostalErrors.PARCEL_NOT_ORDERED, d.state.name());
            }
            return carrier.label(d.waybillNo).call(pdf -> audit.recordAlone(AuditEvent.of("postal.label.fetch")
                    .target("postal-delivery", id.toString())))
                    .map(pdf -> new PostalLabel().waybillNo(d.waybillNo).contentType("application/pdf")
                            .content(pdf));
        });
    }

    @WithTransaction
    public Uni<StaffPostalDelivery> retry(String department, UUID id) {
        return change(department, id, "postal.retry", changes::retry);
    }

    @WithTransaction
    public Uni<StaffPostalDelivery> cancel(String department, UUID id) {
        return change(department, id, "postal.cancel", d -> changes.cancel(d, ActorKind.STAFF, STAFF, "部门取消寄递"));
    }

    /**
     * Records a pick-up's originals as received by the department: RECEIVED (final), on the timeline and in the inbox.
     * Again on a received one answers it again.
     */
    @WithTransaction
    public Uni<StaffPostalDelivery> receive(String department, UUID id) {
        return change(department, id, "postal.receive", d -> {
            if (!d.kind.inbound()) {
                throw ApiException.of(PostalErrors.NOT_A_PICKUP);
            }
            if (d.state == DeliveryState.RECEIVED) {
                return Uni.createFrom().item(d);
            }
            if (!RECEIVABLE.contains(d.state)) {
                throw ApiException.of(PostalErrors.MATERIALS_NOT_RECEIVABLE, d.state.name());
            }
            d.state = DeliveryState.RECEIVED;
            d.receivedAt = clock.now();
            d.updatedAt = d.receivedAt;
            return outbox.publish(new MaterialsReceived(d.id, d.residentId, d.applicationNo, d.waybillNo, STAFF, d.receivedAt))
                    .replaceWith(d);
        });
    }

    private Uni<StaffPostalDelivery> change(String department, UUID id, String action,
            Function<PostalDelivery, Uni<PostalDelivery>> step) {
        return own(department, id, true).chain(d -> step.apply(d))
                .call(d -> audit.record(AuditEvent.of(action).target("postal-delivery", id.toString())))
                .map(d -> mapper.toStaffView(d, clock.now().minus(CARRIER_WAITING)));
    }

    /** The department's delivery (locked when {@code lock}); 404 for another department's or none. */
    private Uni<PostalDelivery> own(String department, UUID id, boolean lock) {
        return (lock ? deliveries.findForUpdate(id) : deliveries.findById(id))
                .map(d -> d == null || !department.equals(d.departmentCode) ? null : d)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND));
    }
}
