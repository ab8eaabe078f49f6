package app.banhao.postal;

/** Why a parcel travels; the names are the contract's {@code PostalDeliveryKind}. */
public enum DeliveryKind {
    /** The result, posted to the resident on approval (chosen by the resident). */
    RESULT,
    /** A parcel the department sends on its own, e.g. a re-issued licence (补发). */
    STAFF_ORDER,
    /** The resident's originals, collected at their door and brought to the department (代收). */
    PICKUP;

    /** Whether the parcel comes to the department (the resident is the sender). */
    public boolean inbound() {
        return this == PICKUP;
    }

    /**
     * How the case timeline names a step of a parcel of {@code kind}: {@code PICKUP_<step>} for a pick-up,
     * {@code PARCEL_<step>} otherwise (also for events written before kinds existed, which carry none).
     */
    public static String timelineKind(DeliveryKind kind, String step) {
        return (kind != null && kind.inbound() ? "PICKUP_" : "PARCEL_") + step;
    }
}
