package app.banhao.video.appointment;

import app.banhao.platform.error.ProblemCode;

/** The error codes of video-service appointments and their HTTP statuses; texts in {@code i18n/video/messages_*.properties}. */
public enum AppointmentErrors implements ProblemCode {
    /** Every place of the slot is taken (capacity counts held, booked and later states). */
    SLOT_FULL(409),
    /** The slot is not one of the availability's, is on a day off, or is outside the booking horizon. */
    SLOT_NOT_BOOKABLE(422),
    /** The resident already has an open appointment for this item. */
    APPOINTMENT_ALREADY_OPEN(409),
    /** Three no-shows in the configured window: booking pauses until the date named in the detail. */
    BOOKING_PAUSED(403),
    /** The move is not one the state machine allows from the appointment's current state. */
    APPOINTMENT_STATE_CONFLICT(409),
    /** Cancelling or moving past the cut-off before the slot. */
    APPOINTMENT_CHANGE_TOO_LATE(409),
    /** The hold ran out before it was confirmed. */
    HOLD_EXPIRED(409),
    /** Check-in outside the window around the slot start. */
    CHECK_IN_NOT_OPEN(409);

    private final int status;

    AppointmentErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
