package app.banhao.timeline;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.common.AffectedEntities;
import org.hibernate.reactive.mutiny.Mutiny;

import app.banhao.platform.events.CaseTimelineFact;
import app.banhao.platform.query.InList;
import app.banhao.platform.transaction.SqlStatement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseTimelineEntries implements PanacheRepositoryBase<CaseTimelineEntry, Long> {

    private static final List<CaseTimelineFact.Visibility> RESIDENT = List.of(CaseTimelineFact.Visibility.RESIDENT);
    private static final List<CaseTimelineFact.Visibility> STAFF = List.of(CaseTimelineFact.Visibility.values());
    // A delivery runs again only when its DONE was lost; the entry it wrote then is kept, not written twice. SQL, not
    // HQL: Hibernate keeps no plan for an HQL insert, update or delete, and translated this one again on every state
    // change (2–3% of the event loops' CPU while drafts were created or submitted, async-profiler, 2026-12-05).
    private static final AffectedEntities TABLE = new AffectedEntities(CaseTimelineEntry.class);
    private static final String ADD = "INSERT INTO case_timeline_entry (application_no, source, event_id, kind, at, actor_kind,"
            + " actor_id, actor_display, from_state, to_state, note, params, visibility)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, cast(cast(?12 AS text) AS jsonb), ?13)"
            + " ON CONFLICT (source, event_id) DO NOTHING";

    /** A case's entries, oldest first: those everyone sees, or also the staff-only ones. */
    public Uni<List<CaseTimelineEntry>> of(String applicationNo, boolean staff) {
        List<CaseTimelineFact.Visibility> visible = staff ? STAFF : RESIDENT;
        return getSession().chain(s -> {
            Mutiny.SelectionQuery<CaseTimelineEntry> query = s.createSelectionQuery("from CaseTimelineEntry e where e.applicationNo = :no"
                    + " and e.visibility in " + InList.of("visible", visible.size()) + " order by e.at, e.id", CaseTimelineEntry.class)
                    .setParameter("no", applicationNo);
            InList.bind("visible", visible, query::setParameter);
            return query.getResultList();
        });
    }

    /** Writes {@code e} unless an entry of its source and event is there already; whether it wrote it. */
    public Uni<Boolean> addIfAbsent(CaseTimelineEntry e) {
        return getSession().chain(s -> add(e).executeOn(s)).map(rows -> rows == 1);
    }

    /** The statement of {@link #addIfAbsent}, for a writer that sends it with its own. */
    public SqlStatement add(CaseTimelineEntry e) {
        return SqlStatement.of(ADD, TABLE, e.applicationNo, e.source, e.eventId, e.kind, e.at, e.actorKind.name(), e.actorId,
                e.actorDisplay, e.fromState, e.toState, e.note, e.params, e.visibility.name());
    }
}
