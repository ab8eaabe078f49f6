package app.banhao.catalog;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.OnlineDepth;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.publishing.Publication;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Service items. Every list query fetches the department in the same statement, and only the detail
 * query fetches materials, so no read issues one query per item.
 */
@ApplicationScoped
public class ServiceItemRepository implements PanacheRepositoryBase<ServiceItem, String> {

    static final String ACTIVE_WITH_DEPARTMENT = "from ServiceItem i join fetch i.department d where i.status = :status";

    /**
     * A page of active items passing {@code filter}'s filters, by name then code (the browse order; a text
     * query goes through {@link ItemSearch}, which ranks).
     */
    public Uni<List<ServiceItem>> browse(ItemFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder(ACTIVE_WITH_DEPARTMENT);
        Parameters params = Parameters.with("status", Publication.ACTIVE);
        appendFilters(query, params, filter);
        if (page.after().isPresent()) {
            query.append(" and (i.name > :afterName or (i.name = :afterName and i.code > :afterCode))");
            params.and("afterName", page.after().get().key()).and("afterCode", page.after().get().id());
        }
        query.append(" order by i.name, i.code");
        return find(query.toString(), params).range(0, page.fetchSize() - 1).list();
    }

    /** Appends {@code filter}'s filters (not its text) to a query over {@code ServiceItem i join i.department d}. */
    static void appendFilters(StringBuilder query, Parameters params, ItemFilter filter) {
        if (filter.department() != null) {
            query.append(" and d.code = :department");
            params.and("department", filter.department());
        }
        if (filter.kind() != null) {
            query.append(" and i.kind = :kind");
            params.and("kind", filter.kind().toString());
        }
        if (filter.crossProvince() != null) {
            query.append(" and i.crossProvince = :crossProvince");
            params.and("crossProvince", filter.crossProvince());
        }
        if (filter.fullyOnline() != null) {
            query.append(filter.fullyOnline() ? " and i.onlineDepth = :online" : " and i.onlineDepth <> :online");
            params.and("online", OnlineDepth.FULLY_ONLINE.toString());
        }
        if (filter.instant() != null) {
            query.append(" and i.instant = :instant");
            params.and("instant", filter.instant());
        }
    }

    /** The active item with its department and materials, or null. */
    public Uni<ServiceItem> findDetail(String code) {
        return find("from ServiceItem i join fetch i.department left join fetch i.materials"
                + " where i.code = ?1 and i.status = ?2", code, Publication.ACTIVE)
                // Not firstResult(): a row limit with a collection fetch is applied in memory (HHH90003004).
                .list().map(found -> found.isEmpty() ? null : found.get(0));
    }

    public Uni<List<ServiceItem>> findActive(Collection<String> codes) {
        return find(ACTIVE_WITH_DEPARTMENT + " and i.code in :codes",
                Parameters.with("status", Publication.ACTIVE).and("codes", codes)).list();
    }

    public Uni<List<ServiceItem>> featured(int limit) {
        return find(ACTIVE_WITH_DEPARTMENT + " and i.featured = true order by i.name, i.code",
                Parameters.with("status", Publication.ACTIVE)).range(0, limit - 1).list();
    }

    public Uni<Long> countActiveIn(String departmentCode) {
        return count("department.code = ?1 and status = ?2", departmentCode, Publication.ACTIVE);
    }

    /** {@code !} escapes LIKE's wildcards, so a resident's {@code %} or {@code _} is matched literally. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
