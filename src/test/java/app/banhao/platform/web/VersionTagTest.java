package app.banhao.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * RFC 9110 on the resident's own versioned resources: {@code ETag: "<version>"} on reads and writes, and an
 * optional {@code If-Match} on changes that is 412 when stale (issue 17, "HTTP conventions the SDK relies on").
 */
@QuarkusTest
class VersionTagTest {

    private static final String FORM = "{\"formData\":{\"applicantName\":\"李四\",\"phone\":\"13800138000\"}}";

    @Test
    void applicationDetailCarriesItsVersionAndIfMatchGuardsDraftEdits() {
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, ApplicationFixtures.department(false).item()).getString("applicationNo");
        Response read = given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .extract().response();
        String etag = read.header("ETag");
        assertEquals("\"" + read.path("version") + "\"", etag);

        Response edited = given().auth().oauth2(resident).header("If-Match", etag).contentType(ContentType.JSON).body(FORM)
                .patch("/api/v1/applications/" + no).then().statusCode(200).extract().response();
        assertEquals("\"" + edited.path("version") + "\"", edited.header("ETag"));
        assertNotEquals(etag, edited.header("ETag"));

        // The tag read before the edit is stale now: 412 problem, nothing changed.
        given().auth().oauth2(resident).header("If-Match", etag).contentType(ContentType.JSON).body(FORM)
                .patch("/api/v1/applications/" + no).then().statusCode(412)
                .contentType("application/problem+json").body("code", equalTo("PRECONDITION_FAILED"));
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then()
                .header("ETag", equalTo(edited.header("ETag")));
        // Without If-Match the change applies, as it always did (the app need not send it).
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(FORM)
                .patch("/api/v1/applications/" + no).then().statusCode(200);
    }

    @Test
    void withdrawTakesIfMatch() {
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, ApplicationFixtures.department(false).item()).getString("applicationNo");
        String etag = given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().extract().header("ETag");
        given().auth().oauth2(resident).header("If-Match", "\"999\"").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/withdraw").then().statusCode(412)
                .body("code", equalTo("PRECONDITION_FAILED"));
        Response withdrawn = given().auth().oauth2(resident).header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/withdraw").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN")).extract().response();
        assertEquals("\"" + withdrawn.path("version") + "\"", withdrawn.header("ETag"));
    }

    @Test
    void profileCarriesItsVersionAndIfMatchGuardsChanges() {
        String resident = Logins.newResidentToken();
        Response me = given().auth().oauth2(resident).get("/api/v1/me").then().statusCode(200).extract().response();
        String etag = me.header("ETag");
        assertEquals("\"" + me.path("version") + "\"", etag);

        Response changed = given().auth().oauth2(resident).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"nickname\":\"小湘\"}").patch("/api/v1/me").then().statusCode(200).extract().response();
        assertEquals("\"" + changed.path("version") + "\"", changed.header("ETag"));
        assertNotEquals(etag, changed.header("ETag"));
        given().auth().oauth2(resident).get("/api/v1/me").then().header("ETag", equalTo(changed.header("ETag")));

        given().auth().oauth2(resident).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"nickname\":\"小明\"}").patch("/api/v1/me").then().statusCode(412)
                .body("code", equalTo("PRECONDITION_FAILED"));
        given().auth().oauth2(resident).get("/api/v1/me").then().body("nickname", equalTo("小湘"));
    }
}
