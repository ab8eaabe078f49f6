package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
}
