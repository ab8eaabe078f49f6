package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.api.model.PostalTrackingEvent;
import app.banhao.api.model.PostalTrackingReceipt;
import app.banhao.api.model.PostalTrackingReceipt.OutcomeEnum;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Applies a carrier's (already signature-checked) tracking report: once per webhook id (a second is a replay, 401), once
 * per parcel, state and carrier time (a repeat is a DUPLICATE), and forward only (a report behind the parcel's state,
 * as out-of-order pushes are, is STALE). A forward move is announced on the timeline and, when delivered, in the inbox.
 */
@ApplicationScoped
public class TrackingService {

    /** What carriers report; the rest are ours. */
    static final Set<DeliveryState> REPORTABLE = EnumSet.of(DeliveryState.PICKED_UP, DeliveryState.IN_TRANSIT,
            DeliveryState.OUT_FOR_DELIVERY, DeliveryState.DELIVERED, DeliveryState.RETURNED, DeliveryState.EXCEPTION);
    /** Nothing moves a parcel out of these. */
    static final Set<DeliveryState> FINAL = EnumSet.of(DeliveryState.DELIVERED, DeliveryState.RETURNED, DeliveryState.CANCELLED);

    private static final String RECEIPT = "INSERT INTO postal_webhook_receipt (webhook_id, received_at) VALUES (:id, :at)"
            + " ON CONFLICT DO NOTHING";
    private static final String REPORT = "INSERT INTO postal_tracking_event (delivery_id, state, op_time, description, received_at)"
            + " VALUES (:delivery, :state, :opTime, :description, :at) ON CONFLICT DO NOTHING";

    private final Outbox outbox;
    private final BusinessClock clock;
    private final WebhookVerifier webhooks;

    public TrackingService(Outbox outbox, BusinessClock clock, WebhookVerifier webhooks) {
        this.outbox = outbox;
        this.clock = clock;
        this.webhooks = webhooks;
    }

    @WithTransaction
    public Uni<PostalTrackingReceipt> receive(String webhookId, PostalTrackingEvent report) {
        DeliveryState state = DeliveryState.valueOf(report.getState().name());
        if (!REPORTABLE.contains(state)) {
            throw ApiException.field(PostalErrors.TRACKING_STATE_NOT_REPORTABLE, FieldError.of("state", FieldCode.NOT_ALLOWED));
        }
        OffsetDateTime now = clock.now();
        return Panache.getSession().chain(s -> s.createNativeQuery(RECEIPT).setParameter("id", webhookId).setParameter("at", now)
                .executeUpdate()
                .invoke(inserted -> {
                    if (inserted == 0) {
                        throw webhooks.refused(StandardWebhooks.Refusal.REPLAYED);
                    }
                })
                .chain(() -> s.createSelectionQuery("from PostalDelivery d where d.waybillNo = :waybill", PostalDelivery.class)
                        .setParameter("waybill", report.getWaybillNo()).setLockMode(LockMode.PESSIMISTIC_WRITE)
                        .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(d -> s.createNativeQuery(REPORT).setParameter("delivery", d.id).setParameter("state", state.name())
                        .setParameter("opTime", report.getOpTime()).setParameter("description", report.getOpDesc())
                        .setParameter("at", now).executeUpdate()
                        .chain(inserted -> inserted == 0 ? Uni.createFrom().item(OutcomeEnum.DUPLICATE) : apply(d, state, report))))
                .map(outcome -> new PostalTrackingReceipt().outcome(outcome));
    }

    private Uni<OutcomeEnum> apply(PostalDelivery d, DeliveryState state, PostalTrackingEvent report) {
        if (!forward(d.state, state)) {
            return Uni.createFrom().item(OutcomeEnum.STALE);
        }
        d.state = state;
        d.updatedAt = clock.now();
        return outbox.publish(new DeliveryProgressed(d.id, d.residentId, d.applicationNo, state.name(), d.waybillNo,
                state == DeliveryState.DELIVERED ? report.getSigner() : null, report.getOpTime()))
                .replaceWith(OutcomeEnum.APPLIED);
    }

    /**
     * Whether {@code to} is ahead of {@code from}: later in the parcel's course, never out of a final state; an exception
     * is cleared by any report ahead of where the parcel had got before, which the course order approximates.
     */
    static boolean forward(DeliveryState from, DeliveryState to) {
        if (FINAL.contains(from) || from.ordinal() < DeliveryState.ORDERED.ordinal()) {
            return false;
        }
        if (from == DeliveryState.EXCEPTION) {
            return to == DeliveryState.DELIVERED || to == DeliveryState.RETURNED || to == DeliveryState.OUT_FOR_DELIVERY;
        }
        return to.ordinal() > from.ordinal();
    }
}
