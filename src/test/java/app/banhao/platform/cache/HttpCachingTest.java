package app.banhao.platform.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import app.banhao.platform.web.ResponseCompression;

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

    @Test
    void gzipIsAcceptedByNameOrStarWithAWeightAboveZero() {
        assertTrue(HttpCaching.acceptsGzip("gzip"));
        assertTrue(HttpCaching.acceptsGzip("gzip, deflate, br"));
        assertTrue(HttpCaching.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(HttpCaching.acceptsGzip("x-gzip"));
        assertTrue(HttpCaching.acceptsGzip("br, *;q=0.1"));
        assertFalse(HttpCaching.acceptsGzip(null));
        assertFalse(HttpCaching.acceptsGzip(""));
        assertFalse(HttpCaching.acceptsGzip("identity"));
        assertFalse(HttpCaching.acceptsGzip("deflate, br"));
        assertFalse(HttpCaching.acceptsGzip("gzip;q=0"));
        assertFalse(HttpCaching.acceptsGzip("gzip;q=0.0, *"));
        assertFalse(HttpCaching.acceptsGzip("*;q=0"));
        assertFalse(HttpCaching.acceptsGzip("gzip;q=nonsense"));
    }

    @Test
    void onlyBodiesWorthCompressingAreGzipped() throws IOException {
        assertNull(CachedJson.of("{\"a\":1}").gzipped());
        String large = "{\"slots\":[" + "{\"start\":\"2026-12-08T08:00:00+08:00\",\"free\":1000},".repeat(60) + "{}]}";
        CachedJson json = CachedJson.of(large);
        assertTrue(large.length() >= ResponseCompression.MIN_BYTES);
        byte[] gzipped = json.gzipped();
        assertTrue(gzipped.length < large.length() / 4, gzipped.length + " bytes");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertArrayEquals(large.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertTrue(json.gzipped() == gzipped, "compressed once and kept");
        assertTrue(json.gzipEtag().startsWith(json.etag().substring(0, json.etag().length() - 1)));
        assertFalse(json.gzipEtag().equals(json.etag()));
    }
}
