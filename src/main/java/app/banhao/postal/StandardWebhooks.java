package app.banhao.postal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks verification: {@code v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>} in
 * {@code webhook-signature} (several, space-separated, any may match), secrets {@code whsec_<base64>} (any configured one
 * may match, for rotation), the timestamp within the tolerance of now. Pure: the filter and the tests call it.
 */
final class StandardWebhooks {

    static final String SECRET_PREFIX = "whsec_";

    /** Why a callback is refused; the problem names it. */
    enum Refusal {
        UNSIGNED, BAD_SIGNATURE, STALE, REPLAYED, NO_SECRET
    }

    private StandardWebhooks() {
    }

    /** The reason to refuse the callback, or null when it is signed by one of {@code secrets} and fresh. */
    static Refusal refusal(String id, String timestamp, String signatures, byte[] body, List<String> secrets, Instant now,
            Duration tolerance) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null || signatures.isBlank()) {
            return Refusal.UNSIGNED;
        }
        if (secrets.isEmpty()) {
            return Refusal.NO_SECRET;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Refusal.STALE;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return Refusal.STALE;
        }
        byte[] signed = concat((id + "." + timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String secret : secrets) {
            byte[] expected = hmac(secret, signed);
            for (String candidate : signatures.strip().split(" +")) {
                if (candidate.startsWith("v1,") && matches(expected, candidate.substring(3))) {
                    return null;
                }
            }
        }
        return Refusal.BAD_SIGNATURE;
    }

    /** {@code v1,<base64>} for this message: how a carrier (or a test) signs. */
    static String sign(String secret, String id, String timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret,
                concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body)));
    }

    private static boolean matches(byte[] expected, String base64) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static byte[] hmac(String secret, byte[] message) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
