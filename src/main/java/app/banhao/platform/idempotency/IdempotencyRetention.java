package app.banhao.platform.idempotency;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Deletes idempotency records past {@code banhao.idempotency.retention} (default 24 h): a retry comes within
 * minutes, and a record kept longer only keeps a fingerprint of someone's request. Batches of
 * {@value #BATCH} rows, each its own short transaction, so the purge never holds many locks; rows another node
 * is deleting (or a request is taking over) are skipped, so running on every node at once is harmless.
 */
@ApplicationScoped
public class IdempotencyRetention {

    static final int BATCH = 1_000;
    private static final String DELETE_BATCH = "DELETE FROM idempotency_record WHERE (scope, idem_key) IN ("
            + "SELECT scope, idem_key FROM idempotency_record WHERE created_at < now() - make_interval(secs => ?1) "
            + "ORDER BY created_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)";

    private final Duration retention;

    public IdempotencyRetention(@ConfigProperty(name = "banhao.idempotency.retention", defaultValue = "PT24H") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("banhao.idempotency.retention must be positive");
        }
        this.retention = retention;
    }

    @Scheduled(every = "${banhao.idempotency.purge-every:15m}", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purgeFrom(0).invoke(n -> {
            if (n > 0) {
                Log.infof("Idempotency retention removed %d records older than %s", n, retention);
            }
        }).replaceWithVoid();
    }

    /** Deletes batch after batch until one comes back short; the total removed. */
    Uni<Long> purgeFrom(long removedSoFar) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(DELETE_BATCH)
                .setParameter(1, retention.toSeconds()).executeUpdate()))
                .chain(n -> n < BATCH ? Uni.createFrom().item(removedSoFar + n) : purgeFrom(removedSoFar + n));
    }
}
