package app.banhao.video.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import app.banhao.platform.local.LocalMode;

/**
 * LiveKit access tokens parsed and verified with jose4j, as LiveKit's server would (HS256 with the API secret), and
 * the choice of provider: LiveKit outside local mode, whose settings are then required. Plain JUnit.
 */
class LiveKitRtcProviderTest {

    private static final String SECRET = "a-livekit-api-secret-of-at-least-32-characters";

    private static JwtConsumer consumer(String secret, Instant at) {
        return new JwtConsumerBuilder().setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setExpectedIssuer("APIkey123").setRequireExpirationTime().setRequireNotBefore()
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromSeconds(at.getEpochSecond())).build();
    }

    @Test
    void theTokenCarriesTheLiveKitClaimsAndVerifiesWithTheSecretOnly() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plusSeconds(600);
        var access = new LiveKitRtcProvider(new LiveKitRtcProvider.Settings("wss://rtc.example.gov.cn", "APIkey123", SECRET))
                .mint(new RtcProvider.RoomGrant("banhao-room-1", "resident-1", "张*", true, true, now, expires));
        assertEquals("LIVEKIT", access.provider());
        assertEquals("wss://rtc.example.gov.cn", access.url());

        JwtClaims claims = consumer(SECRET, now.plusSeconds(1)).processToClaims(access.token());
        assertEquals("APIkey123", claims.getIssuer());
        assertEquals("resident-1", claims.getSubject());
        assertEquals("张*", claims.getStringClaimValue("name"));
        assertEquals(now.getEpochSecond(), claims.getNotBefore().getValue());
        assertEquals(expires.getEpochSecond(), claims.getExpirationTime().getValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> video = (Map<String, Object>) claims.getClaimValue("video");
        assertEquals(Map.of("room", "banhao-room-1", "roomJoin", true, "canPublish", true, "canSubscribe", true), video);

        assertThrows(InvalidJwtException.class,
                () -> consumer("another-secret-of-at-least-32-characters!", now.plusSeconds(1)).processToClaims(access.token()));
        assertThrows(InvalidJwtException.class, () -> consumer(SECRET, expires.plusSeconds(120)).processToClaims(access.token()));
    }

    private static LiveKitConfig config(String url, String key, String secret) {
        return new LiveKitConfig() {
            @Override
            public Optional<String> url() {
                return Optional.ofNullable(url);
            }

            @Override
            public Optional<String> apiKey() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<String> apiSecret() {
                return Optional.ofNullable(secret);
            }
        };
    }

    @Test
    void outsideLocalModeLiveKitIsRequiredAndChosen() {
        var none = assertThrows(IllegalStateException.class,
                () -> RtcProviders.select(new LocalMode(false), config(null, null, null)));
        assertTrue(none.getMessage().contains("banhao.video.livekit.{url, api-key, api-secret}"), none.getMessage());
        var partial = assertThrows(IllegalStateException.class,
                () -> RtcProviders.select(new LocalMode(false), config("wss://rtc", "key", null)));
        assertTrue(partial.getMessage().contains("banhao.video.livekit.api-secret"), partial.getMessage());
        assertThrows(IllegalStateException.class, () -> RtcProviders.select(new LocalMode(false), config("wss://rtc", "key", "short")));
        assertInstanceOf(LiveKitRtcProvider.class, RtcProviders.select(new LocalMode(false), config("wss://rtc", "key", SECRET)));
        assertInstanceOf(LocalRtcProvider.class, RtcProviders.select(new LocalMode(true), config(null, null, null)));
    }
}
