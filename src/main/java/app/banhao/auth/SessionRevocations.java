package app.banhao.auth;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The deny-list that makes a logout or revocation take effect before the access token expires
 * (DESIGN.md §7): a Redis key per revoked session, kept as long as any of its access tokens can live.
 * PostgreSQL holds the same fact ({@code auth_session.revoked_at}) and answers when Redis cannot.
 */
@ApplicationScoped
public class SessionRevocations {

    private static final String PREFIX = "banhao:auth:revoked:";

    private final ReactiveRedisDataSource redis;
    private final Pool db;
    private final long keepSeconds;

    public SessionRevocations(ReactiveRedisDataSource redis, Pool db, AccessTokens tokens) {
        this.redis = redis;
        this.db = db;
        // One minute beyond the token lifespan covers clock skew between nodes.
        this.keepSeconds = tokens.lifespan().plusMinutes(1).toSeconds();
    }

    /** Publishes a revocation that PostgreSQL already records; retried, since it is what stops live tokens. */
    public Uni<Void> publish(UUID sessionId) {
        return redis.execute("SET", PREFIX + sessionId, "1", "EX", Long.toString(keepSeconds))
                .onFailure().retry().withBackOff(Duration.ofMillis(50)).atMost(3)
                .onFailure().invoke(e -> Log.errorf("Revocation of session %s not published to Redis: %s; "
                        + "nodes fall back to PostgreSQL only while Redis is unreachable", sessionId, e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Boolean> isRevoked(UUID sessionId) {
        return redis.execute("EXISTS", PREFIX + sessionId)
                .map(reply -> reply.toInteger() > 0)
                .onFailure().recoverWithUni(e -> revokedInDatabase(sessionId));
    }

    private Uni<Boolean> revokedInDatabase(UUID sessionId) {
        return db.preparedQuery("SELECT revoked_at IS NOT NULL OR expires_at <= now() FROM auth_session WHERE id = $1")
                .execute(Tuple.of(sessionId))
                // Revoked means recorded as revoked or expired; a session this database does not know was never
                // revoked here (its token's signature is what vouches for it).
                .map(rows -> rows.iterator().hasNext() && rows.iterator().next().getBoolean(0));
    }
}
