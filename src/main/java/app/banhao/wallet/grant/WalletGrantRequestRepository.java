package app.banhao.wallet.grant;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WalletGrantRequestRepository implements PanacheRepositoryBase<WalletGrantRequest, UUID> {

    /** The requests of one party ({@code partyId}) or to one holder ({@code holderId}), newest first. */
    public Uni<List<WalletGrantRequest>> page(String owner, UUID ownerId, PageRequest page) {
        Parameters p = Parameters.with("owner", ownerId);
        String q = owner + " = :owner" + page.newestFirstAfter("createdAt", p) + " order by createdAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }

    /** The holder's request, locked for the answer; null when it is not theirs. */
    public Uni<WalletGrantRequest> heldForUpdate(UUID id, UUID holderId) {
        return find("id = ?1 and holderId = ?2", id, holderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
