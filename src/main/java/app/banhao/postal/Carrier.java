package app.banhao.postal;

import io.smallrye.mutiny.Uni;

/**
 * A postal carrier (EMS, or local mode's stand-in). Creating an order must be idempotent on
 * {@link ParcelOrder#logisticsOrderNo()}: the outbox calls again after a timeout, and a retry must never post a
 * second parcel.
 */
public interface Carrier {

    /** The carrier's name as residents and staff see it (EMS, LOCAL). */
    String name();

    /** Places the order; the waybill number it was given. Fails (to be retried by the outbox) when the carrier cannot. */
    Uni<String> createOrder(ParcelOrder order);

    /** An order as the carrier needs it: who receives what, where; the sender is the carrier account's. */
    record ParcelOrder(String logisticsOrderNo, String applicationNo, String recipient, String mobile, String regionCode,
            String detail, String contents) {
    }
}
