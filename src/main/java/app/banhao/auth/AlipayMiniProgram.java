package app.banhao.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.http.Outbound;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Alipay mini-program login. The {@code my.getAuthCode} code goes to the open-platform gateway as
 * {@code alipay.system.oauth.token}, signed RSA2 (SHA256withRSA) with the application's private key; the
 * answer is accepted only with a valid signature by Alipay's public key, and its {@code open_id}
 * ({@code user_id} for applications that still get one) is the channel account.
 * <p>
 * The phone number comes from the mini-program itself: {@code my.getPhoneNumber} hands the page the whole
 * signed, AES-encrypted answer ({@code res.response}: a JSON text with {@code response}, {@code sign},
 * {@code sign_type}, {@code encrypt_type}, {@code charset}), which the page sends as {@code phoneCode}.
 * It is checked against Alipay's public key (Alipay signs the ciphertext in double quotes) and decrypted
 * with the application's 接口内容加密 key (AES/CBC/PKCS5Padding, zero IV).
 */
final class AlipayMiniProgram implements MiniProgramProvider {

    static final String APP_ID = MiniProgramConfig.PREFIX + "alipay.app-id";
    static final String PRIVATE_KEY = MiniProgramConfig.PREFIX + "alipay.private-key";
    static final String ALIPAY_PUBLIC_KEY = MiniProgramConfig.PREFIX + "alipay.alipay-public-key";
    static final String AES_KEY = MiniProgramConfig.PREFIX + "alipay.aes-key";

    private static final String METHOD = "alipay.system.oauth.token";
    private static final String ANSWER = "alipay_system_oauth_token_response";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BusinessClock.ZONE);
    private static final JsonFactory JSON = new JsonFactory();

    record Settings(String appId, PrivateKey privateKey, PublicKey alipayPublicKey, SecretKey aesKey, String gatewayUrl,
            Duration timeout) {

        /** Parses the keys, so a key that cannot be used stops the start with its setting's name. */
        static Settings parse(String appId, String privateKey, String alipayPublicKey, String aesKey, String gatewayUrl,
                Duration timeout) {
            return new Settings(appId, (PrivateKey) key(PRIVATE_KEY, privateKey, true), (PublicKey) key(ALIPAY_PUBLIC_KEY, alipayPublicKey, false),
                    aes(aesKey), gatewayUrl, timeout);
        }

        private static java.security.Key key(String setting, String text, boolean isPrivate) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return isPrivate ? rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) : rsa.generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException(setting + " is not a usable RSA " + (isPrivate ? "private key (PKCS#8"
                        : "public key (X.509") + ", base64): " + e.getMessage(), e);
            }
        }

        private static SecretKey aes(String text) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(text.strip());
            } catch (IllegalArgumentException e) {
                raw = new byte[0];
            }
            if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
                throw new IllegalStateException(AES_KEY + " must be a base64 AES key of 16, 24 or 32 bytes");
            }
            return new SecretKeySpec(raw, "AES");
        }
    }

    private final Settings settings;
    private final WebClient http;
    private final Clock clock;

    AlipayMiniProgram(Settings settings, WebClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Uni<ChannelAccount> exchange(String platform, String loginCode, String phoneCode) {
        // The phone answer is checked first: it needs no network, and a forged one should cost Alipay nothing.
        return Uni.createFrom().item(() -> phoneCode == null ? null : phone(phoneCode))
                .chain(phone -> Outbound.text(http.postAbs(settings.gatewayUrl()), settings.timeout(),
                        r -> r.sendForm(tokenRequest(loginCode), "UTF-8"), "Alipay " + METHOD)
                        .map(body -> new ChannelAccount(account(body), phone)))
                .onFailure(e -> !(e instanceof ApiException)).transform(AlipayMiniProgram::unavailable);
    }

    private MultiMap tokenRequest(String loginCode) {
        Map<String, String> params = Map.of("app_id", settings.appId(), "method", METHOD, "format", "JSON",
                "charset", "utf-8", "sign_type", "RSA2", "timestamp", TIMESTAMP.format(clock.instant()), "version", "1.0",
                "grant_type", "authorization_code", "code", loginCode);
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        new TreeMap<>(params).forEach(form::add);
        form.add("sign", sign(params));
        return form;
    }

    /** The signing string of the open platform: parameters sorted by name, {@code k=v} joined by {@code &}, unencoded. */
    static String signingString(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private String sign(Map<String, String> params) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(settings.privateKey());
            rsa.update(signingString(params).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Alipay request signing failed", e);
        }
    }

    private boolean signedByAlipay(String content, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(settings.alipayPublicKey());
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private String account(String body) {
        JsonObject answer = Outbound.parse(body, "Alipay " + METHOD);
        JsonObject success = answer.getJsonObject(ANSWER);
        if (success == null || success.getString("code") != null && !"10000".equals(success.getString("code"))) {
            JsonObject error = answer.getJsonObject("error_response", success);
            String subCode = error == null ? null : error.getString("sub_code");
            // An error answer is not trusted for anything but refusing: signature or not, nobody logs in.
            if (subCode != null && subCode.startsWith("isv.code-")) {
                throw ApiException.field(AuthErrors.MINI_PROGRAM_CODE_INVALID, FieldError.of("loginCode", FieldCode.NOT_ALLOWED));
            }
            throw new Outbound.Failure("Alipay " + METHOD + ": " + (error == null ? "no answer node"
                    : error.getString("code") + " " + subCode + " " + error.getString("sub_msg")), null);
        }
        // Alipay signs the answer node exactly as sent, so it is checked on the raw text, not on a re-encoding.
        if (!signedByAlipay(rawNode(body, ANSWER), answer.getString("sign"))) {
            throw new Outbound.Failure("Alipay " + METHOD + ": the answer's signature does not verify with "
                    + ALIPAY_PUBLIC_KEY, null);
        }
        String account = success.getString("open_id", success.getString("user_id"));
        if (account == null || account.isBlank()) {
            throw new Outbound.Failure("Alipay " + METHOD + ": neither open_id nor user_id in the answer", null);
        }
        return account;
    }

    /** The text of a top-level member's object value, exactly as it stands in {@code body}. */
    static String rawNode(String body, String member) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(member) && value == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
                    return body.substring(start, end);
                }
                parser.skipChildren();
            }
            return "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private String phone(String phoneCode) {
        JsonObject envelope;
        try {
            envelope = new JsonObject(phoneCode);
        } catch (DecodeException | ClassCastException e) {
            throw phoneRefused("not the JSON text of my.getPhoneNumber's res.response");
        }
        String content = envelope.getString("response");
        if (content == null || !"RSA2".equals(envelope.getString("sign_type", "RSA2"))) {
            throw phoneRefused("no response, or a signature type other than RSA2");
        }
        boolean encrypted = !content.startsWith("{");
        if (!signedByAlipay(encrypted ? "\"" + content + "\"" : content, envelope.getString("sign"))) {
            throw phoneRefused("the signature does not verify with " + ALIPAY_PUBLIC_KEY);
        }
        JsonObject plain;
        try {
            plain = new JsonObject(encrypted ? decrypt(content) : content);
        } catch (GeneralSecurityException | IllegalArgumentException | DecodeException | ClassCastException e) {
            throw phoneRefused("cannot be decrypted with " + AES_KEY);
        }
        String mobile = plain.getString("mobile");
        if (!"10000".equals(plain.getString("code")) || mobile == null) {
            throw phoneRefused("Alipay answered " + plain.getString("code") + " " + plain.getString("subCode"));
        }
        return mobile;
    }

    private String decrypt(String base64) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.DECRYPT_MODE, settings.aesKey(), new IvParameterSpec(new byte[16]));
        return new String(aes.doFinal(Base64.getDecoder().decode(base64)), StandardCharsets.UTF_8);
    }

    private static ApiException phoneRefused(String why) {
        Log.infof("Alipay phone-number answer refused: %s", why);
        return ApiException.field(AuthErrors.MINI_PROGRAM_CODE_INVALID, FieldError.of("phoneCode", FieldCode.NOT_ALLOWED));
    }

    private static ApiException unavailable(Throwable why) {
        Log.warnf("Alipay mini-program login failed: %s", why.getMessage());
        return ApiException.retryAfter(AuthErrors.MINI_PROGRAM_UNAVAILABLE, 30);
    }
}
