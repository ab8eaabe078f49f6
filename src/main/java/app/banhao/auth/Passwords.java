package app.banhao.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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
 */
@ApplicationScoped
public class Passwords {

    private static final int COST = 11;
    /** A real hash to compare against when the account does not exist, so timing does not tell. */
    private static final String DECOY = BcryptUtil.bcryptHash("decoy-password-never-used", COST);

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
        return Offload.call(() -> BcryptUtil.bcryptHash(password, COST));
    }

    /** Whether {@code password} matches {@code hash}; a null hash is checked against a decoy, and false. */
    public Uni<Boolean> matches(String password, String hash) {
        return Offload.call(() -> BcryptUtil.matches(password, hash == null ? DECOY : hash) && hash != null);
    }
}
