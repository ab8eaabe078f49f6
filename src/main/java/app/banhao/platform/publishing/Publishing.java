package app.banhao.platform.publishing;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;

import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.Transactions;
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
    private final CacheAside cache;
    private final BusinessClock clock;

    public Publishing(AuditTrail audit, CacheAside cache, BusinessClock clock) {
        this.clock = clock;
        this.audit = audit;
        this.cache = cache;
    }

    /**
     * Runs a publishing change in its own transaction (again, when it lost a race: two first PUTs of one id both find
     * nothing to lock and insert), then bumps {@code namespace}'s cache version so the next read on any node sees it;
     * 201 or 200 with the new version as ETag.
     */
    public Uni<Response> published(String namespace, Supplier<Uni<? extends Saved<?>>> change) {
        return Transactions.<Saved<?>>retryingConflicts(change).call(() -> cache.invalidate(namespace)).map(Saved::toResponse);
    }

    /** Runs a retirement like {@link #published}, then bumps {@code namespace}'s cache version. */
    public Uni<Void> retired(String namespace, Supplier<Uni<Void>> change) {
        return Transactions.retryingConflicts(change).call(() -> cache.invalidate(namespace));
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
            content.updatedAt = clock.now();
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
                content.updatedAt = clock.now();
            }).call(() -> audit.record(AuditEvent.of(action + ".retire").target(targetType, id)));
        });
    }

    public static <E> Uni<Void> allowed(E content) {
        return Uni.createFrom().voidItem();
    }
}
