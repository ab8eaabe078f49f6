package app.banhao.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Requests are read as the contract writes them, on the real operations (which implement generated
 * interfaces): what the REST layer or Jackson would forgive is a problem naming the parameter or field.
 */
@QuarkusTest
class StrictRequestsTest {

    private static final String ADMIN = TestTokens.staff("strict-admin", "HN-SCJ", TokenClaims.ADMIN);

    @Test
    void malformedNumberInQueryOfGeneratedOperationIsNamedNot404() {
        given().when().get("/api/v1/catalog/departments?limit=abc")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].code", equalTo("INVALID_NUMBER"));
    }

    @Test
    void booleanQueryTakesOnlyTheContractsLiterals() {
        given().when().get("/api/v1/catalog/items?fullyOnline=TRUE")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("fullyOnline"))
                .body("errors[0].code", equalTo("INVALID_BOOLEAN"));
        given().when().get("/api/v1/catalog/items?fullyOnline=true").then().statusCode(200);
    }

    @Test
    void repeatedDeclaredQueryParameterIsRefused() {
        given().when().get("/api/v1/catalog/items?limit=5&limit=6")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].code", equalTo("REPEATED"));
    }

    @Test
    void emptyTypedQueryParameterIsNotTheDefault() {
        given().when().get("/api/v1/catalog/bundles?limit=")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void emptySearchTermIsNotAnAbsentOne() {
        given().when().get("/api/v1/catalog/items?q=")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void truncatedMultipartBodyIsABadRequest() {
        given().auth().oauth2(TestTokens.resident(java.util.UUID.randomUUID().toString()))
                .contentType("multipart/form-data; boundary=x").body(new byte[0])
                .when().post("/api/v1/applications/4300002026010100000001/materials")
                .then().statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
    }

    @Test
    void undeclaredParametersAreIgnoredEvenWhenRepeated() {
        given().when().get("/api/v1/system/info?debug=1&debug=2").then().statusCode(200);
    }

    @Test
    void explicitNullForNonNullableFieldIsNamed() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"严格测试局\",\"description\":null}")
                .when().put("/api/v1/admin/catalog/departments/STRICT-NULL")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("errors[0].field", equalTo("description"));
    }

    @Test
    void numberWhereStringBelongsIsNamed() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":123}")
                .when().put("/api/v1/admin/catalog/departments/STRICT-NUMBER")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("INVALID_TYPE"));
    }

    @Test
    void wildcardContentTypeForBodyIs415() {
        given().auth().oauth2(ADMIN).contentType("*/*")
                .body("{\"name\":\"严格测试局\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().put("/api/v1/admin/catalog/departments/STRICT-WILDCARD")
                .then().statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void duplicateItemsInUniqueArrayAreRefusedNotCollapsed() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"username\":\"strict.dup\",\"displayName\":\"重复\",\"department\":\"HN-SCJ\","
                        + "\"roles\":[\"AGENT\",\"AGENT\"],\"initialPassword\":\"Strict-Pass-2026!\"}")
                .when().post("/api/v1/staff/users")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("roles"))
                .body("errors[0].code", equalTo("DUPLICATE_ITEMS"));
    }

    @Test
    void successIsNeverLabelledProblemEvenWhenOnlyProblemIsAccepted() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).accept("application/problem+json")
                .body("{\"name\":\"严格测试局\"}")
                .when().put("/api/v1/admin/catalog/departments/STRICT-LABEL")
                .then().statusCode(201)
                .contentType(startsWith("application/json"));
    }
}
