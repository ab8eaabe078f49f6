package app.banhao.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** 适老化 (issue 17): the large-type mode is a preference of the resident, kept by the API across devices. */
@QuarkusTest
class LargeTextPreferenceTest {

    private static final String ON = "{\"preferences\":{\"largeText\":true}}";

    @Test
    void offUntilTheResidentTurnsItOn() {
        given().auth().oauth2(Logins.newResidentToken()).when().get("/api/v1/me").then().statusCode(200)
                .body("preferences.largeText", equalTo(false));
    }

    @Test
    void turnedOnItStaysOnForThatResidentOnly() {
        String token = Logins.newResidentToken();
        String other = Logins.newResidentToken();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"nickname\":\"小湘\"}")
                .when().patch("/api/v1/me").then().statusCode(200);
        String before = given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200)
                .extract().header("ETag");

        String after = given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", before).body(ON)
                .when().patch("/api/v1/me").then().statusCode(200)
                .body("preferences.largeText", equalTo(true)).body("nickname", equalTo("小湘"))
                .header("ETag", not(equalTo(before))).extract().header("ETag");
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200)
                .body("preferences.largeText", equalTo(true)).header("ETag", equalTo(after));
        given().auth().oauth2(other).when().get("/api/v1/me").then().statusCode(200)
                .body("preferences.largeText", equalTo(false));

        // The ETag read before the change no longer matches: a stale tab cannot turn it back silently.
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", before)
                .body("{\"preferences\":{\"largeText\":false}}")
                .when().patch("/api/v1/me").then().statusCode(412);
        // Changing something else leaves the preference as it is; so does an empty preferences object.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"language\":\"en\",\"preferences\":{}}")
                .when().patch("/api/v1/me").then().statusCode(200).body("preferences.largeText", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"preferences\":{\"largeText\":false}}")
                .when().patch("/api/v1/me").then().statusCode(200).body("preferences.largeText", equalTo(false));
    }

    @Test
    void aValueThatIsNotABooleanIsRefusedNamingTheField() {
        String token = Logins.newResidentToken();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"preferences\":{\"largeText\":\"yes\"}}")
                .when().patch("/api/v1/me").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("preferences.largeText"));
        given().auth().oauth2(token).when().get("/api/v1/me").then().body("preferences.largeText", equalTo(false));
    }
}
