package app.banhao.video.proxy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    /** At most this many of a resident's consents are listed, newest first. */
    static final int LISTED = 100;

    /** Locked for a change of state. */
    public Uni<Consent> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Read for an agent's step, with a share lock: a revocation waits for a step in flight and every later step sees
     * it, so revoking takes effect at once.
     */
    public Uni<Consent> findForStep(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_READ).firstResult();
    }

    public Uni<List<Consent>> ofResident(UUID residentId) {
        return find("residentId", Sort.descending("requestedAt").and("id", Sort.Direction.Descending), residentId)
                .page(0, LISTED).list();
    }
}
