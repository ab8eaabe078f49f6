package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * A postal carrier (EMS, or local mode's stand-in). Creating an order must be idempotent on
 * {@link ParcelOrder#logisticsOrderNo()}: the outbox calls again after a timeout, and a retry must never post a
 * second parcel. Every call fails with CARRIER_UNAVAILABLE when the carrier refuses or does not answer.
 */
public interface Carrier {

    /** The carrier's name as residents and staff see it (EMS, LOCAL). */
    String name();

    /** Places the order; the waybill number it was given. Fails (to be retried by the outbox) when the carrier cannot. */
    Uni<String> createOrder(ParcelOrder order);

    /** Cancels an order not yet picked up. */
    Uni<Void> cancelOrder(String logisticsOrderNo, String waybillNo, String reason);

    /** What the carrier knows of the parcel's course, oldest first, in our states (unknown records left out). */
    Uni<List<Trace>> track(String waybillNo);

    /** The waybill label to print and stick on the parcel, as a PDF. */
    Uni<byte[]> label(String waybillNo);

    /**
     * An order as the carrier needs it: the resident's side (name, mobile, region, detail) and what travels. Outbound
     * the resident receives and the carrier account's office sends; for a pick-up ({@code pickupWindow} set) the
     * resident sends, collected at their door within the window, and the office receives.
     */
    record ParcelOrder(String logisticsOrderNo, String applicationNo, String recipient, String mobile, String regionCode,
            String detail, String contents, PickupWindow pickupWindow) {

        ParcelOrder(String logisticsOrderNo, String applicationNo, String recipient, String mobile, String regionCode,
                String detail, String contents) {
            this(logisticsOrderNo, applicationNo, recipient, mobile, regionCode, detail, contents, null);
        }

        boolean pickup() {
            return pickupWindow != null;
        }
    }

    /** When the courier is to call at the resident's door. */
    record PickupWindow(OffsetDateTime start, OffsetDateTime end) {
    }

    /** One step of a parcel's course as a carrier reports it (pushed or queried); signer only when delivered. */
    record Trace(String waybillNo, DeliveryState state, OffsetDateTime opTime, String opDesc, String signer) {
    }
}
