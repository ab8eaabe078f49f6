package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class MiniProgramLoginTest {

    private static String miniLogin(String body, int status) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/auth/mini-program")
                .then().statusCode(status).extract().path("accessToken");
    }

    private static String residentId(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void wechatAlipayAndAppMeetInOneResidentByVerifiedPhone() {
        String phone = Logins.newPhone();
        String app = Logins.resident(phone).getString("accessToken");
        String wechat = miniLogin("{\"platform\":\"WECHAT\",\"loginCode\":\"demo-" + phone + "\"}", 200);
        String alipay = miniLogin("{\"platform\":\"ALIPAY\",\"loginCode\":\"demo-" + phone + "\"}", 200);
        assertEquals(residentId(app), residentId(wechat));
        assertEquals(residentId(app), residentId(alipay));
    }

    @Test
    void aNewChannelAccountWithoutPhoneMustAuthorisePhoneFirst() {
        String code = "wx-code-" + System.nanoTime();
        given().contentType(ContentType.JSON).body("{\"platform\":\"WECHAT\",\"loginCode\":\"" + code + "\"}")
                .when().post("/api/v1/auth/mini-program")
                .then().statusCode(409).body("code", equalTo("PHONE_AUTHORIZATION_REQUIRED"));
        String phone = Logins.newPhone();
        String first = miniLogin("{\"platform\":\"WECHAT\",\"loginCode\":\"" + code + "\",\"phoneCode\":\"demo-" + phone + "\"}", 200);
        // Linked now: the same channel account logs in without the phone.
        String again = miniLogin("{\"platform\":\"WECHAT\",\"loginCode\":\"" + code + "\"}", 200);
        assertEquals(residentId(first), residentId(again));
    }

    @Test
    void miniProgramTokensCarryTheMiniProgramAudience() {
        String token = miniLogin("{\"platform\":\"WECHAT\",\"loginCode\":\"demo-" + Logins.newPhone() + "\"}", 200);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        org.junit.jupiter.api.Assertions.assertTrue(payload.contains("banhao-mini-program"), payload);
    }
}
