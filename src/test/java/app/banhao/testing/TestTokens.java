package app.banhao.testing;

import java.util.Set;
import java.util.UUID;

import app.banhao.platform.security.TokenClaims;
import io.smallrye.jwt.build.Jwt;

/**
 * Access tokens signed with the test run's key, shaped exactly like the ones the login operations
 * issue, for tests of features that need a caller without going through a login.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String resident(String residentId) {
        return resident(residentId, "L2");
    }

    public static String resident(String residentId, String level) {
        return resident(residentId, level, java.time.Duration.ofMinutes(15));
    }

    /** A resident token that expires after {@code life}. */
    public static String resident(String residentId, String level, java.time.Duration life) {
        return Jwt.subject(residentId)
                .expiresIn(life)
                .audience(TokenClaims.AUD_APP)
                .groups(Set.of(TokenClaims.RESIDENT))
                .claim(TokenClaims.TYPE, TokenClaims.ACCESS)
                .claim(TokenClaims.SESSION, UUID.randomUUID().toString())
                .claim(TokenClaims.LEVEL, level)
                .claim("jti", UUID.randomUUID().toString())
                .sign();
    }

    public static String staff(String staffId, String department, String... roles) {
        return Jwt.subject(staffId)
                .audience(TokenClaims.AUD_STAFF)
                .groups(Set.of(roles))
                .claim(TokenClaims.TYPE, TokenClaims.ACCESS)
                .claim(TokenClaims.SESSION, UUID.randomUUID().toString())
                .claim(TokenClaims.DEPARTMENT, department)
                .claim("jti", UUID.randomUUID().toString())
                .sign();
    }
}
