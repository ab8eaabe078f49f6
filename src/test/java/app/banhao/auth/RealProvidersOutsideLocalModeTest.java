package app.banhao.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.banhao.testing.FakeHttpServer;
import app.banhao.testing.FakeHttpServer.Answer;
import app.banhao.testing.Logins;
import app.banhao.testing.TestIdNumbers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

/**
 * The application outside local mode, with only WeChat enabled and the identity check configured, each
 * pointing at a fake server: the stand-ins are gone end to end ({@code demo-<phone>} logs nobody in, any
 * name no longer matches any ID number), and the real adapters carry logins and checks.
 */
@QuarkusTest
@TestProfile(RealProvidersOutsideLocalModeTest.RealProviders.class)
class RealProvidersOutsideLocalModeTest {

    /** Local mode off; WeChat and the identity check at the fake servers; Alipay not enabled. */
    public static class RealProviders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("banhao.local-mode", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeProviders.class));
        }
    }

    /** Fake WeChat: a code {@code wx-…} is an account; a phone code {@code ph-<phone>} that phone. Fake CTID: 张三 owns every ID. */
    public static class FakeProviders implements QuarkusTestResourceLifecycleManager {
        static FakeHttpServer wechat;
        static FakeHttpServer ctid;

        static Answer identityCheck(FakeHttpServer.Request r) {
            return Answer.json("{\"result\":\"" + ("张三".equals(new JsonObject(r.body()).getString("name")) ? "MATCH" : "MISMATCH") + "\"}");
        }

        @Override
        public Map<String, String> start() {
            wechat = new FakeHttpServer()
                    .on("/sns/jscode2session", r -> r.query().get("js_code").startsWith("wx-")
                            ? Answer.json("{\"openid\":\"o-" + r.query().get("js_code") + "\",\"session_key\":\"k\"}")
                            : Answer.json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}"))
                    .on("/cgi-bin/stable_token", r -> Answer.json("{\"access_token\":\"t\",\"expires_in\":7200}"))
                    .on("/wxa/business/getuserphonenumber", r -> {
                        String code = new JsonObject(r.body()).getString("code");
                        return code.startsWith("ph-")
                                ? Answer.json("{\"errcode\":0,\"phone_info\":{\"purePhoneNumber\":\"" + code.substring(3) + "\"}}")
                                : Answer.json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
                    });
            ctid = new FakeHttpServer().on("/verify", FakeProviders::identityCheck);
            // Outside local mode every real provider must be configured; the SMS platform is never called here.
            return Map.ofEntries(Map.entry("banhao.mini-program.wechat.app-id", "wx-app"),
                    Map.entry("banhao.mini-program.wechat.app-secret", "wx-secret"),
                    Map.entry("banhao.mini-program.wechat.base-url", wechat.url()),
                    Map.entry("banhao.identity.ctid.endpoint", ctid.url() + "/verify"),
                    Map.entry("banhao.identity.ctid.app-id", "ctid-app"), Map.entry("banhao.identity.ctid.app-secret", "ctid-secret"),
                    Map.entry("banhao.identity.ctid.timeout", "PT2S"),
                    Map.entry("banhao.sms.aliyun.endpoint", wechat.url() + "/unused-sms"),
                    Map.entry("banhao.sms.aliyun.access-key-id", "sms-key"), Map.entry("banhao.sms.aliyun.access-key-secret", "sms-secret"),
                    Map.entry("banhao.sms.aliyun.sign-name", "湘易办"), Map.entry("banhao.sms.aliyun.template-code", "SMS_1"),
                    Map.entry("banhao.ratings.national-report.endpoint", wechat.url() + "/unused-rating-report"),
                    Map.entry("banhao.ratings.national-report.app-key", "report-key"),
                    Map.entry("banhao.postal.ems.endpoint", wechat.url() + "/unused-ems"),
                    Map.entry("banhao.postal.ems.sender-no", "1100000000000"), Map.entry("banhao.postal.ems.authorization", "ems-auth"),
                    Map.entry("banhao.postal.ems.user-code", "ems-user"), Map.entry("banhao.postal.ems.sign-key", "MDEyMzQ1Njc4OWFiY2RlZg=="),
                    Map.entry("banhao.postal.ems.ecommerce-user-id", "ems-ecommerce"),
                    Map.entry("banhao.video.livekit.url", "wss://rtc.example.gov.cn"), Map.entry("banhao.video.livekit.api-key", "lk-key"),
                    Map.entry("banhao.video.livekit.api-secret", "lk-secret-of-at-least-thirty-two-characters"));
        }

        @Override
        public void stop() {
            wechat.close();
            ctid.close();
        }
    }

    @jakarta.inject.Inject
    app.banhao.video.room.RtcProvider rooms;

    @Test
    void videoRoomTokensAreLiveKits() {
        var now = java.time.Instant.now();
        var access = rooms.mint(new app.banhao.video.room.RtcProvider.RoomGrant("banhao-r", "agent-1", "坐席", true, true, now,
                now.plusSeconds(60)));
        org.junit.jupiter.api.Assertions.assertEquals("LIVEKIT", access.provider());
        org.junit.jupiter.api.Assertions.assertEquals("wss://rtc.example.gov.cn", access.url());
    }

    @AfterEach
    void ctidBack() {
        FakeProviders.ctid.on("/verify", FakeProviders::identityCheck);
    }

    private static io.restassured.response.ValidatableResponse miniLogin(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/auth/mini-program").then();
    }

    private static String wechatResident() {
        return miniLogin("{\"platform\":\"WECHAT\",\"loginCode\":\"wx-" + System.nanoTime() + "\",\"phoneCode\":\"ph-"
                + Logins.newPhone() + "\"}").statusCode(200).extract().path("accessToken");
    }

    private static io.restassured.response.ValidatableResponse verify(String token, String name, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"idNumber\":\"" + id + "\"}").when().post("/api/v1/me/real-name").then();
    }

    @Test
    void aDemoCodeLogsNobodyIn() {
        miniLogin("{\"platform\":\"WECHAT\",\"loginCode\":\"demo-13800138000\"}")
                .statusCode(401).body("code", equalTo("MINI_PROGRAM_CODE_INVALID"));
        miniLogin("{\"platform\":\"WECHAT\",\"loginCode\":\"wx-" + System.nanoTime() + "\",\"phoneCode\":\"demo-13800138000\"}")
                .statusCode(401).body("code", equalTo("MINI_PROGRAM_CODE_INVALID")).body("errors[0].field", equalTo("phoneCode"));
    }

    @Test
    void wechatLogsInThroughThePlatformAndAlipayIsNotEnabled() {
        String code = "wx-" + System.nanoTime();
        String phone = Logins.newPhone();
        miniLogin("{\"platform\":\"WECHAT\",\"loginCode\":\"" + code + "\",\"phoneCode\":\"ph-" + phone + "\"}").statusCode(200);
        miniLogin("{\"platform\":\"WECHAT\",\"loginCode\":\"" + code + "\"}").statusCode(200);
        miniLogin("{\"platform\":\"ALIPAY\",\"loginCode\":\"any\"}")
                .statusCode(422).body("code", equalTo("MINI_PROGRAM_PLATFORM_NOT_ENABLED")).body("errors[0].field", equalTo("platform"));
    }

    @Test
    void theIdentityServiceDecidesAndItsOutageIsA503() {
        String token = wechatResident();
        verify(token, "李四", TestIdNumbers.unique()).statusCode(422).body("code", equalTo("REAL_NAME_MISMATCH"));
        FakeProviders.ctid.on("/verify", r -> Answer.status(500));
        verify(token, "张三", TestIdNumbers.unique()).statusCode(503).body("code", equalTo("IDENTITY_PROVIDER_UNAVAILABLE"));
        FakeProviders.ctid.on("/verify", r -> Answer.json("{\"result\":\"MATCH\"}").after(4_000));
        verify(token, "张三", TestIdNumbers.unique()).statusCode(503).body("code", equalTo("IDENTITY_PROVIDER_UNAVAILABLE"));
        FakeProviders.ctid.on("/verify", FakeProviders::identityCheck);
        verify(token, "张三", TestIdNumbers.unique()).statusCode(200).body("level", equalTo("L2"));
    }
}
