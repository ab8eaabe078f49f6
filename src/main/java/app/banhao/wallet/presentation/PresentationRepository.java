package app.banhao.wallet.presentation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import app.banhao.wallet.Certificate;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PresentationRepository implements PanacheRepositoryBase<Presentation, UUID> {

    // One conditional update each: PostgreSQL re-checks the condition on the row it locked, so of many verifications of
    // a single-use presentation at once exactly one finds it unused.
    private static final String USE_ONCE = "update Presentation set usedAt = :now, uses = uses + 1"
            + " where id = :id and revokedAt is null and usedAt is null and expiresAt > :now";
    private static final String USE_AGAIN = "update Presentation set usedAt = coalesce(usedAt, :now), uses = uses + 1"
            + " where id = :id and revokedAt is null and expiresAt > :now";
    private static final String REVOKE = "update Presentation set revokedAt = :now"
            + " where id = :id and holderId = :holder and revokedAt is null";

    /** The holder's presentations a verifier can still use, newest first. */
    public Uni<List<Presentation>> active(UUID holderId, OffsetDateTime now, PageRequest page) {
        Parameters p = Parameters.with("holder", holderId).and("now", now);
        String q = "holderId = :holder and revokedAt is null and expiresAt > :now and (singleUse = false or usedAt is null)"
                + page.newestFirstAfter("createdAt", p) + " order by createdAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }

    /** A presentation with the certificate it shows. */
    public record Presented(Presentation presentation, Certificate certificate) {
    }

    /** Presentation {@code id} with its certificate, read in one statement (a verification needs both), or null. */
    public Uni<Presented> withCertificate(UUID id) {
        return getSession().chain(s -> s.createSelectionQuery(
                "select p, c from Presentation p join Certificate c on c.id = p.certificateId where p.id = :id", Object[].class)
                .setParameter("id", id).getSingleResultOrNull())
                .map(row -> row == null ? null : new Presented((Presentation) row[0], (Certificate) row[1]));
    }

    /** The presentation if {@code holderId} made it; null otherwise. */
    public Uni<Presentation> findHeld(UUID id, UUID holderId) {
        return find("id = ?1 and holderId = ?2", id, holderId).firstResult();
    }

    /** Counts a successful verification; false when it may not be used (any more). */
    public Uni<Boolean> use(Presentation p, OffsetDateTime now) {
        return getSession().chain(s -> s.createMutationQuery(p.singleUse ? USE_ONCE : USE_AGAIN)
                .setParameter("id", p.id).setParameter("now", now).executeUpdate()).map(rows -> rows == 1);
    }

    /** Marks the holder's presentation revoked unless it is already. */
    public Uni<Integer> revoke(UUID id, UUID holderId, OffsetDateTime now) {
        return getSession().chain(s -> s.createMutationQuery(REVOKE).setParameter("id", id).setParameter("holder", holderId)
                .setParameter("now", now).executeUpdate());
    }
}
