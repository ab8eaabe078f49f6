package app.banhao.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** The H5 app at /h5/ (from {@code src/test/resources/h5-fixture} in tests): files, deep links, caching. */
@QuarkusTest
class H5AppTest {

    @Test
    void servesTheIndexAtTheRoot() {
        given().when().get("/h5/")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", "no-cache").body(containsString("办好 H5 fixture"));
    }

    @Test
    void redirectsTheBarePrefix() {
        given().redirects().follow(false).when().get("/h5")
                .then().statusCode(302).header("Location", endsWith("/h5/"));
    }

    @Test
    void servesHashedAssetsCachedForGood() {
        given().when().get("/h5/assets/app-1a2b3c.js")
                .then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable").body(containsString("办好"));
    }

    @Test
    void answersTheIndexForAnAppRoute() {
        given().when().get("/h5/applications/4300002026112300000042")
                .then().statusCode(200).contentType(startsWith("text/html")).body(containsString("办好 H5 fixture"));
    }

    @Test
    void aMissingFileIsNotTheIndex() {
        given().when().get("/h5/assets/gone-9z9z9z.js").then().statusCode(404);
    }

    @Test
    void neverLeavesTheDirectory() {
        given().urlEncodingEnabled(false).when().get("/h5/..%2F..%2F..%2Fpom.xml")
                .then().statusCode(404);
        given().when().get("/h5/../pom.xml").then().statusCode(equalTo(404));
    }

    @Test
    void mountsNothingWithoutABuiltApp() {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            new H5App(Path.of("target/no-such-h5-build")).install(router);
            assertTrue(router.getRoutes().isEmpty(), "routes: " + router.getRoutes());
        } finally {
            vertx.close();
        }
    }
}
