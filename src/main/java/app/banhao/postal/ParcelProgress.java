package app.banhao.postal;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one way a carrier's report moves a parcel, whoever brings it (the signed webhook, the EMS push, the
 * reconciliation query): once per parcel, state and carrier time (a repeat is a DUPLICATE), and forward only (a report
 * behind the parcel's state, as out-of-order pushes are, is STALE). A forward move is announced on the timeline and,
 * when delivered, in the inbox. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ParcelProgress {

    /** What a report did. */
    public enum Outcome {
        APPLIED, DUPLICATE, STALE
    }

    /** What carriers report; the rest are ours. */
    static final Set<DeliveryState> REPORTABLE = EnumSet.of(DeliveryState.PICKED_UP, DeliveryState.IN_TRANSIT,
            DeliveryState.OUT_FOR_DELIVERY, DeliveryState.DELIVERED, DeliveryState.RETURNED, DeliveryState.EXCEPTION);
    /** Nothing moves a parcel out of these. */
    static final Set<DeliveryState> FINAL = EnumSet.of(DeliveryState.DELIVERED, DeliveryState.RETURNED, DeliveryState.CANCELLED,
            DeliveryState.RECEIVED);

    private static final String REPORT = "INSERT INTO postal_tracking_event (delivery_id, state, op_time, description, received_at)"
            + " VALUES (:delivery, :state, :opTime, :description, :at) ON CONFLICT DO NOTHING";

    private final Outbox outbox;
    private final BusinessClock clock;

    public ParcelProgress(Outbox outbox, BusinessClock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies {@code trace} to the parcel of its waybill (locked); 404 for a waybill we never ordered. */
    public Uni<Outcome> apply(Carrier.Trace trace) {
        return Panache.getSession().chain(s -> s
                // A waybill names one parcel; should a carrier ever reuse a number, the newest parcel is the one meant.
                .createSelectionQuery("from PostalDelivery d where d.waybillNo = :waybill order by d.createdAt desc",
                        PostalDelivery.class)
                .setParameter("waybill", trace.waybillNo()).setLockMode(LockMode.PESSIMISTIC_WRITE).setMaxResults(1)
                .getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(d -> s.createNativeQuery(REPORT).setParameter("delivery", d.id).setParameter("state", trace.state().name())
                        .setParameter("opTime", trace.opTime()).setParameter("description", trace.opDesc())
                        .setParameter("at", clock.now()).executeUpdate()
                        .chain(inserted -> inserted == 0 ? Uni.createFrom().item(Outcome.DUPLICATE) : move(d, trace))));
    }

    private Uni<Outcome> move(PostalDelivery d, Carrier.Trace trace) {
        if (!forward(d.state, trace.state())) {
            return Uni.createFrom().item(Outcome.STALE);
        }
        d.state = trace.state();
        d.updatedAt = clock.now();
        return outbox.publish(new DeliveryProgressed(d.id, d.residentId, d.applicationNo, trace.state().name(), d.waybillNo,
                trace.state() == DeliveryState.DELIVERED ? trace.signer() : null, trace.opTime(), d.kind))
                .replaceWith(Outcome.APPLIED);
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
