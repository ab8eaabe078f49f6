package app.banhao.auth;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.banhao.platform.local.LocalMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code banhao.sms.aliyun.*}: the Aliyun SMS account login codes are sent with outside local mode (README). */
@ConfigMapping(prefix = "banhao.sms.aliyun")
public interface AliyunSmsConfig {

    String PREFIX = "banhao.sms.aliyun.";

    /** The SMS API's endpoint (its region's, or a proxy's). */
    @WithDefault("https://dysmsapi.aliyuncs.com")
    URI endpoint();

    Optional<String> accessKeyId();

    Optional<String> accessKeySecret();

    /** The approved signature (短信签名) the message goes out under, e.g. 湘易办. */
    Optional<String> signName();

    /** The approved template (模板) with a {@code ${code}} variable, e.g. SMS_123456789. */
    Optional<String> templateCode();

    /** Longest wait for the platform's answer; a slower one is a failed send (503 SMS_UNAVAILABLE). */
    @WithDefault("PT5S")
    Duration timeout();

    /** The complete settings, or the start-up error naming every one that is missing. */
    default AliyunSmsGateway.Settings settings() {
        List<String> missing = new ArrayList<>();
        String id = required(accessKeyId(), "access-key-id", missing);
        String secret = required(accessKeySecret(), "access-key-secret", missing);
        String sign = required(signName(), "sign-name", missing);
        String template = required(templateCode(), "template-code", missing);
        if (!missing.isEmpty()) {
            throw LocalMode.missingSetting(String.join(", ", missing), "The SMS gateway (Aliyun SMS)");
        }
        return new AliyunSmsGateway.Settings(endpoint(), id, secret, sign, template, timeout());
    }

    private static String required(Optional<String> value, String name, List<String> missing) {
        if (value.isEmpty() || value.get().isBlank()) {
            missing.add(PREFIX + name);
            return null;
        }
        return value.get().strip();
    }
}
