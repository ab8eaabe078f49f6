package app.banhao.rating;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RectificationRepository implements PanacheRepositoryBase<Rectification, UUID> {

    public Uni<Rectification> ofRating(UUID ratingId) {
        return find("ratingId", ratingId).firstResult();
    }

    public Uni<Rectification> ofDepartment(UUID id, String department) {
        return find("id = ?1 and departmentCode = ?2", id, department).firstResult();
    }

    public Uni<List<Rectification>> ofDepartment(String department, boolean overdueOnly, PageRequest page) {
        Parameters p = Parameters.with("department", department);
        String q = "departmentCode = :department" + (overdueOnly ? " and overdueFlaggedAt is not null" : "")
                + page.newestFirstAfter("openedAt", p) + " order by openedAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }

    /** Every department's rectifications flagged overdue (escalated), newest first. */
    public Uni<List<Rectification>> escalated(PageRequest page) {
        Parameters p = new Parameters();
        String q = "overdueFlaggedAt is not null" + page.newestFirstAfter("openedAt", p) + " order by openedAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }
}
