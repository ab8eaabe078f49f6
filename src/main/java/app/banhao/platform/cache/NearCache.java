package app.banhao.platform.cache;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What this node read from Redis, kept by versioned key for at most the local TTL so the hottest reads cost no
 * round trip; entries of old versions simply age out. A TTL of 0 turns it off.
 */
final class NearCache {

    private final long ttlNanos;
    private final Cache<String, LocalEntry> local;

    private record LocalEntry(CachedJson json, long expiresAt) {
    }

    NearCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.local = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
    }

    long ttlNanos() {
        return ttlNanos;
    }

    CachedJson get(String entryKey) {
        LocalEntry entry = local.getIfPresent(entryKey);
        return entry != null && System.nanoTime() - entry.expiresAt() < 0 ? entry.json() : null;
    }

    /** Keeps {@code json} unless it came with a version older than one this node already knows. */
    CachedJson remember(boolean current, String entryKey, Duration ttl, CachedJson json) {
        if (current && ttlNanos > 0) {
            local.put(entryKey, new LocalEntry(json, System.nanoTime() + Math.min(ttlNanos, ttl.toNanos())));
        }
        return json;
    }
}
