package app.banhao.platform.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every kind of bad input is a localised problem+json 4xx naming the field — never 404, 500 or empty. */
@QuarkusTest
class ProblemResponsesTest {
    static {
        // A failing case shows the whole exchange, which is what one needs to see.
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static final String PATH = "/test-fixtures/problems";
    private static final String VALID = "{\"name\":\"张三\",\"channel\":\"APP\",\"appointmentDate\":\"2026-12-01\",\"copies\":1}";

    @Test
    void validBodyPasses() {
        given().contentType(ContentType.JSON).body(VALID)
                .when().post(PATH)
                .then().statusCode(200).body("channel", equalTo("APP"));
    }

    @Test
    void malformedJsonIsMalformedJsonProblem() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\",")
                .when().post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .body("status", equalTo(400))
                .body("type", equalTo("https://banhao.app/problems/malformed-json"))
                .body("title", equalTo("请求体不是有效的 JSON"))
                .body("instance", equalTo(PATH));
    }

    @Test
    void missingRequiredFieldIsNamed() {
        given().contentType(ContentType.JSON).body("{\"channel\":\"APP\"}")
                .when().post(PATH)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("name"))
                .body("errors.find { it.field == 'name' }.code", equalTo("REQUIRED"));
    }

    @Test
    void nestedFieldIsNamedByJsonPath() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"a\",\"channel\":\"APP\",\"items\":[{\"code\":\"x\"},{\"code\":\"\"}]}")
                .when().post(PATH)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("items[1].code"));
    }

    @Test
    void tooLongFieldIsTooLong() {
        given().contentType(ContentType.JSON).body("{\"name\":\"12345678901\",\"channel\":\"APP\"}")
                .when().post(PATH)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("TOO_LONG"));
    }

    @Test
    void unknownEnumValueIsNamedWithAllowedValues() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"channel\":\"FAX\"}")
                .when().post(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("errors[0].field", equalTo("channel"))
                .body("errors[0].code", equalTo("INVALID_ENUM"))
                .body("errors[0].message", containsString("APP, WECHAT, ALIPAY"));
    }

    @Test
    void malformedDateInBodyIsNamed() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"channel\":\"APP\",\"appointmentDate\":\"2026-13-45\"}")
                .when().post(PATH)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("appointmentDate"))
                .body("errors[0].code", equalTo("INVALID_DATE"));
    }

    @Test
    void wrongTypeInBodyIsNamed() {
        // A string is no number, not even one of digits: the contract says integer, so nothing is coerced.
        for (String copies : new String[] { "\"many\"", "\"5\"", "true" }) {
            given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"channel\":\"APP\",\"copies\":" + copies + "}")
                    .when().post(PATH)
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("copies"))
                    .body("errors[0].code", equalTo("INVALID_TYPE"));
        }
    }

    @Test
    void bodyOfWrongShapeIsInvalidField() {
        given().contentType(ContentType.JSON).body("[1,2,3]")
                .when().post(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("errors[0].field", equalTo("$"));
    }

    @Test
    void emptyBodyIsMissingBody() {
        given().contentType(ContentType.JSON)
                .when().post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MISSING_BODY"));
    }

    @Test
    void malformedNumberInQueryIsNamedAndNot404() {
        given().queryParam("limit", "abc")
                .when().get(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].code", equalTo("INVALID_NUMBER"));
    }

    @Test
    void outOfRangeQueryNumberIsNamed() {
        given().queryParam("limit", "1000")
                .when().get(PATH)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].code", equalTo("TOO_LARGE"));
    }

    @Test
    void malformedDateInQueryIsNamed() {
        given().queryParam("since", "yesterday")
                .when().get(PATH)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("since"))
                .body("errors[0].code", equalTo("INVALID_DATE"));
    }

    @Test
    void unknownEnumInQueryIsNamed() {
        given().queryParam("channel", "FAX")
                .when().get(PATH)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("channel"))
                .body("errors[0].code", equalTo("INVALID_ENUM"));
    }

    @Test
    void malformedNumberInPathIsNamedAndNot404() {
        given().when().get(PATH + "/twelve")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo("number"));
    }

    @Test
    void bodyOverTheCapIsProblem413() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"channel\":\"APP\"}";
        given().contentType(ContentType.JSON).body(huge)
                .when().post(PATH)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        given().contentType(ContentType.XML).body("<order/>")
                .when().post(PATH)
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unknownPathIs404Problem() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void wrongMethodIs405Problem() {
        given().when().delete(PATH)
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        given().header("X-Request-Id", "trace-500")
                .when().get(PATH + "/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("code", equalTo("INTERNAL_ERROR"))
                .body("requestId", equalTo("trace-500"))
                .body("detail", containsString("trace-500"))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("com.example")));
    }

    @Test
    void aTransactionConflictThatOutlastedItsRetriesIs503WithRetryAfter() {
        given().when().get(PATH + "/conflict")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body(not(containsString("deadlock")));
    }

    @Test
    void englishWhenAskedFor() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en-US,en;q=0.9").body("{")
                .when().post(PATH)
                .then().statusCode(400)
                .body("title", equalTo("The request body is not valid JSON"));
    }

    @Test
    void chineseForOtherLanguages() {
        given().contentType(ContentType.JSON).header("Accept-Language", "fr-FR").body("{")
                .when().post(PATH)
                .then().statusCode(400)
                .body("title", equalTo("请求体不是有效的 JSON"));
    }

    @Test
    void problemsWithoutFieldsHaveNoErrorsArray() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .body("errors", nullValue())
                .body("requestId", notNullValue())
                .body("type", startsWith("https://banhao.app/problems/"));
    }
}
