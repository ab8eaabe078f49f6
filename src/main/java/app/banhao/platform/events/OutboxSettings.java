package app.banhao.platform.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How the relay hands events on (README "Case events"). */
@ConfigMapping(prefix = "banhao.outbox")
public interface OutboxSettings {

    /** Whether this node relays at all (every node may; at least one must). */
    @WithName("relay.enabled")
    @WithDefault("true")
    boolean relayEnabled();

    /** Deliveries claimed per round. */
    @WithDefault("100")
    int batchSize();

    /** Attempts before a delivery is dead-lettered. */
    @WithDefault("10")
    int maxAttempts();

    /** The wait after the first failure; it doubles per attempt up to {@link #retryMax()}. */
    @WithDefault("PT1S")
    Duration retryBase();

    @WithDefault("PT5M")
    Duration retryMax();

    /** How long an event every consumer has processed is kept. */
    @WithDefault("P7D")
    Duration retention();

    // The scheduler reads the four below through ${banhao.outbox.…} in OutboxRelay; declared here so they are
    // validated and documented with the rest (a typo fails the start instead of being ignored).

    /** How often every node looks for deliveries the delivery at commit left or another node left. */
    @WithDefault("1s")
    String pollEvery();

    @WithDefault("1s")
    String pollDelay();

    /** How often processed events past {@link #retention()} are removed. */
    @WithDefault("1h")
    String purgeEvery();

    @WithDefault("5m")
    String purgeDelay();
}
