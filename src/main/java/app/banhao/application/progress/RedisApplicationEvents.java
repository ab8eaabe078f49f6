package app.banhao.application.progress;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationEvents;
import app.banhao.platform.cache.RedisAvailability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;

/**
 * Publishes each state change as JSON on the Redis channel {@code banhao:{events}:resident:<id>} (one hash
 * tag for every resident's channel, so pub/sub works the same on Redis Cluster). Redis down: a log line
 * and {@code banhao_application_events_dropped_total}, never a failed transition.
 */
@ApplicationScoped
public class RedisApplicationEvents implements ApplicationEvents {

    public static final String CHANNEL_PREFIX = "banhao:{events}:resident:";

    private final ReactivePubSubCommands<String> pubsub;
    private final ObjectMapper json;
    private final RedisAvailability availability;
    private final Counter published;
    private final Counter dropped;

    public RedisApplicationEvents(ReactiveRedisDataSource redis, ObjectMapper json, MeterRegistry metrics,
            RedisAvailability availability) {
        this.pubsub = redis.pubsub(String.class);
        this.json = json;
        this.availability = availability;
        this.published = Counter.builder("banhao.application.events.published")
                .description("Application state changes published for live progress").register(metrics);
        this.dropped = Counter.builder("banhao.application.events.dropped")
                .description("Application state changes that could not be published (Redis unavailable)").register(metrics);
    }

    public static String channel(UUID residentId) {
        return CHANNEL_PREFIX + residentId;
    }

    @Override
    public Uni<Void> publish(UUID residentId, StateChanged change) {
        String message;
        try {
            message = json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            Log.errorf(e, "Could not serialise the state change of %s", change.applicationNo());
            dropped.increment();
            return Uni.createFrom().voidItem();
        }
        if (!availability.usable()) {
            dropped.increment();
            return Uni.createFrom().voidItem();
        }
        return availability.guard(Uni.createFrom().deferred(() -> pubsub.publish(channel(residentId), message)))
                .invoke(() -> published.increment())
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    dropped.increment();
                    Log.warnf("State change of %s not published for live progress: %s", change.applicationNo(), e.toString());
                    return Uni.createFrom().voidItem();
                });
    }
}
