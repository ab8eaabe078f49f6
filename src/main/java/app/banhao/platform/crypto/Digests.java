package app.banhao.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place for plain digests and HMACs (hashes of tokens, cache keys and tags, request signatures of outside
 * providers). Every algorithm here is part of every Java runtime, so a missing one is a broken runtime, not an
 * error to handle. Text is hashed as UTF-8; hex is lower case. Secrets at rest use {@link DataProtection} instead.
 */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    public static byte[] sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(String text) {
        return HEX.formatHex(sha256(text));
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code text}, in hex: short keys and tags. */
    public static String sha256Hex(String text, int bytes) {
        return HEX.formatHex(sha256(text), 0, bytes);
    }

    /** SHA-1 only where a protocol names it (Redis script ids), never for security. */
    public static String sha1Hex(String text) {
        return HEX.formatHex(digest("SHA-1", text.getBytes(StandardCharsets.UTF_8)));
    }

    public static String hmacSha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
