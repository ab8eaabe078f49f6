package app.banhao.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/** RFC 6238 codes (SHA-1, 6 digits, 30 s — what every authenticator app speaks), one step of drift allowed. */
public final class Totp {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private Totp() {
    }

    /** A new 160-bit secret, Base32 as authenticator apps expect it. */
    public static String newSecret() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return new Base32().encodeAsString(bytes).replace("=", "");
    }

    public static String otpauthUri(String issuer, String account, String secret) {
        String label = URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8) + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The step the code is valid for (now, or one step either side), if it is valid at all. */
    public static OptionalLong matchingStep(String secret, String code, Instant now) {
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            try {
                String expected = GENERATOR.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
                if (java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII))) {
                    return OptionalLong.of(step);
                }
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("Unusable TOTP secret", e);
            }
        }
        return OptionalLong.empty();
    }

    /** The current code, for demo accounts and tests. */
    public static String codeAt(String secret, Instant when) {
        try {
            return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"), when);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
