package app.banhao.platform.cache;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Conditional GET (DESIGN.md §6): a cached representation as 200 with its ETag, or 304 when the caller has it. */
public final class HttpCaching {

    /** Clients may keep the body but must revalidate: a publish shows up at the next request. */
    private static final String CACHE_CONTROL = "no-cache";

    private HttpCaching() {
    }

    public static Response respond(CachedJson json, String ifNoneMatch) {
        if (matches(ifNoneMatch, json.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, json.etag())
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        return Response.ok(json.bytes(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, json.etag())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    /** RFC 9110 weak comparison over a list of tags, {@code *} included. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
