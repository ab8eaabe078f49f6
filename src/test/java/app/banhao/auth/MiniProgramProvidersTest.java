package app.banhao.auth;

import static app.banhao.auth.WechatMiniProgramTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.local.LocalMode;
import app.banhao.testing.FakeHttpServer.Answer;
import app.banhao.testing.FakeHttpServer;
import app.banhao.testing.TestWebClient;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Which mini-program provider runs: the stand-in only in local mode; outside it the configured real
 * platforms, and a missing or partial configuration stops the start with the setting's name.
 */
class MiniProgramProvidersTest {

    private static final LocalMode OFF = new LocalMode(false);
    private static final WebClient http = TestWebClient.get();

    private static MiniProgramConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withMapping(MiniProgramConfig.class)
                .withSources(new PropertiesConfigSource(settings, "test", 500)).build().getConfigMapping(MiniProgramConfig.class);
    }

    private static MiniProgramProvider select(LocalMode mode, Map<String, String> settings) {
        return MiniProgramProviders.select(mode, config(settings), http, Clock.systemUTC());
    }

    @Test
    void theStandInRunsInLocalModeOnly() {
        MiniProgramProvider local = select(new LocalMode(true), Map.of());
        assertInstanceOf(LocalMiniProgramProvider.class, local);
        assertEquals("13800138000", local.exchange("WECHAT", "demo-13800138000", null).await().indefinitely().verifiedPhone());
        // Outside local mode it cannot even be made.
        assertThrows(IllegalStateException.class, () -> new LocalMiniProgramProvider(OFF));
    }

    @Test
    void outsideLocalModeNoPlatformAtAllIsAStartUpErrorNamingTheSettings() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> select(OFF, Map.of()));
        assertTrue(e.getMessage().contains("banhao.mini-program.wechat.app-id"), e.getMessage());
        assertTrue(e.getMessage().contains("banhao.mini-program.alipay.app-id"), e.getMessage());
    }

    @Test
    void anAppIdWithoutItsSecretIsAStartUpErrorNamingTheSecret() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> select(OFF, Map.of("banhao.mini-program.wechat.app-id", "wx-app")));
        assertTrue(e.getMessage().contains("banhao.mini-program.wechat.app-secret"), e.getMessage());
        IllegalStateException alipay = assertThrows(IllegalStateException.class, () -> select(OFF, Map.of(
                "banhao.mini-program.wechat.app-id", "wx-app", "banhao.mini-program.wechat.app-secret", "s",
                "banhao.mini-program.alipay.app-id", "2021000000000001")));
        assertTrue(alipay.getMessage().contains("banhao.mini-program.alipay.private-key"), alipay.getMessage());
    }

    @Test
    void anUnusableAlipayKeyIsAStartUpErrorNamingIt() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Map<String, String> settings = new HashMap<>(Map.of("banhao.mini-program.alipay.app-id", "2021000000000001",
                "banhao.mini-program.alipay.private-key", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                "banhao.mini-program.alipay.alipay-public-key", "bm90IGEga2V5",
                "banhao.mini-program.alipay.aes-key", Base64.getEncoder().encodeToString(new byte[16])));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> select(OFF, settings));
        assertTrue(e.getMessage().contains("banhao.mini-program.alipay.alipay-public-key"), e.getMessage());
        settings.put("banhao.mini-program.alipay.alipay-public-key", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        settings.put("banhao.mini-program.alipay.aes-key", "c2hvcnQ=");
        IllegalStateException aes = assertThrows(IllegalStateException.class, () -> select(OFF, settings));
        assertTrue(aes.getMessage().contains("banhao.mini-program.alipay.aes-key"), aes.getMessage());
    }

    @Test
    void outsideLocalModeADemoCodeIsJustACodeTheRealPlatformRefuses() {
        try (FakeHttpServer wechat = new FakeHttpServer().on("/sns/jscode2session",
                r -> Answer.json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}"))) {
            MiniProgramProvider provider = select(OFF, Map.of("banhao.mini-program.wechat.app-id", "wx-app",
                    "banhao.mini-program.wechat.app-secret", "wx-secret", "banhao.mini-program.wechat.base-url", wechat.url(),
                    "banhao.mini-program.wechat.timeout", "PT5S"));
            ApiException e = refused(provider.exchange("WECHAT", "demo-13800138000", "demo-13800138000"));
            assertEquals(AuthErrors.MINI_PROGRAM_CODE_INVALID, e.code());
            assertEquals("demo-13800138000", wechat.requests("/sns/jscode2session").get(0).query().get("js_code"));
        }
    }

    @Test
    void onePlatformWithoutTheOtherWorksAndTheOtherIsRefusedAsNotEnabled() {
        MiniProgramProvider wechatOnly = select(OFF, Map.of("banhao.mini-program.wechat.app-id", "wx-app",
                "banhao.mini-program.wechat.app-secret", "wx-secret"));
        ApiException e = refused(wechatOnly.exchange("ALIPAY", "any-code", null));
        assertEquals(AuthErrors.MINI_PROGRAM_PLATFORM_NOT_ENABLED, e.code());
        assertEquals(422, e.code().status());
        assertEquals("platform", e.fieldErrors().get(0).field());
        assertEquals(Duration.ofSeconds(5), config(Map.of()).wechat().timeout());
    }
}
