package app.banhao.platform.web;

import static app.banhao.platform.web.RequestEdgeTest.assertProblem;
import static io.restassured.RestAssured.given;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import app.banhao.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What Netty's HTTP decoder refuses before any route runs is a problem document too (issue 10, point 27): a
 * {@code Content-Length} that is no length or comes twice with two values; a request line or headers past the
 * codec's own 64 KiB are in {@link RequestEdgeTest}. Without {@link UndecodableRequests} each is Vert.x's empty 400.
 */
@QuarkusTest
class UndecodableRequestsTest {

    private static final byte[] BODY = "{\"applicationNo\":\"4300002026010100000001\",\"queryCode\":\"ABCDEFGH\"}"
            .getBytes(StandardCharsets.UTF_8);

    @TestHTTPResource("/")
    URI root;

    @Test
    void malformedContentLengthIsA400Problem() throws Exception {
        for (String length : new String[] { "abc", "-1", "1,2", " 12x", "99999999999999999999999" }) {
            var answer = RawHttp.send(root, RawHttp.head(root, "POST", "/api/v1/progress-lookups",
                    "Content-Type: application/json", "Content-Length: " + length), BODY);
            assertProblem(answer, 400, "BAD_REQUEST");
        }
    }

    @Test
    void doubledContentLengthWithTwoValuesIsA400Problem() throws Exception {
        var answer = RawHttp.send(root, RawHttp.head(root, "POST", "/api/v1/progress-lookups", "Content-Type: application/json",
                "Content-Length: " + BODY.length, "Content-Length: " + (BODY.length - 5)), BODY);
        assertProblem(answer, 400, "BAD_REQUEST");
    }

    @Test
    void theServerStillAnswersAfterwards() throws Exception {
        RawHttp.send(root, RawHttp.head(root, "POST", "/api/v1/progress-lookups", "Content-Length: abc"), BODY);
        given().get("/api/v1/home").then().statusCode(200);
    }
}
