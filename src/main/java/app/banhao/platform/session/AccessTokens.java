package app.banhao.platform.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.base64url.Base64Url;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import app.banhao.platform.security.TokenClaims;

/**
 * Signs access tokens (ES256, 15 minutes) with the current key, loaded once, and serves the public key
 * set that verifies them. The key files are those named by the standard SmallRye JWT properties.
 *
 * <p>The signature is Bouncy Castle's ECDSA rather than the JDK's: on JDK 17 the JDK's P-256 signing took
 * about 0.43 ms of CPU and half of the login scenario's event-loop profile, Bouncy Castle's (precomputed
 * multiples of the base point) about 0.07 ms. It is Bouncy Castle's own API, not its JCA provider: registering the
 * provider builds every algorithm and curve it knows, about a second of every start on a 2-core machine. So the
 * compact JWS (RFC 7515 §7.1: header and claims from jose4j, base64url, joined by dots) is put together here around
 * the signature, with a deterministic nonce (RFC 6979). The token is the same ES256 JWS either way, verified by the
 * published key set with the JDK's provider.
 */
@ApplicationScoped
public class AccessTokens {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("P-256");
    private static final int P256_BYTES = 32;

    private final PublicJsonWebKey signingKey;
    private final ECPrivateKeyParameters privateKey;
    /** The protected header is the same for every token of this key: encoded once. */
    private final String encodedHeader;
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
        if (!(signingKey instanceof EllipticCurveJsonWebKey ec) || !EllipticCurves.P_256.equals(ec.getCurveName())
                || !(signingKey.getPrivateKey() instanceof ECPrivateKey s)) {
            throw new IllegalStateException("The token-signing key at " + signingLocation + " is not a P-256 (ES256) key");
        }
        this.privateKey = new ECPrivateKeyParameters(s.getS(),
                new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH()));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        header.put("kid", signingKey.getKeyId());
        header.put("typ", "JWT");
        this.encodedHeader = Base64Url.encodeUtf8ByteRepresentation(JsonUtil.toJson(header));
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

        String signingInput = encodedHeader + "." + Base64Url.encodeUtf8ByteRepresentation(claims.toJson());
        return signingInput + "." + Base64Url.encode(es256(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** ES256 (RFC 7518 §3.4): ECDSA P-256 over SHA-256, the signature as R and S of 32 bytes each. */
    private byte[] es256(byte[] signingInput) {
        SHA256Digest sha = new SHA256Digest();
        sha.update(signingInput, 0, signingInput.length);
        byte[] digest = new byte[sha.getDigestSize()];
        sha.doFinal(digest, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(digest);
        byte[] signature = new byte[2 * P256_BYTES];
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, P256_BYTES);
        BigIntegers.asUnsignedByteArray(rs[1], signature, P256_BYTES, P256_BYTES);
        return signature;
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
