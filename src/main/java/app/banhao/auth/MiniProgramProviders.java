package app.banhao.auth;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import app.banhao.api.model.MiniProgramPlatform;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.local.LocalMode;
import app.banhao.platform.local.ProviderSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Chooses the mini-program provider once, at start: the stand-in in local mode, otherwise the real
 * platforms that are configured. Made at start ({@link Startup}) so that a missing or partial setting
 * stops the start with its name instead of failing the first resident who logs in.
 * <p>
 * Each platform is enabled by its credentials; one is enough (an operator with only a WeChat
 * mini-program sets only WeChat's), a login from a platform that is not enabled is refused with
 * {@code MINI_PROGRAM_PLATFORM_NOT_ENABLED}, and none at all is a start-up error.
 */
@ApplicationScoped
public class MiniProgramProviders {

    @Produces
    @ApplicationScoped
    @Startup
    MiniProgramProvider provider(LocalMode localMode, MiniProgramConfig config, WebClient http) {
        return select(localMode, config, http, Clock.systemUTC());
    }

    static MiniProgramProvider select(LocalMode localMode, MiniProgramConfig config, WebClient http, Clock clock) {
        if (localMode.on()) {
            Log.warn("Local mode: mini-program login codes demo-<phone> log in as that phone's resident");
            return new LocalMiniProgramProvider(localMode);
        }
        Map<MiniProgramPlatform, MiniProgramProvider> platforms = new EnumMap<>(MiniProgramPlatform.class);
        MiniProgramConfig.Wechat wechat = config.wechat();
        ProviderSettings wechatSettings = ProviderSettings.of("WeChat mini-program login")
                .with(WechatMiniProgram.APP_ID, wechat.appId()).with(WechatMiniProgram.APP_SECRET, wechat.appSecret());
        if (wechatSettings.complete()) {
            platforms.put(MiniProgramPlatform.WECHAT, new WechatMiniProgram(new WechatMiniProgram.Settings(
                    wechatSettings.get(WechatMiniProgram.APP_ID), wechatSettings.get(WechatMiniProgram.APP_SECRET),
                    wechat.baseUrl(), wechat.timeout()), http, clock));
        }
        MiniProgramConfig.Alipay alipay = config.alipay();
        ProviderSettings alipaySettings = ProviderSettings.of("Alipay mini-program login")
                .with(AlipayMiniProgram.APP_ID, alipay.appId()).with(AlipayMiniProgram.PRIVATE_KEY, alipay.privateKey())
                .with(AlipayMiniProgram.ALIPAY_PUBLIC_KEY, alipay.alipayPublicKey())
                .with(AlipayMiniProgram.AES_KEY, alipay.aesKey());
        if (alipaySettings.complete()) {
            platforms.put(MiniProgramPlatform.ALIPAY, new AlipayMiniProgram(AlipayMiniProgram.Settings.parse(
                    alipaySettings.get(AlipayMiniProgram.APP_ID), alipaySettings.get(AlipayMiniProgram.PRIVATE_KEY),
                    alipaySettings.get(AlipayMiniProgram.ALIPAY_PUBLIC_KEY), alipaySettings.get(AlipayMiniProgram.AES_KEY),
                    alipay.gatewayUrl(), alipay.timeout()), http, clock));
        }
        if (platforms.isEmpty()) {
            throw LocalMode.missingSetting(WechatMiniProgram.APP_ID + " and/or " + AlipayMiniProgram.APP_ID
                    + " (with their credentials)", "Mini-program login");
        }
        Log.infof("Mini-program login enabled for %s", platforms.keySet());
        return new Platforms(platforms);
    }

    /** The enabled platforms by name; any other platform is refused as not enabled. */
    record Platforms(Map<MiniProgramPlatform, MiniProgramProvider> enabled) implements MiniProgramProvider {

        @Override
        public Uni<ChannelAccount> exchange(String platform, String loginCode, String phoneCode) {
            MiniProgramProvider provider = enabled.get(MiniProgramPlatform.fromValue(platform));
            if (provider == null) {
                return Uni.createFrom().failure(ApiException.field(AuthErrors.MINI_PROGRAM_PLATFORM_NOT_ENABLED,
                        FieldError.of("platform", FieldCode.NOT_ALLOWED)));
            }
            return provider.exchange(platform, loginCode, phoneCode);
        }
    }
}
