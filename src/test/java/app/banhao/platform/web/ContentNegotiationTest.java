package app.banhao.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Accept headers the fuzzer found mishandled: each once answered a 500, a toString() or a mislabelled 200. */
@QuarkusTest
class ContentNegotiationTest {

    private static final String INFO = "/api/v1/system/info";

    @Test
    void anyApplicationTypeGetsJson() {
        given().accept("application/*").when().get(INFO)
                .then().statusCode(200).contentType(startsWith("application/json")).body("name", equalTo("banhao-api"));
    }

    @Test
    void emptyAcceptIsLikeNone() {
        given().header("Accept", "").when().get(INFO)
                .then().statusCode(200).contentType(startsWith("application/json")).body("name", equalTo("banhao-api"));
    }

    @Test
    void unparseableAcceptIsNotAcceptableProblem() {
        given().header("Accept", ";;;").when().get(INFO)
                .then().statusCode(406).contentType("application/problem+json").body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void successIsNeverLabelledAProblem() {
        given().accept("application/problem+json").when().get(INFO)
                .then().statusCode(200).contentType(startsWith("application/json")).body("name", equalTo("banhao-api"));
    }
}
