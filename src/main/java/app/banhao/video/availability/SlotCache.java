package app.banhao.video.availability;

import java.time.Duration;

/**
 * The Redis cache of a department's free slots (cache-aside, {@code platform/cache/CacheAside}): one namespace per
 * department, so a booking bumps only its department's version. The TTL bounds how long a hold that ran out without
 * anyone cancelling it shows as taken.
 */
public final class SlotCache {

    public static final Duration TTL = Duration.ofSeconds(60);

    private SlotCache() {
    }

    public static String namespace(String departmentCode) {
        return "video-slots:" + departmentCode;
    }
}
