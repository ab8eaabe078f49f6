package app.banhao.wallet.grant;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WalletGrantRepository implements PanacheRepositoryBase<WalletGrant, UUID> {

    public Uni<List<WalletGrant>> ofHolder(UUID holderId, PageRequest page) {
        Parameters p = Parameters.with("holder", holderId);
        String q = "holderId = :holder" + page.newestFirstAfter("createdAt", p) + " order by createdAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }

    public Uni<List<WalletGrant>> ofRequests(Collection<UUID> requestIds) {
        return requestIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("requestId in ?1", requestIds);
    }

    /** The holder's grant, locked against a concurrent use; null when it is not theirs. */
    public Uni<WalletGrant> heldForUpdate(UUID id, UUID holderId) {
        return find("id = ?1 and holderId = ?2", id, holderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The party's grant, locked: uses are counted one at a time and a revocation waits for a use under way. */
    public Uni<WalletGrant> ofPartyForUpdate(UUID id, UUID partyId) {
        return find("id = ?1 and partyId = ?2", id, partyId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
