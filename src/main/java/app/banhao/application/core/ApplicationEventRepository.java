package app.banhao.application.core;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.common.AffectedEntities;

import app.banhao.platform.transaction.SqlStatement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApplicationEventRepository implements PanacheRepositoryBase<ApplicationEvent, UUID> {

    private static final AffectedEntities TABLE = new AffectedEntities(ApplicationEvent.class);
    private static final String INSERT = "INSERT INTO application_event (id, application_id, at, actor_kind, actor_id, actor_display,"
            + " from_state, to_state, type, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

    /** {@code e} as a statement, for a writer that sends its statements itself (every column the entity maps). */
    public SqlStatement insert(ApplicationEvent e) {
        return SqlStatement.of(INSERT, TABLE, e.id, e.applicationId, e.at, e.actorKind, e.actorId, e.actorDisplay, e.fromState,
                e.toState, e.type, e.note);
    }

    public Uni<List<ApplicationEvent>> timeline(UUID applicationId) {
        return find("applicationId = ?1 order by at, id", applicationId).list();
    }
}
