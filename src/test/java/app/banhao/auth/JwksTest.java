package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class JwksTest {

    @Test
    void publishesThePublicKeyThatSignedAToken() {
        String token = Logins.newResidentToken();
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        String kid = JsonPath.from(header).getString("kid");
        given().when().get("/api/v1/auth/jwks").then().statusCode(200)
                .body("keys.kid", hasItem(kid))
                .body("keys[0]", not(hasKey("d")));
    }

    @Test
    void aTokenIsAnEs256JwsThatThePublishedKeyVerifiesWithTheJdksProvider() throws Exception {
        String token = Logins.newResidentToken();
        JsonWebKeySet keys = new JsonWebKeySet(given().when().get("/api/v1/auth/jwks").then().statusCode(200).extract().asString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertEquals("ES256", jws.getAlgorithmHeaderValue());
        assertEquals("JWT", jws.getHeader("typ"));
        jws.setKey(keys.findJsonWebKey(jws.getKeyIdHeaderValue(), null, null, null).getKey());
        assertTrue(jws.verifySignature(), "signed by the published key");
        assertEquals("access", JwtClaims.parse(jws.getPayload()).getClaimValueAsString("typ"));

        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertEquals(64, signature.length, "R and S of 32 bytes each (RFC 7518 §3.4)");
        signature[10] ^= 1;
        JsonWebSignature forged = new JsonWebSignature();
        forged.setCompactSerialization(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        forged.setKey(jws.getKey());
        assertFalse(forged.verifySignature(), "one changed bit does not verify");
    }
}
