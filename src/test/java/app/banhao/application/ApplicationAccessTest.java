package app.banhao.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Another resident's application is 404 on every endpoint; another department's reviewer gets 404 too. */
@QuarkusTest
class ApplicationAccessTest {

    @Test
    void anotherResidentSeesNothing() {
        var dept = ApplicationFixtures.department(false);
        String owner = Logins.newResidentToken();
        String other = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(owner, dept.item());
        String base = "/api/v1/applications/" + no;
        given().auth().oauth2(other).get(base).then().statusCode(404);
        given().auth().oauth2(other).get(base + "/timeline").then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body("{\"formData\":{}}").patch(base).then().statusCode(404);
        for (String action : List.of("submit", "withdraw", "supplement")) {
            given().auth().oauth2(other).contentType(ContentType.JSON).body("{}").post(base + "/" + action).then().statusCode(404);
        }
        given().auth().oauth2(other).contentType(ContentType.JSON).body("{\"name\":\"身份证\",\"kind\":\"PROFILE\"}")
                .post(base + "/material-references").then().statusCode(404);
        given().auth().oauth2(other).multiPart(ApplicationFixtures.namePart("场所证明"))
                .multiPart("file", "a.pdf", ApplicationFixtures.PDF, "application/pdf")
                .post(base + "/materials").then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/applications").then().statusCode(200)
                .body("items.applicationNo", not(hasItem(no)));
        String message = given().auth().oauth2(owner).get("/api/v1/me/messages").then().statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(other).post("/api/v1/me/messages/" + message + "/read").then().statusCode(404);
        // Still the owner's, untouched.
        given().auth().oauth2(owner).get(base).then().statusCode(200).body("state", equalTo("SUBMITTED"));
    }

    @Test
    void anotherDepartmentsReviewerSeesNothing() {
        var dept = ApplicationFixtures.department(false);
        var elsewhere = ApplicationFixtures.department(false);
        String owner = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(owner, dept.item());
        String draft = ApplicationFixtures.draft(owner, dept.item()).getString("applicationNo");
        given().auth().oauth2(elsewhere.reviewer()).get("/api/v1/staff/applications/" + no).then().statusCode(404);
        given().auth().oauth2(elsewhere.reviewer()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/staff/applications/" + no + "/accept").then().statusCode(404);
        given().auth().oauth2(elsewhere.reviewer()).get("/api/v1/staff/applications").then().statusCode(200)
                .body("items.applicationNo", not(hasItem(no)));
        // Drafts are the resident's own until submitted.
        given().auth().oauth2(dept.reviewer()).get("/api/v1/staff/applications/" + draft).then().statusCode(404);
        // A resident token is no reviewer's.
        given().auth().oauth2(owner).get("/api/v1/staff/applications").then().statusCode(403);
    }
}
