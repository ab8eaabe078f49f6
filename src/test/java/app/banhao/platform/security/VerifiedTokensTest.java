package app.banhao.platform.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/**
 * The JWT mechanism's parser remembers a verified token until it expires, and only that exact token: the
 * deny-list, a changed signature and expiry all still refuse it.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    @Inject
    VerifiedTokens verified;

    @Test
    void theJwtMechanismRemembersTheTokensItVerifies() {
        String token = TestTokens.resident(UUID.randomUUID().toString());
        long before = verified.size();
        given().auth().oauth2(token).when().get("/api/v1/applications").then().statusCode(200);
        assertEquals(before + 1, verified.size());
        given().auth().oauth2(token).when().get("/api/v1/applications").then().statusCode(200);
        assertEquals(before + 1, verified.size());
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgain() throws ParseException {
        String token = TestTokens.resident(UUID.randomUUID().toString());
        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token), "the second parse answers the remembered token");
    }

    @Test
    void theServicesOwnClaimsAndTheStandardOnesReadAsTheTokenCarriesThem() throws ParseException {
        String staffId = UUID.randomUUID().toString();
        String staff = TestTokens.staff(staffId, "HN-WJW", TokenClaims.REVIEWER);
        JsonWebToken token = parser.parse(staff);
        assertEquals(TokenClaims.ACCESS, token.getClaim(TokenClaims.TYPE));
        assertEquals("HN-WJW", token.getClaim(TokenClaims.DEPARTMENT));
        assertNull(token.getClaim(TokenClaims.LEVEL), "a staff token has no level");
        assertEquals(staffId, token.getSubject());
        assertEquals(Set.of(TokenClaims.REVIEWER), token.getGroups());
        assertEquals(Set.of(TokenClaims.AUD_STAFF), token.getAudience());
        assertEquals(staff, token.getRawToken());
        assertTrue(token.getExpirationTime() > Instant.now().getEpochSecond());

        JsonWebToken resident = parser.parse(TestTokens.resident(UUID.randomUUID().toString(), "L3"));
        assertEquals("L3", resident.getClaim(TokenClaims.LEVEL));
        assertNull(resident.getClaim(TokenClaims.DEPARTMENT));
        UUID.fromString(resident.getClaim(TokenClaims.SESSION));
        assertTrue(resident.getClaimNames().contains(TokenClaims.LEVEL));
    }

    @Test
    void aRememberedTokenWithAnotherSignatureIsRefused() {
        String token = TestTokens.resident(UUID.randomUUID().toString());
        given().auth().oauth2(token).when().get("/api/v1/applications").then().statusCode(200);
        String[] parts = token.split("\\.");
        String otherSignature = TestTokens.resident(UUID.randomUUID().toString()).split("\\.")[2];
        given().auth().oauth2(parts[0] + "." + parts[1] + "." + otherSignature)
                .when().get("/api/v1/applications").then().statusCode(401);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsSessionIsLoggedOut() {
        String access = Logins.resident(Logins.newPhone()).getString("accessToken");
        given().auth().oauth2(access).when().get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(access).when().get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(access).when().post("/api/v1/auth/logout").then().statusCode(204);
        given().auth().oauth2(access).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aTokenIsForgottenWhenItExpires() throws Exception {
        long exp = Instant.now().getEpochSecond() + 2;
        String token = Jwt.subject(UUID.randomUUID().toString())
                .audience(TokenClaims.AUD_APP)
                .groups(Set.of(TokenClaims.RESIDENT))
                .claim(TokenClaims.TYPE, TokenClaims.ACCESS)
                .claim(TokenClaims.SESSION, UUID.randomUUID().toString())
                .expiresAt(exp)
                .sign();
        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token));
        while (Instant.now().getEpochSecond() <= exp) {
            Thread.sleep(100);
        }
        // Past its exp the token is verified anew (the verifier's clock-skew allowance may still accept it),
        // never answered from memory.
        try {
            assertNotSame(first, parser.parse(token));
        } catch (ParseException refused) {
            // Refused outright: equally not remembered.
        }
    }
}
