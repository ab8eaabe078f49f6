package app.banhao.wallet.grant;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RelyingPartyRepository implements PanacheRepositoryBase<RelyingParty, UUID> {

    public Uni<List<RelyingParty>> page(PageRequest page) {
        Parameters p = new Parameters();
        String q = "1 = 1" + page.newestFirstAfter("createdAt", p) + " order by createdAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }

    /** The parties of these ids, by id. */
    public Uni<Map<UUID, RelyingParty>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(Map.of())
                : list("id in ?1", Set.copyOf(ids)).map(list -> list.stream().collect(Collectors.toMap(p -> p.id, Function.identity())));
    }

    public Uni<RelyingParty> byClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    public Uni<RelyingParty> byCode(String code) {
        return find("code", code).firstResult();
    }
}
