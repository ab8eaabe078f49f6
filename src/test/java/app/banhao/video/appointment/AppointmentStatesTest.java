package app.banhao.video.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;

/** The appointment state machine as the issue names it, each move stamping its time; plain JUnit. */
class AppointmentStatesTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 3, 2, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theHappyPathRunsFromHeldToFinishedStampingEachStep() {
        Appointment a = held();
        a.holdExpiresAt = AT.plusMinutes(5);
        AppointmentStates.move(a, AppointmentState.BOOKED, AT);
        assertNull(a.holdExpiresAt, "a confirmed booking no longer expires");
        AppointmentStates.move(a, AppointmentState.WAITING, AT.plusMinutes(1));
        AppointmentStates.move(a, AppointmentState.CALLED, AT.plusMinutes(2));
        AppointmentStates.move(a, AppointmentState.IN_SESSION, AT.plusMinutes(3));
        AppointmentStates.move(a, AppointmentState.FINISHED, AT.plusMinutes(4));
        assertEquals(AppointmentState.FINISHED, a.state);
        assertEquals(AT, a.bookedAt);
        assertEquals(AT.plusMinutes(1), a.checkedInAt);
        assertEquals(AT.plusMinutes(2), a.calledAt);
        assertEquals(AT.plusMinutes(3), a.startedAt);
        assertEquals(AT.plusMinutes(4), a.finishedAt);
        assertEquals(AT.plusMinutes(4), a.updatedAt);
    }

    @Test
    void endStatesAreFinalAndSkippingAStepIsAConflict() {
        for (AppointmentState end : EnumSet.of(AppointmentState.FINISHED, AppointmentState.MISSED,
                AppointmentState.CANCELLED, AppointmentState.EXPIRED)) {
            assertTrue(AppointmentStates.next(end).isEmpty(), end + " is final");
        }
        Appointment a = held();
        ApiException e = assertThrows(ApiException.class, () -> AppointmentStates.move(a, AppointmentState.WAITING, AT));
        assertEquals(AppointmentErrors.APPOINTMENT_STATE_CONFLICT, e.code());
        assertEquals(AppointmentState.HELD, a.state, "a refused move changes nothing");
        assertFalse(AppointmentStates.allows(AppointmentState.BOOKED, AppointmentState.IN_SESSION));
        assertFalse(AppointmentStates.allows(AppointmentState.IN_SESSION, AppointmentState.MISSED));
        assertTrue(AppointmentStates.allows(AppointmentState.WAITING, AppointmentState.MISSED));
        assertTrue(AppointmentStates.allows(AppointmentState.HELD, AppointmentState.EXPIRED));
    }

    @Test
    void openStatesAreTheOnesThatHoldTheResidentsOneBookingPerItem() {
        EnumSet<AppointmentState> open = EnumSet.noneOf(AppointmentState.class);
        for (AppointmentState s : AppointmentState.values()) {
            if (s.open()) {
                open.add(s);
            }
        }
        assertEquals(EnumSet.copyOf(AppointmentRepository.OPEN), open);
    }

    private static Appointment held() {
        Appointment a = new Appointment();
        a.state = AppointmentState.HELD;
        return a;
    }
}
