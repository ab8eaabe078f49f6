package app.banhao.catalog;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.OnlineDepth;
import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import app.banhao.platform.publishing.Publication;

/**
 * Service items. Every list query fetches the department in the same statement, and only the detail
 * query fetches materials, so no read issues one query per item.
 */
@ApplicationScoped
public class ServiceItemRepository implements PanacheRepositoryBase<ServiceItem, String> {

    private static final String ACTIVE_WITH_DEPARTMENT = "from ServiceItem i join fetch i.department d where i.status = :status";

    /**
     * A page of active items matching {@code filter}, by name then code. The text search is a
     * case-insensitive substring match ({@code ILIKE '%q%'}): exact for queries of any length, including
     * two-character Chinese ones that trigram indexes cannot serve; on this small table the planner
     * scans or uses the trigram indexes as it sees fit.
     */
    public Uni<List<ServiceItem>> search(ItemFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder(ACTIVE_WITH_DEPARTMENT);
        Parameters params = Parameters.with("status", Publication.ACTIVE);
        if (filter.q() != null && !filter.q().isBlank()) {
            query.append(" and (i.name ilike :q escape '!' or i.guide ilike :q escape '!')");
            params.and("q", "%" + escapeLike(filter.q().trim()) + "%");
        }
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
        if (page.after().isPresent()) {
            query.append(" and (i.name > :afterName or (i.name = :afterName and i.code > :afterCode))");
            params.and("afterName", page.after().get().key()).and("afterCode", page.after().get().id());
        }
        query.append(" order by i.name, i.code");
        return find(query.toString(), params).range(0, page.fetchSize() - 1).list();
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
