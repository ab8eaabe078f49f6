package app.banhao.video.appointment;

import static app.banhao.video.appointment.AppointmentState.BOOKED;
import static app.banhao.video.appointment.AppointmentState.CALLED;
import static app.banhao.video.appointment.AppointmentState.CANCELLED;
import static app.banhao.video.appointment.AppointmentState.EXPIRED;
import static app.banhao.video.appointment.AppointmentState.FINISHED;
import static app.banhao.video.appointment.AppointmentState.HELD;
import static app.banhao.video.appointment.AppointmentState.IN_SESSION;
import static app.banhao.video.appointment.AppointmentState.MISSED;
import static app.banhao.video.appointment.AppointmentState.WAITING;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import app.banhao.platform.error.ApiException;

/**
 * The appointment state machine, in one place for the resident side (book, confirm, check in, cancel), the agent
 * side (call, start, finish, missed) and the scheduled jobs (hold expiry, no-shows):
 *
 * <pre>
 * HELD ──confirm──▶ BOOKED ──check in──▶ WAITING ──call──▶ CALLED ──start──▶ IN_SESSION ──finish──▶ FINISHED
 *  │                  │ │                  │ │               │ └──▶ WAITING (called again later)
 *  ├─▶ EXPIRED        │ └──▶ MISSED ◀──────┘ │               └──▶ MISSED
 *  └─▶ CANCELLED ◀────┴──────────────────────┘
 * </pre>
 *
 * Each move stamps its time ({@code bookedAt}, {@code checkedInAt}, …) and {@code updatedAt}.
 */
public final class AppointmentStates {

    private static final Map<AppointmentState, EnumSet<AppointmentState>> NEXT = new EnumMap<>(AppointmentState.class);

    static {
        NEXT.put(HELD, EnumSet.of(BOOKED, CANCELLED, EXPIRED));
        NEXT.put(BOOKED, EnumSet.of(WAITING, CANCELLED, MISSED));
        NEXT.put(WAITING, EnumSet.of(CALLED, CANCELLED, MISSED));
        NEXT.put(CALLED, EnumSet.of(IN_SESSION, WAITING, MISSED));
        NEXT.put(IN_SESSION, EnumSet.of(FINISHED));
        NEXT.put(FINISHED, EnumSet.noneOf(AppointmentState.class));
        NEXT.put(MISSED, EnumSet.noneOf(AppointmentState.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(AppointmentState.class));
        NEXT.put(EXPIRED, EnumSet.noneOf(AppointmentState.class));
    }

    private AppointmentStates() {
    }

    /** Whether the machine allows {@code from → to}. */
    public static boolean allows(AppointmentState from, AppointmentState to) {
        return NEXT.get(from).contains(to);
    }

    /** The states reachable from {@code from} in one move. */
    public static Set<AppointmentState> next(AppointmentState from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    /**
     * Moves {@code appointment} to {@code to} at {@code at}, stamping the matching time; a move the machine does not
     * allow is 409 {@code APPOINTMENT_STATE_CONFLICT} naming the current state.
     */
    public static void move(Appointment appointment, AppointmentState to, OffsetDateTime at) {
        if (!allows(appointment.state, to)) {
            throw ApiException.of(AppointmentErrors.APPOINTMENT_STATE_CONFLICT, appointment.state.name(), to.name());
        }
        switch (to) {
            case BOOKED -> {
                appointment.bookedAt = at;
                appointment.holdExpiresAt = null;
            }
            case WAITING -> {
                if (appointment.checkedInAt == null) {
                    appointment.checkedInAt = at;
                }
            }
            case CALLED -> appointment.calledAt = at;
            case IN_SESSION -> appointment.startedAt = at;
            case FINISHED -> appointment.finishedAt = at;
            case MISSED -> appointment.missedAt = at;
            case CANCELLED -> appointment.cancelledAt = at;
            case EXPIRED, HELD -> {
                // an expired hold keeps its expiry time as the record of when it ran out
            }
        }
        appointment.state = to;
        appointment.updatedAt = at;
    }
}
