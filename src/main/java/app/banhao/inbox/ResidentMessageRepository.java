package app.banhao.inbox;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.common.AffectedEntities;

import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.transaction.SqlStatement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResidentMessageRepository implements PanacheRepositoryBase<ResidentMessage, UUID> {

    private static final AffectedEntities TABLE = new AffectedEntities(ResidentMessage.class);
    private static final String INSERT = "INSERT INTO resident_message (id, resident_id, application_id, application_no, state,"
            + " item_name, note, topic, created_at, read_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

    /** {@code m} as a statement, for a writer that sends its statements itself (every column the entity maps). */
    SqlStatement insert(ResidentMessage m) {
        return SqlStatement.of(INSERT, TABLE, m.id, m.residentId, m.applicationId, m.applicationNo, m.state, m.itemName, m.note,
                m.topic, m.createdAt, m.readAt);
    }

    public Uni<List<ResidentMessage>> inbox(UUID residentId, boolean unreadOnly, PageRequest page) {
        StringBuilder q = new StringBuilder("residentId = :resident");
        Parameters p = Parameters.with("resident", residentId);
        if (unreadOnly) {
            q.append(" and readAt is null");
        }
        q.append(page.newestFirstAfter("createdAt", p));
        q.append(" order by createdAt desc, id desc");
        return find(q.toString(), p).range(0, page.fetchSize() - 1).list();
    }

    public Uni<ResidentMessage> findOwned(UUID id, UUID residentId) {
        return find("id = ?1 and residentId = ?2", id, residentId).firstResult();
    }
}
