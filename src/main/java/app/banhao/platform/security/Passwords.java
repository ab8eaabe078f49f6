package app.banhao.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.concurrent.Offload;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;

/**
 * Password rules and bcrypt. Hashing is deliberately slow, so it runs on a worker thread, never on the
 * event loop that serves everyone else.
 *
 * <p>bcrypt reads at most 72 bytes and silently ignores the rest, while the contract allows 128 characters
 * (up to 512 UTF-8 bytes): two passwords alike in their first 72 bytes would both open the account. So a
 * password is first reduced to a fixed 44 characters (Base64 of its HMAC-SHA256 under a constant,
 * versioned key: domain separation, not a secret) and that is bcrypt's input; every byte counts. Hashes made
 * so are marked {@value #PRE_HASHED}; an unmarked hash is one from before and is checked as it was made.
 */
@ApplicationScoped
public class Passwords {

    private static final int COST = 11;
    /** Marks a hash of the pre-hashed password; versioned, should the reduction ever change. */
    static final String PRE_HASHED = "$bh1$";
    private static final byte[] PRE_HASH_KEY = "banhao-password-prehash-v1".getBytes(StandardCharsets.UTF_8);

    private final Set<String> common;

    public Passwords() {
        try (InputStream in = Passwords.class.getClassLoader().getResourceAsStream("security/common-passwords.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 422 naming {@code field} unless the password is long enough, uncommon and not the phone. */
    public void checkStrength(String field, String password, String phone) {
        String lower = password.toLowerCase(Locale.ROOT);
        boolean weak = password.length() < 8
                || common.contains(lower)
                || (phone != null && lower.contains(phone))
                || password.chars().distinct().count() < 4;
        if (weak) {
            throw ApiException.field(ErrorCode.PASSWORD_TOO_WEAK, FieldError.of(field, FieldCode.NOT_ALLOWED));
        }
    }

    public Uni<String> hash(String password) {
        return Offload.call(() -> bcrypt(password));
    }

    /** Whether {@code password} matches {@code hash}; a null hash is checked against a decoy, and false. */
    public Uni<Boolean> matches(String password, String hash) {
        return Offload.call(() -> verify(password, hash == null ? Decoy.HASH : hash) && hash != null);
    }

    static String bcrypt(String password) {
        return PRE_HASHED + BcryptUtil.bcryptHash(preHash(password), COST);
    }

    static boolean verify(String password, String hash) {
        return hash.startsWith(PRE_HASHED) ? BcryptUtil.matches(preHash(password), hash.substring(PRE_HASHED.length()))
                : BcryptUtil.matches(password, hash);
    }

    private static String preHash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PRE_HASH_KEY, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * A real hash to compare against when the account does not exist, so timing does not tell. In a holder
     * class: made at the first failed lookup, not at start-up, where a bcrypt round is half a second of CPU.
     */
    private static final class Decoy {
        static final String HASH = bcrypt("decoy-password-never-used");
    }
}
