package app.banhao.live;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LiveSessionRepository implements PanacheRepositoryBase<LiveSession, UUID> {

    /** How many upcoming streams and how many replays the public schedule shows. */
    static final int SCHEDULE_PART = 20;

    public Uni<List<LiveSession>> inState(LiveSession.State state, String order, int limit) {
        return find("state = ?1 order by " + order, state).range(0, limit - 1).list();
    }

    /** The department's stream, locked for a state change; null when it is another department's or none. */
    public Uni<LiveSession> lockedOfDepartment(UUID id, String department) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "from LiveSession where id = :id and departmentCode = :department", LiveSession.class)
                .setParameter("id", id).setParameter("department", department)
                .setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResultOrNull());
    }

    public Uni<List<LiveSession>> ofDepartment(String department, PageRequest page) {
        Parameters p = Parameters.with("department", department);
        String q = "departmentCode = :department" + page.newestFirstAfter("startsAt", p) + " order by startsAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }
}
