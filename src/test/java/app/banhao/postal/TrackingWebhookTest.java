package app.banhao.postal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The carriers' tracking callback: signed (Standard Webhooks, either of two secrets), fresh, once per id, applied once
 * per report, forward only; on the timeline and, when delivered, in the inbox naming who signed.
 */
@QuarkusTest
class TrackingWebhookTest {

    private static final String PATH = "/api/v1/postal/tracking-events";

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "banhao.postal.webhook.secrets")
    List<String> secrets;

    @Test
    void reportsMoveTheParcelForwardOnceAndOnlyForward() throws Exception {
        String resident = Logins.newResidentToken();
        String no = PostalFixtures.approvedAfterChoosing(resident);
        OutboxSteps.drain(relay);
        OutboxSteps.drain(relay);
        String waybill = given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                .body("state", equalTo("ORDERED")).extract().path("waybillNo");

        String pickedUp = report(waybill, "PICKED_UP", "2026-11-25T09:00:00+08:00", null);
        String id = UUID.randomUUID().toString();
        send(secrets.get(0), id, now(), pickedUp).statusCode(200).body("outcome", equalTo("APPLIED"));
        // The same report under another id (the carrier pushed it twice): acknowledged, no second entry.
        send(secrets.get(0), UUID.randomUUID().toString(), now(), pickedUp).statusCode(200).body("outcome", equalTo("DUPLICATE"));
        // The same message again: a replay.
        send(secrets.get(0), id, now(), pickedUp).statusCode(401).body("code", equalTo("WEBHOOK_REFUSED"))
                .body("detail", org.hamcrest.Matchers.containsString("REPLAYED"));
        // Delivered, signed with the second (rotated-in) secret; then a late in-transit push changes nothing.
        send(secrets.get(1), UUID.randomUUID().toString(), now(), report(waybill, "DELIVERED", "2026-11-26T10:15:00+08:00", "本人"))
                .statusCode(200).body("outcome", equalTo("APPLIED"));
        send(secrets.get(0), UUID.randomUUID().toString(), now(), report(waybill, "IN_TRANSIT", "2026-11-25T18:00:00+08:00", null))
                .statusCode(200).body("outcome", equalTo("STALE"));

        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                .body("state", equalTo("DELIVERED"));
        // The timeline entry is written with the report that moved the parcel.
        String delivered = "邮件已妥投，运单号 " + waybill + "，签收人：本人";
        List<String> kinds = given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.text", hasItem(delivered)).extract().path("items.kind");
        assertEquals(1, kinds.stream().filter("PARCEL_PICKED_UP"::equals).count(), kinds.toString());
        assertEquals(0, kinds.stream().filter("PARCEL_IN_TRANSIT"::equals).count(), kinds.toString());
        // So is the inbox notice: there when the carrier is answered, not a delivery after it.
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200).body("items.title", hasItem("您的邮件已妥投"));
    }

    @Test
    void unsignedBadlySignedAndStaleCallbacksAre401Problems() {
        String body = report("NO-SUCH-WAYBILL", "PICKED_UP", "2026-11-25T09:00:00+08:00", null);
        given().contentType("application/json; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8)).post(PATH).then()
                .statusCode(401).body("code", equalTo("WEBHOOK_REFUSED")).body("detail", org.hamcrest.Matchers.containsString("UNSIGNED"));
        String wrongSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString("not-the-secret-at-all-0123456789".getBytes());
        send(wrongSecret, UUID.randomUUID().toString(), now(), body).statusCode(401)
                .body("detail", org.hamcrest.Matchers.containsString("BAD_SIGNATURE"));
        send(secrets.get(0), UUID.randomUUID().toString(), String.valueOf(Instant.now().getEpochSecond() - 301), body).statusCode(401)
                .body("detail", org.hamcrest.Matchers.containsString("STALE"));
        // Signed over other bytes than those sent.
        String id = UUID.randomUUID().toString();
        String ts = now();
        given().contentType("application/json; charset=UTF-8").header("webhook-id", id).header("webhook-timestamp", ts)
                .header("webhook-signature", StandardWebhooks.sign(secrets.get(0), id, ts, body.getBytes(StandardCharsets.UTF_8)))
                .body(body.replace("PICKED_UP", "DELIVERED").getBytes(StandardCharsets.UTF_8)).post(PATH).then().statusCode(401);
        // Signed and fresh, but no such parcel.
        send(secrets.get(0), UUID.randomUUID().toString(), now(), body).statusCode(404);
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static String report(String waybill, String state, String opTime, String signer) {
        return "{\"waybillNo\":\"" + waybill + "\",\"state\":\"" + state + "\",\"opTime\":\"" + opTime + "\",\"opDesc\":\"测试\""
                + (signer == null ? "" : ",\"signer\":\"" + signer + "\"") + "}";
    }

    private static ValidatableResponse send(String secret, String id, String timestamp, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json; charset=UTF-8").header("webhook-id", id)
                .header("webhook-timestamp", timestamp).header("webhook-signature", StandardWebhooks.sign(secret, id, timestamp, bytes))
                .body(bytes).post(PATH).then();
    }
}
