package app.banhao.wallet.grant;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UsageComplaintRepository implements PanacheRepositoryBase<UsageComplaint, UUID> {

    public Uni<List<UsageComplaint>> page(UsageComplaint.State state, PageRequest page) {
        Parameters p = new Parameters();
        StringBuilder q = new StringBuilder("1 = 1");
        if (state != null) {
            q.append(" and state = :state");
            p.and("state", state);
        }
        q.append(page.newestFirstAfter("createdAt", p)).append(" order by createdAt desc, id desc");
        return find(q.toString(), p).range(0, page.fetchSize() - 1).list();
    }

    public Uni<UsageComplaint> ofUsage(UUID usageId) {
        return find("usageId", usageId).firstResult();
    }
}
