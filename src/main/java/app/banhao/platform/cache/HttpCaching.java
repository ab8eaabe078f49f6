package app.banhao.platform.cache;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Conditional GET (DESIGN.md §6): a cached representation as 200 with its ETag, or 304 when the caller has it. A
 * client that accepts gzip (every phone's HTTP stack does) gets the body compressed once with the cache entry
 * ({@link CachedJson#gzipped()}), not once per request by the HTTP layer.
 */
public final class HttpCaching {

    /** Clients may keep the body but must revalidate: a publish shows up at the next request. */
    private static final String CACHE_CONTROL = "no-cache";
    private static final String GZIP = "gzip";
    private static final String IDENTITY = "identity";

    private HttpCaching() {
    }

    public static Response respond(CachedJson json, String ifNoneMatch) {
        byte[] gzipped = acceptsGzip(acceptEncoding()) ? json.gzipped() : null;
        String etag = gzipped != null ? json.gzipEtag() : json.etag();
        Response.ResponseBuilder response;
        if (matches(ifNoneMatch, json.etag()) || matches(ifNoneMatch, json.gzipEtag())) {
            response = Response.notModified();
        } else if (gzipped != null) {
            response = Response.ok(gzipped, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_ENCODING, GZIP);
        } else {
            // As it is, or the HTTP layer would compress it per request (deflate, for a client refusing gzip) under
            // the tag of the uncompressed body.
            response = Response.ok(json.bytes(), MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CONTENT_ENCODING, IDENTITY);
        }
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
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

    /**
     * Whether an {@code Accept-Encoding} (RFC 9110 §12.5.3) admits gzip: named, or {@code *}, with a weight above
     * 0; a {@code gzip;q=0} refuses it even where {@code *} would admit it.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean star = null;
        for (String member : acceptEncoding.split(",")) {
            int semicolon = member.indexOf(';');
            String coding = (semicolon < 0 ? member : member.substring(0, semicolon)).trim();
            boolean wanted = semicolon < 0 || weight(member.substring(semicolon + 1)) > 0;
            if (coding.equalsIgnoreCase(GZIP) || coding.equalsIgnoreCase("x-gzip")) {
                return wanted;
            }
            if (coding.equals("*")) {
                star = wanted;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    private static double weight(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static String acceptEncoding() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        return request == null ? null : request.serverRequest().getRequestHeader(HttpHeaders.ACCEPT_ENCODING);
    }
}
