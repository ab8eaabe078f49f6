package app.banhao.catalog;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.web.IfMatch;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The one way content is published, revised and retired, inside the caller's transaction: the row is
 * locked, {@code If-Match} is checked against its version, the version is raised, and the change is
 * audited as {@code <action>.create|update|retire} in the same transaction.
 */
@ApplicationScoped
public class Publishing {

    private final AuditTrail audit;

    public Publishing(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * Creates the content (version 1) or revises it, after {@code apply} has copied and validated the
     * input onto the entity. Putting retired content publishes it again.
     */
    public <E extends PublishedContent> Uni<Saved<E>> upsert(PanacheRepositoryBase<E, String> repository, String id,
            Supplier<E> fresh, String ifMatch, Function<E, Uni<Void>> apply, String action, String targetType) {
        return repository.findById(id, LockModeType.PESSIMISTIC_WRITE).chain(existing -> {
            boolean created = existing == null;
            E content = created ? fresh.get() : existing;
            if (created) {
                IfMatch.requireAbsent(ifMatch);
                content.version = 1;
            } else {
                IfMatch.requireCurrent(ifMatch, content.version);
                content.version++;
            }
            content.status = Publication.ACTIVE;
            content.updatedAt = Publication.now();
            return apply.apply(content)
                    .chain(() -> created ? repository.persist(content) : Uni.createFrom().item(content))
                    .call(() -> audit.record(AuditEvent.of(action + (created ? ".create" : ".update")).target(targetType, id)))
                    .map(saved -> new Saved<>(content, content.version, created));
        });
    }

    /** Hides the content from readers once {@code check} allows it; 404 when absent or already retired. */
    public <E extends PublishedContent> Uni<Void> retire(PanacheRepositoryBase<E, String> repository, String id,
            String ifMatch, Function<E, Uni<Void>> check, String action, String targetType) {
        return repository.findById(id, LockModeType.PESSIMISTIC_WRITE).chain(content -> {
            if (content == null || Publication.RETIRED.equals(content.status)) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            IfMatch.requireCurrent(ifMatch, content.version);
            return check.apply(content).invoke(() -> {
                content.status = Publication.RETIRED;
                content.version++;
                content.updatedAt = Publication.now();
            }).call(() -> audit.record(AuditEvent.of(action + ".retire").target(targetType, id)));
        });
    }

    public static <E> Uni<Void> allowed(E content) {
        return Uni.createFrom().voidItem();
    }
}
