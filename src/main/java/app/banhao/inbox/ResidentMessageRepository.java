package app.banhao.inbox;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResidentMessageRepository implements PanacheRepositoryBase<ResidentMessage, UUID> {

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
