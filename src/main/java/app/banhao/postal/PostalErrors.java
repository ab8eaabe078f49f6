package app.banhao.postal;

import app.banhao.platform.error.ProblemCode;

/** The error codes of postal delivery and their HTTP statuses; texts in {@code i18n/postal/messages_*.properties}. */
public enum PostalErrors implements ProblemCode {
    /** The result is ready (or the case ended): postal delivery can no longer be chosen or changed. */
    DELIVERY_TOO_LATE(409),
    /** The item's result is not posted (its deliveryOptions lack POSTAL), or the case is a bundle's parent. */
    POSTAL_NOT_OFFERED(422),
    /** The courier has the parcel (or it has ended): its address can no longer be changed, nor the delivery cancelled. */
    PARCEL_PICKED_UP(409),
    /** The parcel has no waybill yet: nothing to print. */
    PARCEL_NOT_ORDERED(409),
    /** Only a parcel in exception, or one still waiting on the carrier, is ordered again. */
    PARCEL_NOT_RETRYABLE(409),
    /** A pick-up window off working hours or days, too short or long, too soon, too far ahead, or ending before it starts. */
    PICKUP_WINDOW_INVALID(422),
    /** Only a pick-up's materials are received; this parcel goes out. */
    NOT_A_PICKUP(409),
    /** The pick-up's courier is not booked yet, or the pick-up was cancelled or returned. */
    MATERIALS_NOT_RECEIVABLE(409),
    /** The carrier refused or did not answer; the outbox tries again later. */
    CARRIER_UNAVAILABLE(503),
    /** A carrier callback unsigned, badly signed, stale or replayed. */
    WEBHOOK_REFUSED(401),
    /** A tracking report of a state a carrier does not report (AWAITING_RESULT, REQUESTED, ORDERED, CANCELLED). */
    TRACKING_STATE_NOT_REPORTABLE(422);

    private final int status;

    PostalErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
