package app.banhao.testing;

import static io.restassured.RestAssured.given;

import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Real logins through the API (OTP from the local SMS gateway), for tests that need real sessions. */
public final class Logins {

    private Logins() {
    }

    /** A phone number no other test uses. */
    public static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String sendOtp(String phone) {
        return given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\"}")
                .when().post("/api/v1/auth/otp")
                .then().statusCode(202).extract().path("devCode");
    }

    /** Logs {@code phone} in through the app; the answer is the token pair. */
    public static JsonPath resident(String phone) {
        return resident(phone, "APP");
    }

    public static JsonPath resident(String phone, String client) {
        String code = sendOtp(phone);
        return given().contentType(ContentType.JSON)
                .body("{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\",\"client\":\"" + client + "\"}")
                .when().post("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A fresh resident's access token. */
    public static String newResidentToken() {
        return resident(newPhone()).getString("accessToken");
    }
}
