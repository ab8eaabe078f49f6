package app.banhao.platform.cache;

import java.nio.charset.StandardCharsets;

import app.banhao.platform.crypto.Digests;
import app.banhao.platform.web.Gzip;
import app.banhao.platform.web.ResponseCompression;

/**
 * A JSON representation ready to send as is, with its entity tag. Cached in this form, UTF-8 bytes
 * included, so that a hit costs neither serialisation nor encoding; the tag is a digest of the body, so
 * every node derives the same one.
 */
public final class CachedJson {

    private static final char SEPARATOR = '\n';
    private static final byte[] NOT_COMPRESSED = new byte[0];

    private final String body;
    private final String etag;
    private final byte[] bytes;
    /** Compressed on first use, once; {@link #NOT_COMPRESSED} when the body is too small to gain from it. */
    private volatile byte[] gzip;

    private CachedJson(String body, String etag) {
        this.body = body;
        this.etag = etag;
        this.bytes = body.getBytes(StandardCharsets.UTF_8);
    }

    public static CachedJson of(String body) {
        return new CachedJson(body, tagOf(body));
    }

    public String body() {
        return body;
    }

    public String etag() {
        return etag;
    }

    /** The body in UTF-8; shared, not to be modified. */
    byte[] bytes() {
        return bytes;
    }

    /**
     * The body in GZIP, or null when it is under {@link ResponseCompression#MIN_BYTES}. Compressed on the first call
     * and kept with the entry, so a client that accepts gzip costs no deflater per request. Two first calls at
     * once both compress; either result serves.
     */
    byte[] gzipped() {
        byte[] compressed = gzip;
        if (compressed == null) {
            compressed = bytes.length < ResponseCompression.MIN_BYTES ? NOT_COMPRESSED : Gzip.compress(bytes);
            gzip = compressed;
        }
        return compressed == NOT_COMPRESSED ? null : compressed;
    }

    /** The tag of the GZIP representation: another representation of the same body, so another strong tag. */
    String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
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
        return '"' + Digests.sha256Hex(body, 16) + '"';
    }
}
