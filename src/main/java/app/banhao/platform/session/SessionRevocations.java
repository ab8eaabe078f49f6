package app.banhao.platform.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.banhao.platform.security.SessionsRevoked;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The deny-list that makes a logout or revocation take effect before the access token expires
 * (DESIGN.md §7): a Redis key per revoked session, kept as long as any of its access tokens can live.
 * PostgreSQL holds the same fact ({@code auth_session.revoked_at}) and answers when Redis cannot.
 *
 * <p>A publish that failed (Redis down at that moment) would leave the Redis deny-list without the session
 * once Redis is back. So every node also reads the sessions revoked recently from PostgreSQL every few seconds
 * ({@code banhao.auth.revocation-sync}, 10 s) into a deny-list of its own, checked first: whatever happened to
 * Redis, a revoked session's access tokens stop on every node within that bound.
 */
@ApplicationScoped
public class SessionRevocations {

    private static final String PREFIX = "banhao:auth:revoked:";
    /** How far back each check reaches before the last one: covers transactions still open and clock skew. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private final ReactiveRedisDataSource redis;
    private final Pool db;
    private final Event<SessionsRevoked> revoked;
    private final Duration keep;
    private final Cache<UUID, Boolean> known;
    private final BusinessClock clock;
    private volatile OffsetDateTime checkedUpTo;

    public SessionRevocations(ReactiveRedisDataSource redis, Pool db, AccessTokens tokens, Event<SessionsRevoked> revoked, BusinessClock clock) {
        this.clock = clock;
        this.redis = redis;
        this.db = db;
        this.revoked = revoked;
        // One minute beyond the token lifespan covers clock skew between nodes.
        this.keep = tokens.lifespan().plusMinutes(1);
        this.known = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(1_000_000).build();
    }

    /** Publishes a revocation that PostgreSQL already records; retried, since it is what stops live tokens. */
    public Uni<Void> publish(UUID sessionId) {
        remember(Set.of(sessionId));
        return redis.execute("SET", PREFIX + sessionId, "1", "EX", Long.toString(keep.toSeconds()))
                .onFailure().retry().withBackOff(Duration.ofMillis(50)).atMost(3)
                .onFailure().invoke(e -> Log.errorf("Revocation of session %s not published to Redis: %s; "
                        + "other nodes see it from PostgreSQL within the revocation sync", sessionId, e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Boolean> isRevoked(UUID sessionId) {
        if (known.getIfPresent(sessionId) != null) {
            return Uni.createFrom().item(true);
        }
        return redis.execute("EXISTS", PREFIX + sessionId)
                .map(reply -> reply.toInteger() > 0)
                .onFailure().recoverWithUni(e -> revokedInDatabase(sessionId));
    }

    /** Reads the sessions revoked since the last check (with an overlap) into this node's own deny-list. */
    @Scheduled(every = "${banhao.auth.revocation-sync:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sync() {
        OffsetDateTime started = clock.now();
        OffsetDateTime from = checkedUpTo == null ? started.minus(keep) : checkedUpTo.minus(OVERLAP);
        return db.preparedQuery("SELECT id FROM auth_session WHERE revoked_at > $1")
                .execute(Tuple.of(from))
                .invoke(rows -> {
                    Set<UUID> ids = new HashSet<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID(0));
                    }
                    remember(ids);
                    checkedUpTo = started;
                })
                .replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Revocation sync from PostgreSQL failed: %s; trying again", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Adds to this node's deny-list; announces the sessions it did not know yet. */
    private void remember(Set<UUID> ids) {
        Set<UUID> fresh = new HashSet<>();
        for (UUID id : ids) {
            if (known.asMap().putIfAbsent(id, Boolean.TRUE) == null) {
                fresh.add(id);
            }
        }
        if (!fresh.isEmpty()) {
            revoked.fire(new SessionsRevoked(Set.copyOf(fresh)));
        }
    }

    private Uni<Boolean> revokedInDatabase(UUID sessionId) {
        return db.preparedQuery("SELECT revoked_at IS NOT NULL OR expires_at <= now() FROM auth_session WHERE id = $1")
                .execute(Tuple.of(sessionId))
                // Revoked means recorded as revoked or expired; a session this database does not know was never
                // revoked here (its token's signature is what vouches for it).
                .map(rows -> rows.iterator().hasNext() && rows.iterator().next().getBoolean(0));
    }
}
