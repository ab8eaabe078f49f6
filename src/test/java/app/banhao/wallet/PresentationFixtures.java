package app.banhao.wallet;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Presentations (亮证) for tests, made through the API. */
public final class PresentationFixtures {

    private PresentationFixtures() {
    }

    /** A verified resident with one certificate of a fresh department; its id. */
    public static String certificate(String resident) {
        WalletFixtures.ensureVerified(resident);
        String department = "P-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return WalletFixtures.issued(resident, department).getString("items[0].id");
    }

    /** A presentation of {@code certificateId} showing {@code fields}, as the holder got it (with its token). */
    public static JsonPath present(String holder, String certificateId, boolean singleUse, int lifetimeSeconds, String... fields) {
        StringBuilder body = new StringBuilder("{\"certificateId\":\"" + certificateId + "\",\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(fields[i]).append('"');
        }
        body.append("],\"singleUse\":").append(singleUse).append(",\"lifetimeSeconds\":").append(lifetimeSeconds).append('}');
        return given().auth().oauth2(holder).contentType(ContentType.JSON).body(body.toString())
                .post("/api/v1/wallet/presentations").then().statusCode(201)
                .extract().jsonPath();
    }

    /** The public verification of {@code token}, by an anonymous verifier. */
    public static JsonPath verify(String token) {
        return given().contentType(ContentType.JSON).header("User-Agent", "BankCounter/2.1")
                .body("{\"token\":\"" + token + "\"}").post("/api/v1/wallet/presentations/verify").then().statusCode(200).extract().jsonPath();
    }
}
