package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.Logins;
import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/** Every way a forged, altered or misused token is refused: 401 problem, never the resource. */
@QuarkusTest
class TokenAttackTest {

    private static final String ME = "/api/v1/me";

    /** A token signed with the real key, with the claims the test wants to get wrong. */
    private static String forge(String issuer, String audience, String group, String type) {
        return Jwt.issuer(issuer).subject(UUID.randomUUID().toString()).audience(audience)
                .groups(Set.of(group)).claim(TokenClaims.TYPE, type)
                .claim(TokenClaims.SESSION, UUID.randomUUID().toString()).sign();
    }

    private static void refused(String token) {
        given().auth().oauth2(token).when().get(ME).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void noToken() {
        given().when().get(ME).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void validTokenIsAccepted() {
        given().auth().oauth2(Logins.newResidentToken()).when().get(ME).then().statusCode(200);
    }

    @Test
    void algNone() {
        String token = Logins.newResidentToken();
        String payload = token.split("\\.")[1];
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        refused(header + "." + payload + ".");
    }

    @Test
    void signedByAnotherKey() throws Exception {
        var foreign = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        String token = Jwt.issuer("https://banhao.app").subject(UUID.randomUUID().toString()).audience(TokenClaims.AUD_APP)
                .groups(Set.of(TokenClaims.RESIDENT)).claim(TokenClaims.TYPE, TokenClaims.ACCESS)
                .claim(TokenClaims.SESSION, UUID.randomUUID().toString())
                .jws().keyId("attacker").sign(foreign.getPrivateKey());
        refused(token);
    }

    @Test
    void tamperedPayload() {
        String[] parts = Logins.newResidentToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"RESIDENT\"", "\"ADMIN\"");
        refused(parts[0] + "." + b64(payload) + "." + parts[2]);
    }

    @Test
    void expired() {
        String token = Jwt.issuer("https://banhao.app").subject(UUID.randomUUID().toString()).audience(TokenClaims.AUD_APP)
                .groups(Set.of(TokenClaims.RESIDENT)).claim(TokenClaims.TYPE, TokenClaims.ACCESS)
                .claim(TokenClaims.SESSION, UUID.randomUUID().toString())
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign();
        refused(token);
    }

    @Test
    void wrongAudience() {
        String token = forge("https://banhao.app", "some-other-app", TokenClaims.RESIDENT, TokenClaims.ACCESS);
        refused(token);
    }

    @Test
    void residentRolesWithTheStaffAudience() {
        String token = forge("https://banhao.app", TokenClaims.AUD_STAFF, TokenClaims.RESIDENT, TokenClaims.ACCESS);
        refused(token);
    }

    @Test
    void staffRolesWithTheAppAudience() {
        String token = forge("https://banhao.app", TokenClaims.AUD_APP, TokenClaims.ADMIN, TokenClaims.ACCESS);
        given().auth().oauth2(token).when().get("/api/v1/staff/me").then().statusCode(401);
    }

    @Test
    void notAnAccessToken() {
        String token = forge("https://banhao.app", TokenClaims.AUD_APP, TokenClaims.RESIDENT, "refresh");
        refused(token);
    }

    @Test
    void refreshTokenUsedAsAccessToken() {
        refused(Logins.resident(Logins.newPhone()).getString("refreshToken"));
    }

    @Test
    void wrongIssuer() {
        String token = forge("https://evil.example", TokenClaims.AUD_APP, TokenClaims.RESIDENT, TokenClaims.ACCESS);
        refused(token);
    }

    @Test
    void residentTokenOnAStaffOperationIsForbidden() {
        given().auth().oauth2(TestTokens.resident(UUID.randomUUID().toString())).when().get("/api/v1/staff/me")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
