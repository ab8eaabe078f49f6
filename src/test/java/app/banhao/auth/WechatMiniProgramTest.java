package app.banhao.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.testing.FakeHttpServer.Answer;
import app.banhao.testing.FakeHttpServer;
import app.banhao.testing.TestWebClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;

/** The WeChat adapter against a fake WeChat server: real HTTP on 127.0.0.1, no mock objects. */
class WechatMiniProgramTest {

    private static final WebClient http = TestWebClient.get();
    private FakeHttpServer wechat;
    private WechatMiniProgram provider;

    @BeforeEach
    void fakeWechat() {
        wechat = new FakeHttpServer()
                .on("/sns/jscode2session", r -> "wx-app".equals(r.query().get("appid")) && "wx-secret".equals(r.query().get("secret"))
                        && "authorization_code".equals(r.query().get("grant_type")) && "good-code".equals(r.query().get("js_code"))
                        ? Answer.json("{\"openid\":\"o-123\",\"session_key\":\"sk\"}")
                        : Answer.json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}"))
                .on("/cgi-bin/stable_token", r -> {
                    JsonObject body = new JsonObject(r.body());
                    return "client_credential".equals(body.getString("grant_type")) && "wx-app".equals(body.getString("appid"))
                            && "wx-secret".equals(body.getString("secret"))
                            ? Answer.json("{\"access_token\":\"token-" + wechatTokens.incrementAndGet() + "\",\"expires_in\":7200}")
                            : Answer.json("{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
                })
                .on("/wxa/business/getuserphonenumber", r -> {
                    if (!("token-" + wechatTokens.get()).equals(r.query().get("access_token"))) {
                        return Answer.json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                    }
                    return "phone-ok".equals(new JsonObject(r.body()).getString("code"))
                            ? Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"13800138000\","
                                    + "\"purePhoneNumber\":\"13800138000\",\"countryCode\":\"86\"}}")
                            : Answer.json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
                });
        provider = provider(Duration.ofSeconds(5));
    }

    private final AtomicInteger wechatTokens = new AtomicInteger();

    private WechatMiniProgram provider(Duration timeout) {
        return new WechatMiniProgram(new WechatMiniProgram.Settings("wx-app", "wx-secret", wechat.url(), timeout), http,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    static ApiException refused(Uni<?> call) {
        return assertThrows(ApiException.class, () -> call.await().atMost(Duration.ofSeconds(10)));
    }

    @Test
    void aGoodCodeIsTheOpenIdAndThePhoneCodeItsVerifiedPhone() {
        var account = provider.exchange("WECHAT", "good-code", "phone-ok").await().atMost(Duration.ofSeconds(10));
        assertEquals("o-123", account.openId());
        assertEquals("13800138000", account.verifiedPhone());
        var withoutPhone = provider.exchange("WECHAT", "good-code", null).await().atMost(Duration.ofSeconds(10));
        assertNull(withoutPhone.verifiedPhone());
    }

    @Test
    void theAccessTokenIsFetchedOnceAndReusedUntilItExpires() {
        provider.exchange("WECHAT", "good-code", "phone-ok").await().atMost(Duration.ofSeconds(10));
        provider.exchange("WECHAT", "good-code", "phone-ok").await().atMost(Duration.ofSeconds(10));
        assertEquals(1, wechat.requests("/cgi-bin/stable_token").size());
    }

    @Test
    void aStaleAccessTokenIsRefreshedOnceWithForce() {
        provider.exchange("WECHAT", "good-code", "phone-ok").await().atMost(Duration.ofSeconds(10));
        wechatTokens.incrementAndGet(); // WeChat now knows only a newer token: ours answers 40001.
        var account = provider.exchange("WECHAT", "good-code", "phone-ok").await().atMost(Duration.ofSeconds(10));
        assertEquals("13800138000", account.verifiedPhone());
        var fetches = wechat.requests("/cgi-bin/stable_token");
        assertEquals(2, fetches.size());
        assertEquals(true, new JsonObject(fetches.get(1).body()).getBoolean("force_refresh"));
    }

    @Test
    void aCodeWechatRefusesIsA401NamingTheField() {
        ApiException login = refused(provider.exchange("WECHAT", "demo-13800138000", null));
        assertEquals(AuthErrors.MINI_PROGRAM_CODE_INVALID, login.code());
        assertEquals("loginCode", login.fieldErrors().get(0).field());
        ApiException phone = refused(provider.exchange("WECHAT", "good-code", "demo-13800138000"));
        assertEquals(AuthErrors.MINI_PROGRAM_CODE_INVALID, phone.code());
        assertEquals("phoneCode", phone.fieldErrors().get(0).field());
    }

    @Test
    void aPlatformErrorCodeIsA503() {
        wechat.on("/sns/jscode2session", r -> Answer.json("{\"errcode\":-1,\"errmsg\":\"system error\"}"));
        assertUnavailable(provider.exchange("WECHAT", "good-code", null));
    }

    @Test
    void anHttp5xxIsA503() {
        wechat.on("/sns/jscode2session", r -> Answer.status(502));
        assertUnavailable(provider.exchange("WECHAT", "good-code", null));
        wechat.on("/sns/jscode2session", r -> Answer.json("{\"openid\":\"o-123\"}"));
        wechat.on("/wxa/business/getuserphonenumber", r -> Answer.status(500));
        assertUnavailable(provider.exchange("WECHAT", "good-code", "phone-ok"));
    }

    @Test
    void noAnswerWithinTheTimeoutIsA503() {
        wechat.on("/sns/jscode2session", r -> Answer.json("{\"openid\":\"o-123\"}").after(3_000));
        long start = System.nanoTime();
        assertUnavailable(provider(Duration.ofMillis(300)).exchange("WECHAT", "good-code", null));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        org.junit.jupiter.api.Assertions.assertTrue(tookMillis < 2_000, "gave up after " + tookMillis + " ms");
    }

    @Test
    void anUnreachableServerIsA503() {
        String url = wechat.url();
        wechat.close();
        var gone = new WechatMiniProgram(new WechatMiniProgram.Settings("wx-app", "wx-secret", url, Duration.ofSeconds(2)), http,
                Clock.systemUTC());
        assertUnavailable(gone.exchange("WECHAT", "good-code", null));
    }

    static void assertUnavailable(Uni<?> call) {
        ApiException e = refused(call);
        assertEquals(AuthErrors.MINI_PROGRAM_UNAVAILABLE, e.code());
        assertEquals(503, e.code().status());
        assertEquals("30", e.headers().get("Retry-After"));
    }
}
