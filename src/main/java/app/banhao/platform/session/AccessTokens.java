package app.banhao.platform.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import app.banhao.platform.security.TokenClaims;
import io.smallrye.jwt.build.Jwt;

/**
 * Signs access tokens (ES256, 15 minutes) with the current key, loaded once, and serves the public key
 * set that verifies them. The key files are those named by the standard SmallRye JWT properties.
 */
@ApplicationScoped
public class AccessTokens {

    private final PublicJsonWebKey signingKey;
    private final String jwks;
    private final Duration lifespan;
    private final String issuer;

    public AccessTokens(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String signingLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") String jwksLocation,
            @ConfigProperty(name = "smallrye.jwt.new-token.lifespan") long lifespanSeconds,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        try {
            this.signingKey = PublicJsonWebKey.Factory.newPublicJwk(read(signingLocation));
        } catch (JoseException e) {
            throw new IllegalStateException("The token-signing key at " + signingLocation + " is not a private JWK", e);
        }
        if (signingKey.getKeyId() == null || signingKey.getPrivateKey() == null) {
            throw new IllegalStateException("The token-signing key needs a kid and its private part");
        }
        this.jwks = read(jwksLocation);
        this.lifespan = Duration.ofSeconds(lifespanSeconds);
        this.issuer = issuer;
    }

    public Duration lifespan() {
        return lifespan;
    }

    /** The public key set (RFC 7517 JSON) published at {@code /api/v1/auth/jwks}. */
    public String keySetJson() {
        return jwks;
    }

    public String issue(String subject, String audience, Set<String> groups, UUID sessionId, Map<String, String> extra) {
        return issue(subject, audience, groups, sessionId, extra, lifespan);
    }

    /** As {@link #issue}, living {@code life} (shorter-lived tokens: relying parties' client credentials). */
    public String issue(String subject, String audience, Set<String> groups, UUID sessionId, Map<String, String> extra,
            Duration life) {
        var builder = Jwt.issuer(issuer)
                .subject(subject)
                .audience(audience)
                .groups(groups)
                .claim("jti", UUID.randomUUID().toString())
                .claim(TokenClaims.TYPE, TokenClaims.ACCESS)
                .claim(TokenClaims.SESSION, sessionId.toString())
                .expiresIn(life);
        extra.forEach(builder::claim);
        return builder.jws().keyId(signingKey.getKeyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                .sign(signingKey.getPrivateKey());
    }

    private static String read(String location) {
        try {
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(URI.create(location)), StandardCharsets.UTF_8);
            }
            String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            Path path = Path.of(resource);
            if (Files.exists(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
            try (InputStream in = AccessTokens.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("No key at " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read key material at " + location, e);
        }
    }
}
