package app.banhao.postal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * EMS's own tracking push: SM4-encrypted with our sign key (that is its authentication), answered as EMS expects, and
 * applied by the same code as the signed webhook: forward only, a repeat without a second timeline entry.
 */
@QuarkusTest
class EmsTrackingPushTest {

    static final String PATH = "/api/v1/postal/ems/tracking-push";

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "banhao.postal.ems.sign-key")
    String signKey;

    @Test
    void pushedRecordsMoveTheParcelForwardOnceAndAreAnsweredAsEmsExpects() throws Exception {
        String resident = Logins.newResidentToken();
        String no = PostalFixtures.approvedAfterChoosing(resident);
        String waybill = PostalFixtures.orderedWaybill(relay, resident, no);

        push(EmsPushReceiver.encrypt(List.of(record(waybill, "203", "2026-11-25 09:00:00", "已收寄")), signKey), "serial-1")
                .statusCode(200).body("serialNo", equalTo("serial-1")).body("code", equalTo("00000"))
                .body("senderNo", equalTo("1100000000001"));
        // The same record again (pushed twice), then delivered and a late transit record in one push.
        push(EmsPushReceiver.encrypt(List.of(record(waybill, "203", "2026-11-25 09:00:00", "已收寄")), signKey), null)
                .statusCode(200).body("code", equalTo("00000"));
        push(EmsPushReceiver.encrypt(List.of(record(waybill, "704", "2026-11-26 10:15:00", "已妥投，签收人：本人"),
                record(waybill, "305", "2026-11-25 18:00:00", "离开长沙处理中心")), signKey), "serial-3").statusCode(200);

        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                .body("state", equalTo("DELIVERED"));
        String delivered = "邮件已妥投，运单号 " + waybill + "，签收人：本人";
        List<String> kinds = PostalFixtures.timelineOnceItHas(relay, resident, no, delivered);
        assertEquals(1, kinds.stream().filter("PARCEL_PICKED_UP"::equals).count(), kinds.toString());
        assertEquals(0, kinds.stream().filter("PARCEL_IN_TRANSIT"::equals).count(), kinds.toString());
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.hasItem("您的邮件已妥投")); // written with the push
    }

    @Test
    void aPushNotEncryptedWithOurKeyIs401AndCounted() {
        double before = refused("BAD_SIGNATURE");
        String otherKey = java.util.Base64.getEncoder().encodeToString("fedcba9876543210".getBytes());
        push(EmsPushReceiver.encrypt(List.of(record("1151234567890", "203", "2026-11-25 09:00:00", "x")), otherKey), null)
                .statusCode(401).body("code", equalTo("WEBHOOK_REFUSED")).body("detail", containsString("BAD_SIGNATURE"));
        push("|$4|bm90IHNtNA==", null).statusCode(401).body("detail", containsString("BAD_SIGNATURE"));
        push("plain json", null).statusCode(401);
        assertEquals(before + 3, refused("BAD_SIGNATURE"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body("serialNo=s").post(PATH).then().statusCode(401)
                .body("detail", containsString("UNSIGNED"));
    }

    @Test
    void aPushOfAnUnknownWaybillIs404AndOfAnUnmappedCodeIsIgnored() {
        push(EmsPushReceiver.encrypt(List.of(record("NO-SUCH-WAYBILL", "203", "2026-11-25 09:00:00", "x")), signKey), null)
                .statusCode(404);
        push(EmsPushReceiver.encrypt(List.of(record("NO-SUCH-WAYBILL", "999", "2026-11-25 09:00:00", "x")), signKey), null)
                .statusCode(200).body("code", equalTo("00000"));
    }

    private double refused(String reason) {
        var counter = metrics.find(WebhookVerifier.REFUSED_METRIC).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    static JsonObject record(String waybill, String opCode, String opTime, String desc) {
        return new JsonObject().put("waybillNo", waybill).put("opTime", opTime).put("opCode", opCode).put("opName", "处理")
                .put("opDesc", desc).put("opOrgProvName", "湖南省").put("opOrgCity", "长沙市").put("opOrgCode", "41000100")
                .put("opOrgName", "长沙邮区中心局").put("operatorNo", "0001").put("operatorName", "李四");
    }

    static ValidatableResponse push(String field, String serialNo) {
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("logitcsInterface", field);
        if (serialNo != null) {
            form.put("serialNo", serialNo);
        }
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(EmsCarrier.formEncode(form))
                .post(PATH).then();
    }
}
