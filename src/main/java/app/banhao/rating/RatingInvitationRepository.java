package app.banhao.rating;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RatingInvitationRepository implements PanacheRepositoryBase<RatingInvitation, UUID> {

    public Uni<RatingInvitation> forResident(SubjectKind kind, String subjectId, UUID residentId) {
        return find("subjectKind = ?1 and subjectId = ?2 and residentId = ?3", kind, subjectId, residentId).firstResult();
    }

    /** The resident's invitations not rated yet whose window is open at {@code now}, newest first. */
    public Uni<List<RatingInvitation>> open(UUID residentId, java.time.OffsetDateTime now, PageRequest page) {
        Parameters p = Parameters.with("resident", residentId).and("now", now);
        String q = "residentId = :resident and rated = false and rateBy > :now" + page.newestFirstAfter("finishedAt", p)
                + " order by finishedAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }
}
