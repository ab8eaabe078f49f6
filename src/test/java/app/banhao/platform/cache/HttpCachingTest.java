package app.banhao.platform.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpCachingTest {

    @Test
    void ifNoneMatchFollowsWeakComparisonOverAList() {
        String tag = CachedJson.of("{}").etag();
        assertTrue(HttpCaching.matches(tag, tag));
        assertTrue(HttpCaching.matches("\"x\", W/" + tag, tag));
        assertTrue(HttpCaching.matches("*", tag));
        assertFalse(HttpCaching.matches("\"x\"", tag));
        assertFalse(HttpCaching.matches(null, tag));
    }
}
