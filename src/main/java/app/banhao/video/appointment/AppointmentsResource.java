package app.banhao.video.appointment;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.AppointmentsApi;
import app.banhao.api.model.VideoAppointment;
import app.banhao.api.model.VideoAppointmentCreate;
import app.banhao.api.model.VideoAppointmentList;
import app.banhao.api.model.VideoAppointmentMove;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;
import app.banhao.platform.security.TokenClaims;

/** The resident's video appointments; every one checked against its owner. Booking needs real-name level L2. */
@RolesAllowed(TokenClaims.RESIDENT)
public class AppointmentsResource implements AppointmentsApi {

    /** The real-name level booking needs (L2: name and ID number checked). */
    static final String BOOKING_LEVEL = "L2";

    private final BookingService booking;
    private final AppointmentChanges changes;
    private final AppointmentQueries queries;
    private final CurrentActor actor;

    public AppointmentsResource(BookingService booking, AppointmentChanges changes, AppointmentQueries queries,
            CurrentActor actor) {
        this.booking = booking;
        this.changes = changes;
        this.queries = queries;
        this.actor = actor;
    }

    @Override
    @SuccessStatus(201)
    public Uni<VideoAppointment> bookVideoAppointment(VideoAppointmentCreate request, String idempotencyKey) {
        UUID me = actor.uuid();
        if (!actor.levelAtLeast(BOOKING_LEVEL)) {
            throw ApiException.of(ErrorCode.FORBIDDEN);
        }
        return booking.book(me, request, idempotencyKey);
    }

    @Override
    public Uni<VideoAppointment> confirmVideoAppointment(UUID appointmentId) {
        return changes.confirm(actor.uuid(), appointmentId);
    }

    @Override
    public Uni<VideoAppointment> cancelVideoAppointment(UUID appointmentId) {
        return changes.cancel(actor.uuid(), appointmentId);
    }

    @Override
    public Uni<VideoAppointment> moveVideoAppointment(UUID appointmentId, VideoAppointmentMove move) {
        return changes.move(actor.uuid(), appointmentId, move);
    }

    @Override
    public Uni<VideoAppointment> checkInVideoAppointment(UUID appointmentId) {
        return changes.checkIn(actor.uuid(), appointmentId);
    }

    @Override
    public Uni<VideoAppointment> getMyVideoAppointment(UUID appointmentId) {
        return queries.get(actor.uuid(), appointmentId);
    }

    @Override
    public Uni<VideoAppointmentList> listMyVideoAppointments(String cursor, Integer limit) {
        return queries.mine(actor.uuid(), PageRequest.of(cursor, limit));
    }
}
