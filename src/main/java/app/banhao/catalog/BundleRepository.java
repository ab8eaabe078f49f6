package app.banhao.catalog;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.publishing.Publication;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Bundles. A page is two statements: the page of bundles, then their items for all of them at once
 * (a collection fetch cannot be limited in SQL).
 */
@ApplicationScoped
public class BundleRepository implements PanacheRepositoryBase<Bundle, String> {

    public Uni<List<Bundle>> activePage(PageRequest page) {
        Parameters params = Parameters.with("status", Publication.ACTIVE);
        String after = "";
        if (page.after().isPresent()) {
            after = " and (b.name > :afterName or (b.name = :afterName and b.code > :afterCode))";
            params.and("afterName", page.after().get().key()).and("afterCode", page.after().get().id());
        }
        return find("from Bundle b where b.status = :status" + after + " order by b.name, b.code", params)
                .range(0, page.fetchSize() - 1).list();
    }

    /** The bundles with their items and the items' departments, in one statement. */
    public Uni<List<Bundle>> withItems(Collection<String> codes) {
        return find("select distinct b from Bundle b left join fetch b.items i left join fetch i.department"
                + " where b.code in ?1", codes).list();
    }

    public Uni<Bundle> findActiveWithItems(String code) {
        return find("select distinct b from Bundle b left join fetch b.items i left join fetch i.department"
                + " where b.code = ?1 and b.status = ?2", code, Publication.ACTIVE)
                .list().map(found -> found.isEmpty() ? null : found.get(0));
    }
}
