package app.banhao.timeline;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.events.CaseTimelineFact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseTimelineEntries implements PanacheRepositoryBase<CaseTimelineEntry, Long> {

    private static final String READ = "from CaseTimelineEntry e where e.applicationNo = :no and e.visibility in :visible"
            + " order by e.at, e.id";
    private static final List<CaseTimelineFact.Visibility> RESIDENT = List.of(CaseTimelineFact.Visibility.RESIDENT);
    private static final List<CaseTimelineFact.Visibility> STAFF = List.of(CaseTimelineFact.Visibility.values());
    // A delivery runs again only when its DONE was lost; the entry it wrote then is kept, not written twice.
    private static final String ADD = "insert into CaseTimelineEntry (applicationNo, source, eventId, kind, at, actorKind,"
            + " actorId, actorDisplay, fromState, toState, note, params, visibility)"
            + " values (:applicationNo, :source, :eventId, :kind, :at, :actorKind, :actorId, :actorDisplay, :fromState, :toState,"
            + " :note, :params, :visibility) on conflict (source, eventId) do nothing";

    /** A case's entries, oldest first: those everyone sees, or also the staff-only ones. */
    public Uni<List<CaseTimelineEntry>> of(String applicationNo, boolean staff) {
        return getSession().chain(s -> s.createSelectionQuery(READ, CaseTimelineEntry.class)
                .setParameter("no", applicationNo).setParameter("visible", staff ? STAFF : RESIDENT).getResultList());
    }

    /** Writes {@code e} unless an entry of its source and event is there already; whether it wrote it. */
    public Uni<Boolean> addIfAbsent(CaseTimelineEntry e) {
        return getSession().chain(s -> s.createMutationQuery(ADD)
                .setParameter("applicationNo", e.applicationNo).setParameter("source", e.source)
                .setParameter("eventId", e.eventId).setParameter("kind", e.kind).setParameter("at", e.at)
                .setParameter("actorKind", e.actorKind).setParameter("actorId", e.actorId)
                .setParameter("actorDisplay", e.actorDisplay).setParameter("fromState", e.fromState)
                .setParameter("toState", e.toState).setParameter("note", e.note).setParameter("params", e.params)
                .setParameter("visibility", e.visibility).executeUpdate())
                .map(rows -> rows == 1);
    }
}
