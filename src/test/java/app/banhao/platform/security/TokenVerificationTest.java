package app.banhao.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TokenVerificationTest {

    private static final String PATH = "/test-fixtures/secured";

    @Test
    void noTokenIs401Problem() {
        given().when().get(PATH).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void residentTokenOnAnAdminOperationIs403Problem() {
        given().auth().oauth2(TestTokens.resident("r-1"))
                .when().get(PATH).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void adminTokenIsAccepted() {
        given().auth().oauth2(TestTokens.staff("s-1", "HNWJW", TokenClaims.ADMIN))
                .when().get(PATH).then().statusCode(200)
                .body("id", equalTo("s-1")).body("department", equalTo("HNWJW"));
    }

    @Test
    void garbageTokenIs401Problem() {
        given().auth().oauth2("not.a.jwt")
                .when().get(PATH).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }
}
