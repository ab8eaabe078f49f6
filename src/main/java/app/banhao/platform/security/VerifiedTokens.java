package app.banhao.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The access-token parser the JWT mechanism uses, remembering tokens it has already verified.
 *
 * <p>An ES256 signature check costs about a millisecond of CPU on JDK 17, and a resident's app presents the
 * same access token on every call for its 15 minutes: profiling the benchmark's authenticated scenarios put
 * over 80% of the server's CPU in elliptic-curve arithmetic. A token string that verified once is the same
 * token until it expires, so the verified result is kept, keyed by the exact string and dropped at its
 * {@code exp}. Nothing else is relaxed: a token that failed is never remembered, and the session deny-list
 * ({@code AccessTokenAugmentor}) is still consulted on every request, so logout takes effect as before. The check
 * of a token not seen yet is Bouncy Castle's ({@link Es256WithBouncyCastle}, registered here, before the first).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokens(DefaultJWTParser verifier,
            @ConfigProperty(name = "banhao.auth.verified-token-cache-size", defaultValue = "10000") long maximumSize) {
        Es256WithBouncyCastle.register();
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, JsonWebToken jwt) -> lifeLeft(jwt)))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = new VerifiedToken(verifier.parse(token));
        if (!lifeLeft(checked).isZero()) {
            verified.put(token, checked);
        }
        return checked;
    }

    /** How many verified tokens this node remembers (for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static Duration lifeLeft(JsonWebToken jwt) {
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    // The other operations verify against explicitly given keys or contexts; they are passed through unremembered.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
