package app.banhao.postal;

/** Where a delivery stands; the names are the contract's {@code PostalDeliveryState}. */
public enum DeliveryState {
    /** Chosen by the resident; the result is not ready yet. */
    AWAITING_RESULT,
    /** Approved: the carrier order is queued in the outbox. */
    REQUESTED,
    /** The carrier accepted the order and issued a waybill. */
    ORDERED,
    PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, RETURNED, EXCEPTION, CANCELLED,
    /** A pick-up's materials recorded as received by the department's staff. */
    RECEIVED
}
