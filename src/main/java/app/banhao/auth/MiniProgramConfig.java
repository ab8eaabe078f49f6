package app.banhao.auth;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The mini-program platforms' settings (README, "Mini-program and identity providers"). A platform is
 * enabled by setting all of its credentials; outside local mode at least one must be.
 */
@ConfigMapping(prefix = "banhao.mini-program")
public interface MiniProgramConfig {

    String PREFIX = "banhao.mini-program.";

    Wechat wechat();

    Alipay alipay();

    interface Wechat {
        Optional<String> appId();

        Optional<String> appSecret();

        @WithDefault("https://api.weixin.qq.com")
        String baseUrl();

        @WithDefault("PT5S")
        Duration timeout();
    }

    interface Alipay {
        Optional<String> appId();

        /** The application's RSA private key, PKCS#8, base64 (PEM armour allowed). */
        Optional<String> privateKey();

        /** Alipay's RSA public key for this application, X.509 SubjectPublicKeyInfo, base64. */
        Optional<String> alipayPublicKey();

        /** The 接口内容加密 AES key, base64, that decrypts the mini-program's phone-number answer. */
        Optional<String> aesKey();

        @WithDefault("https://openapi.alipay.com/gateway.do")
        String gatewayUrl();

        @WithDefault("PT5S")
        Duration timeout();
    }
}
