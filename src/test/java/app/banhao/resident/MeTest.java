package app.banhao.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class MeTest {

    private static final String ADDRESS = "{\"recipient\":\"张三\",\"phone\":\"13912345678\",\"regionCode\":\"430102\","
            + "\"detail\":\"芙蓉区五一大道 1 号 2 栋 301\",\"isDefault\":true}";

    @Test
    void nicknameAndLanguageCanBeChanged() {
        String token = Logins.newResidentToken();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"nickname\":\"小湘\",\"language\":\"en\"}")
                .when().patch("/api/v1/me").then().statusCode(200)
                .body("nickname", equalTo("小湘")).body("language", equalTo("en"));
    }

    @Test
    void addressesAreMaskedAndOnlyTheOwnersToRemove() {
        String owner = Logins.newResidentToken();
        String other = Logins.newResidentToken();
        String id = given().auth().oauth2(owner).contentType(ContentType.JSON).body(ADDRESS)
                .when().post("/api/v1/me/addresses").then().statusCode(201)
                .body("recipient", equalTo("张*")).body("phone", equalTo("139****5678"))
                .body("detail", equalTo("芙蓉区五一大****"))
                .body(not(containsString("13912345678"))).body(not(containsString("2 栋 301")))
                .extract().path("id");
        given().auth().oauth2(owner).when().get("/api/v1/me/addresses").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].isDefault", equalTo(true));
        given().auth().oauth2(other).when().get("/api/v1/me/addresses").then().statusCode(200).body("items", hasSize(0));

        given().auth().oauth2(other).when().delete("/api/v1/me/addresses/" + id)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().when().delete("/api/v1/me/addresses/" + id).then().statusCode(401);
        given().auth().oauth2(owner).when().delete("/api/v1/me/addresses/" + id).then().statusCode(204);
        given().auth().oauth2(owner).when().delete("/api/v1/me/addresses/" + id).then().statusCode(404);
    }

    @Test
    void onlyOneDefaultAddress() {
        String token = Logins.newResidentToken();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(ADDRESS)
                    .when().post("/api/v1/me/addresses").then().statusCode(201);
        }
        given().auth().oauth2(token).when().get("/api/v1/me/addresses").then()
                .body("items.findAll { it.isDefault }", hasSize(1));
    }

    @Test
    void sessionsAreListedAndEndedOneOrAll() {
        String phone = Logins.newPhone();
        var app = Logins.resident(phone);
        // A second device: the same resident through the WeChat mini-program (one code a minute per phone).
        var mini = given().contentType(ContentType.JSON).body("{\"platform\":\"WECHAT\",\"loginCode\":\"demo-" + phone + "\"}")
                .when().post("/api/v1/auth/mini-program").then().statusCode(200).extract().jsonPath();
        String other = Logins.newResidentToken();

        given().auth().oauth2(app.getString("accessToken")).when().get("/api/v1/me/sessions").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.current }.id", equalTo(app.getString("sessionId")))
                .body("items.find { it.id == '" + mini.getString("sessionId") + "' }.client", equalTo("MINI_PROGRAM"));

        given().auth().oauth2(other).when().delete("/api/v1/me/sessions/" + mini.getString("sessionId"))
                .then().statusCode(404);
        given().auth().oauth2(app.getString("accessToken")).when().delete("/api/v1/me/sessions/" + mini.getString("sessionId"))
                .then().statusCode(204);
        given().auth().oauth2(mini.getString("accessToken")).when().get("/api/v1/me").then().statusCode(401);

        given().auth().oauth2(app.getString("accessToken")).when().delete("/api/v1/me/sessions").then().statusCode(204);
        given().auth().oauth2(app.getString("accessToken")).when().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(other).when().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void staffTokensCannotUseResidentOperations() {
        given().auth().oauth2(app.banhao.testing.TestTokens.staff(java.util.UUID.randomUUID().toString(), "HN-SCJ", "ADMIN"))
                .when().get("/api/v1/me").then().statusCode(403);
    }
}
