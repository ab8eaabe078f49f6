package app.banhao.video.appointment;

/**
 * Where a video-service appointment stands; the names are the contract's {@code AppointmentState}. The moves between
 * them are {@link AppointmentStates}'.
 */
public enum AppointmentState {
    /** A place taken for a few minutes while the resident confirms; counts against capacity until it expires. */
    HELD,
    /** Confirmed by the resident. */
    BOOKED,
    /** The resident checked in near the slot start and waits to be called. */
    WAITING,
    /** An agent called the resident. */
    CALLED,
    /** The video session is open. */
    IN_SESSION,
    FINISHED,
    /** The resident did not come (recorded after the slot end plus grace, or by the agent). */
    MISSED,
    CANCELLED,
    /** A hold not confirmed in time. */
    EXPIRED;

    /** Open: still holds the resident's one booking for its item (the partial unique index lists the same states). */
    public boolean open() {
        return this == HELD || this == BOOKED || this == WAITING || this == CALLED || this == IN_SESSION;
    }
}
