package app.banhao.video.appointment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.VideoAppointment;
import app.banhao.api.model.VideoAppointmentList;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** The resident's reads of their own appointments; another resident's is 404. */
@ApplicationScoped
public class AppointmentQueries {

    private final AppointmentRepository appointments;
    private final AppointmentMapper mapper;

    public AppointmentQueries(AppointmentRepository appointments, AppointmentMapper mapper) {
        this.appointments = appointments;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<VideoAppointment> get(UUID residentId, UUID id) {
        return appointments.findById(id).map(a -> {
            if (a == null || !a.residentId.equals(residentId)) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return mapper.view(a);
        });
    }

    /** The latest slot first. */
    @WithSession
    public Uni<VideoAppointmentList> mine(UUID residentId, PageRequest page) {
        Parameters p = Parameters.with("resident", residentId);
        String q = "residentId = :resident" + page.newestFirstAfter("slotStart", p) + " order by slotStart desc, id desc";
        return appointments.find(q, p).range(0, page.fetchSize() - 1).list()
                .map(rows -> Page.from(rows, page, a -> new PageRequest.Cursor(a.slotStart.toString(), a.id.toString()))
                        .map(mapper::view))
                .map(p2 -> new VideoAppointmentList().items(p2.items()).nextCursor(p2.nextCursor()));
    }
}
