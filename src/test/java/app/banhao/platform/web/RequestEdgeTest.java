package app.banhao.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.Logins;
import app.banhao.testing.RawHttp;
import app.banhao.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What an outside fuzzer sent that the API took or answered without a problem document (issue 10, points
 * 25, 27, 28): text no column can store, requests the contract does not allow, and requests the HTTP
 * layer refuses before any resource runs.
 */
@QuarkusTest
class RequestEdgeTest {

    private static final String ADMIN = TestTokens.staff("edge-admin", "HN-SCJ", TokenClaims.ADMIN);

    @TestHTTPResource("/")
    URI root;

    // --- point 25: U+0000 and unpaired surrogates, in bodies at any depth and in parameters

    @Test
    void nulInStaffUsernameIsNamedWithoutAToken() {
        given().contentType(ContentType.JSON).body("{\"username\":\"ad\\u0000min\",\"password\":\"x\",\"totp\":\"123456\"}")
                .when().post("/api/v1/staff/auth/login")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("errors[0].field", equalTo("username"))
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
    }

    @Test
    void unpairedSurrogateInNicknameIsNamed() {
        given().auth().oauth2(Logins.newResidentToken()).contentType(ContentType.JSON).body("{\"nickname\":\"小\\ud800湘\"}")
                .when().patch("/api/v1/me")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("nickname"))
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
    }

    @Test
    void nulDeepInFormDataIsNamed() {
        var dept = ApplicationFixtures.department("EDGE-NUL", false);
        String resident = TestTokens.resident(UUID.randomUUID().toString());
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + dept.item() + "\",\"formData\":{\"applicantName\":\"张\\u0000三\",\"phone\":\"13800138000\"}}")
                .when().post("/api/v1/applications")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("formData.applicantName"))
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
    }

    @Test
    void nulInAFieldNameIsRefusedToo() {
        given().contentType(ContentType.JSON)
                .body("{\"applicationNo\":\"4300002026010100000001\",\"queryCode\":\"ABCDEFGH\",\"x\\u0000\":1}")
                .when().post("/api/v1/progress-lookups")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
    }

    @Test
    void nulInPathAndQueryParametersIsNamed() {
        given().urlEncodingEnabled(false).when().get("/api/v1/catalog/items/AB%00C")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
        given().urlEncodingEnabled(false).when().get("/api/v1/catalog/items?q=%E5%8A%9E%00")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("q"))
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
    }

    // --- point 28: the contract as written

    @Test
    void patchWithoutTheRequiredFormDataKeepsIt() {
        var dept = ApplicationFixtures.department("EDGE-PATCH", false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .when().patch("/api/v1/applications/" + no)
                .then().statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("formData"))
                .body("errors[0].code", equalTo("REQUIRED"));
        given().auth().oauth2(resident).when().get("/api/v1/applications/" + no)
                .then().statusCode(200).body("formData.applicantName", equalTo("张三"));
    }

    @Test
    void unknownFieldOfAClosedSchemaIsNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"applicationNo\":\"4300002026010100000001\",\"queryCode\":\"ABCDEFGH\",\"debug\":true}")
                .when().post("/api/v1/progress-lookups")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("debug"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
    }

    @Test
    void bytesAfterTheJsonValueAreMalformed() {
        for (String trailing : new String[] { " {}", "garbage", " \"x\"" }) {
            given().contentType(ContentType.JSON)
                    .body("{\"applicationNo\":\"4300002026010100000001\",\"queryCode\":\"ABCDEFGH\"}" + trailing)
                    .when().post("/api/v1/progress-lookups")
                    .then().statusCode(400)
                    .body("code", equalTo("MALFORMED_JSON"));
        }
    }

    @Test
    void jsonBodyWithoutContentTypeIs415() throws Exception {
        byte[] body = "{\"applicationNo\":\"4300002026010100000001\",\"queryCode\":\"ABCDEFGH\"}".getBytes(StandardCharsets.UTF_8);
        var answer = RawHttp.send(root, RawHttp.head(root, "POST", "/api/v1/progress-lookups",
                "Content-Length: " + body.length), body);
        assertEquals(415, answer.status(), answer.toString());
        assertTrue(answer.isProblem(), answer.toString());
        assertTrue(answer.body().contains("\"UNSUPPORTED_MEDIA_TYPE\""), answer.toString());
    }

    @Test
    void matrixParametersInThePathAreRefusedEverywhere() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"矩阵测试局\"}").urlEncodingEnabled(false)
                .when().put("/api/v1/admin/catalog/departments/EDGE-MATRIX;jsessionid=abc")
                .then().statusCode(400).body("code", equalTo("MALFORMED_URI"));
        given().urlEncodingEnabled(false).when().get("/api/v1/catalog/items;jsessionid=abc")
                .then().statusCode(400).body("code", equalTo("MALFORMED_URI"));
        given().urlEncodingEnabled(false).when().get("/api/v1/home;a=b")
                .then().statusCode(400).body("code", equalTo("MALFORMED_URI"));
    }

    // --- point 27: what the HTTP layer refuses is a problem document too (raw bytes: no client sends these)

    @Test
    void badPercentEscapesInPathOrQueryAreProblems() throws Exception {
        for (String target : new String[] { "/api/v1/catalog/items/%zz", "/api/v1/catalog/items?q=%G1", "/api/v1/home%" }) {
            var answer = RawHttp.send(root, RawHttp.head(root, "GET", target), null);
            assertProblem(answer, 400, "MALFORMED_URI");
        }
    }

    @Test
    void hugeContentLengthIsAProblemWhateverTheType() throws Exception {
        for (String type : new String[] { "application/json", "multipart/form-data; boundary=x", "text/plain" }) {
            var answer = RawHttp.send(root, RawHttp.head(root, "POST", "/api/v1/progress-lookups",
                    "Content-Type: " + type, "Content-Length: 99999999999"), null);
            assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
        }
    }

    /** Past our limit (HttpEdgeFilters) and past the codec's own 64 KiB (UndecodableRequests) alike. */
    @Test
    void longRequestLineIsA414Problem() throws Exception {
        for (int length : new int[] { 12_000, 70_000 }) {
            var answer = RawHttp.send(root, RawHttp.head(root, "GET", "/api/v1/catalog/items?q=" + "x".repeat(length)), null);
            assertProblem(answer, 414, "URI_TOO_LONG");
        }
    }

    @Test
    void largeHeadersAreA431Problem() throws Exception {
        for (int each : new int[] { 15_000, 40_000 }) {
            var answer = RawHttp.send(root, RawHttp.head(root, "GET", "/api/v1/home", "X-Padding-1: " + "y".repeat(each),
                    "X-Padding-2: " + "y".repeat(each)), null);
            assertProblem(answer, 431, "HEADERS_TOO_LARGE");
        }
    }

    // --- point 17: the JSON cap holds for a body that does not announce its length

    @Test
    void chunkedJsonPastTheCapIsA413Problem() throws Exception {
        StringBuilder chunks = new StringBuilder();
        String piece = "{\"x\":\"" + "y".repeat(65_000) + "\"}";
        for (int sent = 0; sent < 2 * 1024 * 1024; sent += piece.length()) {
            chunks.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        var answer = RawHttp.send(root, RawHttp.head(root, "POST", "/api/v1/progress-lookups",
                "Content-Type: application/json", "Transfer-Encoding: chunked"), chunks.toString().getBytes(StandardCharsets.US_ASCII));
        assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedJsonWithinTheCapIsReadAsUsual() throws Exception {
        String json = "{\"applicationNo\":\"4300002026010100000001\",\"queryCode\":\"ABCDEFGH\",\"debug\":1}";
        String body = Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n";
        var answer = RawHttp.send(root, RawHttp.head(root, "POST", "/api/v1/progress-lookups",
                "Content-Type: application/json", "Transfer-Encoding: chunked"), body.getBytes(StandardCharsets.US_ASCII));
        assertProblem(answer, 400, "INVALID_FIELD");
    }

    // --- point 29: a client that accepts JSON is served by operations whose success has no body

    @Test
    void acceptJsonIsServedByOperationsWithoutASuccessBody() {
        String token = Logins.newResidentToken();
        given().auth().oauth2(token).accept(ContentType.JSON)
                .when().delete("/api/v1/me/addresses/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(token).accept(ContentType.JSON)
                .when().post("/api/v1/auth/logout")
                .then().statusCode(204);
    }

    /** A problem document with the code, in Chinese unless asked otherwise. */
    static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.isProblem(), "not a problem document: " + answer);
        assertTrue(answer.body().contains("\"code\":\"" + code + "\""), answer.toString());
        assertTrue(answer.body().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "not Chinese: " + answer);
    }
}
