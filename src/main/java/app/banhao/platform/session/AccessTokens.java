package app.banhao.platform.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import app.banhao.platform.security.TokenClaims;

/**
 * Signs access tokens (ES256, 15 minutes) with the current key, loaded once, and serves the public key
 * set that verifies them. The key files are those named by the standard SmallRye JWT properties.
 *
 * <p>The signature is Bouncy Castle's ECDSA rather than the JDK's: on JDK 17 the JDK's P-256 signing took
 * about 0.43 ms of CPU and half of the login scenario's event-loop profile, Bouncy Castle's (precomputed
 * multiples of the base point) about 0.07 ms. The token is the same ES256 JWS either way, verified by the
 * published key set; jose4j (what SmallRye JWT signs with underneath) is used directly because SmallRye's
 * builder cannot be told which provider signs.
 */
@ApplicationScoped
public class AccessTokens {

    private static final String BOUNCY_CASTLE = "BC";

    private final PublicJsonWebKey signingKey;
    private final PrivateKey bouncyCastleKey;
    private final ProviderContext signWithBouncyCastle;
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
        try {
            this.bouncyCastleKey = KeyFactory.getInstance("EC", BOUNCY_CASTLE)
                    .generatePrivate(new PKCS8EncodedKeySpec(signingKey.getPrivateKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token-signing key at " + signingLocation + " is not an EC key", e);
        }
        this.signWithBouncyCastle = new ProviderContext();
        signWithBouncyCastle.getSuppliedKeyProviderContext().setSignatureProvider(BOUNCY_CASTLE);
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
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setAudience(audience);
        claims.setStringListClaim("groups", List.copyOf(groups));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim(TokenClaims.TYPE, TokenClaims.ACCESS);
        claims.setClaim(TokenClaims.SESSION, sessionId.toString());
        extra.forEach(claims::setClaim);
        NumericDate issuedAt = NumericDate.now();
        claims.setIssuedAt(issuedAt);
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.getValue() + life.toSeconds()));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(bouncyCastleKey);
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setProviderContext(signWithBouncyCastle);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
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
