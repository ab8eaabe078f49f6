package app.banhao.rating;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RatingRepository implements PanacheRepositoryBase<Rating, UUID> {

    public Uni<Rating> ofResident(SubjectKind kind, String subjectId, UUID residentId) {
        return find("subjectKind = ?1 and subjectId = ?2 and residentId = ?3", kind, subjectId, residentId).firstResult();
    }

    public Uni<Rating> ofDepartment(UUID id, String department) {
        return find("id = ?1 and departmentCode = ?2", id, department).firstResult();
    }

    public Uni<List<Rating>> ofDepartment(String department, boolean badOnly, PageRequest page) {
        Parameters p = Parameters.with("department", department);
        String q = "departmentCode = :department" + (badOnly ? " and bad = true" : "") + page.newestFirstAfter("ratedAt", p)
                + " order by ratedAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }

    public Uni<List<Rating>> pendingAppeals(PageRequest page) {
        Parameters p = Parameters.with("pending", Rating.AppealState.PENDING);
        String q = "appealState = :pending" + page.newestFirstAfter("appealedAt", p) + " order by appealedAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }
}
