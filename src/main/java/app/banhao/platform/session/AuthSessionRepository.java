package app.banhao.platform.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuthSessionRepository implements PanacheRepositoryBase<AuthSession, UUID> {

    public Uni<List<AuthSession>> activeOf(AuthSession.SubjectType type, UUID subjectId, OffsetDateTime now) {
        return list("subjectType = ?1 and subjectId = ?2 and revokedAt is null and expiresAt > ?3",
                Sort.descending("createdAt"), type, subjectId, now);
    }

    public Uni<AuthSession> findOwned(UUID id, AuthSession.SubjectType type, UUID subjectId) {
        return find("id = ?1 and subjectType = ?2 and subjectId = ?3", id, type, subjectId).firstResult();
    }
}
