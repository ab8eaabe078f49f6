package app.banhao.platform.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import app.banhao.platform.redis.ProbedSubscription;
import app.banhao.platform.security.SessionsRevoked;
import app.banhao.platform.time.BusinessClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The deny-list that makes a logout or revocation take effect before the access token expires
 * (DESIGN.md §7): a Redis key per revoked session, kept as long as any of its access tokens can live, and the same
 * session id announced on the Redis channel {@value #CHANNEL} to every node's own deny-list. PostgreSQL holds the
 * same fact ({@code auth_session.revoked_at}) and answers when Redis cannot.
 *
 * <p>Every authenticated request asks this. While this node is subscribed to the channel and has proven the
 * subscription live, its own deny-list has heard every revocation, and the answer is made here with no Redis call
 * (a round trip per request was about 7% of the process's CPU on a resident's list of applications). The list is
 * trusted only once the subscription has been live for {@link #SETTLE} before a read of PostgreSQL's recent
 * revocations completed (which covers those announced before it was live); it stops being trusted the moment the
 * subscription ends, a probe through it does not come back (checked at every sync), or the list had to drop an entry
 * for room. Until trusted again, each request asks Redis (and PostgreSQL when Redis cannot answer), as before.
 *
 * <p>A publish that failed (Redis down at that moment) would leave the Redis deny-list without the session
 * once Redis is back. So every node also reads the sessions revoked recently from PostgreSQL every few seconds
 * ({@code banhao.auth.revocation-sync}, 10 s) into its own deny-list: whatever happened to Redis, a revoked session's
 * access tokens stop on every node within that bound.
 */
@ApplicationScoped
public class SessionRevocations {

    private static final String PREFIX = "banhao:auth:revoked:";
    /** One hash tag: the channel and the probes live on one shard of a cluster, which passes PUBLISH to all nodes. */
    private static final String CHANNELS = "banhao:{auth}:revocations:";
    static final String CHANNEL = CHANNELS + "sessions";
    /** How far back each check reaches before the last one: covers transactions still open and clock skew. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);
    /**
     * How long the subscription must have been live before a read of PostgreSQL makes the deny-list trusted: a
     * revocation announced just before the subscription existed is committed by then (its transaction flushed the
     * row before the announcement), so the read finds it.
     */
    static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration PROBE_WAIT = Duration.ofSeconds(2);
    private static final Uni<Boolean> NOT_REVOKED = Uni.createFrom().item(false);

    /** Since when the subscription is known to be live (System.nanoTime); a new instance each time it becomes so. */
    private record Live(long since) {
    }

    private final ReactiveRedisDataSource redis;
    private final Pool db;
    private final Event<SessionsRevoked> revoked;
    private final Duration keep;
    private final Cache<UUID, Boolean> known;
    private final BusinessClock clock;
    private final ProbedSubscription subscription;
    private volatile OffsetDateTime checkedUpTo;
    private volatile Live live;
    private volatile boolean trusted;

    public SessionRevocations(ReactiveRedisDataSource redis, Pool db, AccessTokens tokens, Event<SessionsRevoked> revoked,
            BusinessClock clock, MeterRegistry metrics) {
        this.clock = clock;
        this.redis = redis;
        this.db = db;
        this.revoked = revoked;
        // One minute beyond the token lifespan covers clock skew between nodes.
        this.keep = tokens.lifespan().plusMinutes(1);
        this.known = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(1_000_000)
                // An entry dropped for room is a revocation forgotten: Redis must be asked again.
                .evictionListener((UUID id, Boolean v, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        distrust();
                    }
                })
                .build();
        this.subscription = new ProbedSubscription(redis.pubsub(String.class), CHANNELS + "*",
                CHANNELS + "probe-" + UUID.randomUUID(), PROBE_WAIT, this::announced, this::distrust);
        Gauge.builder("banhao.auth.revocations.local", this, r -> r.trusted ? 1 : 0)
                .description("1 while this node answers the deny-list from its own copy (subscribed), 0 while it asks Redis per request")
                .register(metrics);
    }

    /** Publishes a revocation that PostgreSQL already records; retried, since it is what stops live tokens. */
    public Uni<Void> publish(UUID sessionId) {
        remember(Set.of(sessionId));
        // The key first: a node that does not trust its own list yet asks Redis for it.
        return redis.execute("SET", PREFIX + sessionId, "1", "EX", Long.toString(keep.toSeconds()))
                .chain(() -> redis.execute("PUBLISH", CHANNEL, sessionId.toString()))
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
        if (trusted) {
            return NOT_REVOKED;
        }
        return redis.execute("EXISTS", PREFIX + sessionId)
                .map(reply -> reply.toInteger() > 0)
                .onFailure().recoverWithUni(e -> revokedInDatabase(sessionId));
    }

    /** Whether this node answers from its own deny-list, without asking Redis (for tests and the gauge). */
    public boolean answersLocally() {
        return trusted;
    }

    /**
     * Subscribes (or proves the subscription still live), then reads the sessions revoked since the last check (with
     * an overlap) into this node's own deny-list; trusts that list once the subscription had been live for
     * {@link #SETTLE} when the read began.
     */
    @Scheduled(every = "${banhao.auth.revocation-sync:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sync() {
        return listening().chain(since -> {
            long readAt = System.nanoTime();
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
                        if (since != null && readAt - since.since() >= SETTLE.toNanos()) {
                            trust(since);
                        }
                    })
                    .replaceWithVoid();
        })
                .onFailure().invoke(e -> Log.warnf("Revocation sync from PostgreSQL failed: %s; trying again", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** The subscription made or proven live again: since when it is, or null when it is not. */
    private Uni<Live> listening() {
        Uni<Boolean> proven = subscription.live() ? subscription.reprobe()
                : subscription.ensureSubscribed().map(v -> subscription.live());
        return proven.map(ok -> ok ? becameLive() : null);
    }

    private synchronized Live becameLive() {
        if (live == null) {
            live = new Live(System.nanoTime());
        }
        return live;
    }

    /** Trusts the deny-list, unless the subscription it relies on was lost since {@code since}. */
    private synchronized void trust(Live since) {
        if (live == since && subscription.live()) {
            trusted = true;
        }
    }

    private synchronized void distrust() {
        if (trusted) {
            Log.warn("Session revocations: this node asks Redis on every request again until its subscription is proven");
        }
        trusted = false;
        live = null;
    }

    /** A revocation announced by a node (this one included). */
    private void announced(String channel, String message) {
        if (!CHANNEL.equals(channel)) {
            return;
        }
        try {
            remember(Set.of(UUID.fromString(message)));
        } catch (IllegalArgumentException e) {
            Log.warnf("Session revocations: ignored a message that is not a session id on %s", channel);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        subscription.stop();
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
