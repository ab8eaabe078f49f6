package app.banhao.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * An app holding a stale token still reads what anyone may read (issue 10, point 30): public operations
 * serve a caller whose token is expired or garbage as anonymous; protected ones still answer 401.
 */
@QuarkusTest
class StaleTokensAsAnonymousTest {

    private static final String GARBAGE = "not.a-token";

    /** Shaped like a login's access token, signed with the run's key, but expired a minute ago. */
    private static String expired() {
        return Jwt.subject(UUID.randomUUID().toString())
                .audience(TokenClaims.AUD_APP)
                .groups(Set.of(TokenClaims.RESIDENT))
                .claim(TokenClaims.TYPE, TokenClaims.ACCESS)
                .claim(TokenClaims.SESSION, UUID.randomUUID().toString())
                .claim(TokenClaims.LEVEL, "L2")
                .issuedAt(Instant.now().minusSeconds(1_000))
                .expiresAt(Instant.now().minusSeconds(60))
                .sign();
    }

    @Test
    void homeAndCatalogueServeAStaleTokenAsAnonymous() {
        for (String token : new String[] { GARBAGE, expired() }) {
            given().auth().oauth2(token).when().get("/api/v1/home").then().statusCode(200);
            given().auth().oauth2(token).when().get("/api/v1/catalog/items").then().statusCode(200);
            given().auth().oauth2(token).when().get("/api/v1/catalog/departments").then().statusCode(200);
        }
    }

    @Test
    void protectedOperationsStillRefuseAStaleToken() {
        for (String token : new String[] { GARBAGE, expired() }) {
            given().auth().oauth2(token).when().get("/api/v1/me")
                    .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
            given().auth().oauth2(token).when().get("/api/v1/staff/applications")
                    .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        }
    }
}
