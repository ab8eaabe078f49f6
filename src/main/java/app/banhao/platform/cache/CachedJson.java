package app.banhao.platform.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A JSON representation ready to send as is, with its entity tag. Cached in this form so that a hit costs
 * no serialisation at all; the tag is a digest of the body, so every node derives the same one.
 */
public record CachedJson(String body, String etag) {

    private static final char SEPARATOR = '\n';

    public static CachedJson of(String body) {
        return new CachedJson(body, tagOf(body));
    }

    /** The form stored in Redis: the tag, a newline (never inside a tag), the body. */
    String encode() {
        return etag + SEPARATOR + body;
    }

    static CachedJson decode(String stored) {
        int cut = stored.indexOf(SEPARATOR);
        if (cut <= 0) {
            return of(stored);
        }
        return new CachedJson(stored.substring(cut + 1), stored.substring(0, cut));
    }

    private static String tagOf(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
