package app.banhao.auth;

import static app.banhao.auth.WechatMiniProgramTest.assertUnavailable;
import static app.banhao.auth.WechatMiniProgramTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.testing.FakeHttpServer.Answer;
import app.banhao.testing.FakeHttpServer;
import app.banhao.testing.TestWebClient;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The Alipay adapter against a fake open-platform gateway that checks the request's RSA2 signature with
 * the application's public key and signs its answers with "Alipay's" key, as the real one does.
 */
class AlipayMiniProgramTest {

    private static final byte[] AES = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final WebClient http = TestWebClient.get();
    private static KeyPair app;
    private static KeyPair alipay;
    private FakeHttpServer gateway;

    @BeforeAll
    static void keysAndClient() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        app = rsa.generateKeyPair();
        alipay = rsa.generateKeyPair();
    }

    @BeforeEach
    void fakeGateway() {
        gateway = new FakeHttpServer().on("/gateway.do", r -> {
            Map<String, String> form = new HashMap<>(r.form());
            String sign = form.remove("sign");
            if (!verify(app.getPublic(), AlipayMiniProgram.signingString(form), sign) || !"2021000000000001".equals(form.get("app_id"))
                    || !"alipay.system.oauth.token".equals(form.get("method")) || !"RSA2".equals(form.get("sign_type"))
                    || !"authorization_code".equals(form.get("grant_type"))) {
                return signed("error_response", "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-signature\"}",
                        alipay.getPrivate());
            }
            if (!"auth-ok".equals(form.get("code"))) {
                return signed("error_response", "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.code-invalid\","
                        + "\"sub_msg\":\"授权码code无效\"}", alipay.getPrivate());
            }
            return signed("alipay_system_oauth_token_response", "{\"access_token\":\"at\",\"auth_start\":\"2026-12-02 10:00:00\","
                    + "\"expires_in\":1296000,\"open_id\":\"074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5\",\"re_expires_in\":2592000,"
                    + "\"refresh_token\":\"rt\"}", alipay.getPrivate());
        });
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private AlipayMiniProgram provider(Duration timeout) {
        return new AlipayMiniProgram(AlipayMiniProgram.Settings.parse("2021000000000001",
                Base64.getEncoder().encodeToString(app.getPrivate().getEncoded()),
                Base64.getMimeEncoder().encodeToString(alipay.getPublic().getEncoded()), // line breaks, as copied from a console
                Base64.getEncoder().encodeToString(AES), gateway.url() + "/gateway.do", timeout), http, Clock.systemUTC());
    }

    /** An answer as Alipay writes it: the node, then the signature over the node's exact text. */
    private static Answer signed(String node, String json, PrivateKey key) {
        return Answer.json("{\"" + node + "\":" + json + ",\"sign\":\"" + sign(key, json) + "\"}");
    }

    private static String sign(PrivateKey key, String content) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verify(PublicKey key, String content, String signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return signature != null && rsa.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** What my.getPhoneNumber hands the page: the encrypted answer, signed with the ciphertext in double quotes. */
    static String phoneResponse(String plain, PrivateKey signer) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(AES, "AES"), new IvParameterSpec(new byte[16]));
            String response = Base64.getEncoder().encodeToString(aes.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
            return new JsonObject().put("response", response).put("sign", sign(signer, "\"" + response + "\""))
                    .put("sign_type", "RSA2").put("encrypt_type", "AES").put("charset", "UTF-8").encode();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String PHONE = "{\"code\":\"10000\",\"msg\":\"Success\",\"mobile\":\"13800138000\"}";

    @Test
    void aSignedAnswerIsTheOpenIdAndTheDecryptedPhoneIsVerified() {
        var account = provider(Duration.ofSeconds(5)).exchange("ALIPAY", "auth-ok", phoneResponse(PHONE, alipay.getPrivate()))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals("074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5", account.openId());
        assertEquals("13800138000", account.verifiedPhone());
        Map<String, String> form = gateway.requests("/gateway.do").get(0).form();
        assertTrue(form.get("timestamp").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), form.get("timestamp"));
        assertEquals("utf-8", form.get("charset"));
        assertEquals("1.0", form.get("version"));
    }

    @Test
    void aCodeAlipayRefusesIsA401NamingTheField() {
        ApiException e = refused(provider(Duration.ofSeconds(5)).exchange("ALIPAY", "demo-13800138000", null));
        assertEquals(AuthErrors.MINI_PROGRAM_CODE_INVALID, e.code());
        assertEquals("loginCode", e.fieldErrors().get(0).field());
    }

    @Test
    void aPlatformErrorCodeIsA503() {
        gateway.on("/gateway.do", r -> signed("error_response",
                "{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\",\"sub_code\":\"isp.unknow-error\"}", alipay.getPrivate()));
        assertUnavailable(provider(Duration.ofSeconds(5)).exchange("ALIPAY", "auth-ok", null));
    }

    @Test
    void anHttp5xxIsA503() {
        gateway.on("/gateway.do", r -> Answer.status(503));
        assertUnavailable(provider(Duration.ofSeconds(5)).exchange("ALIPAY", "auth-ok", null));
    }

    @Test
    void noAnswerWithinTheTimeoutIsA503() {
        gateway.on("/gateway.do", r -> signed("alipay_system_oauth_token_response", "{\"open_id\":\"x\"}", alipay.getPrivate())
                .after(3_000));
        assertUnavailable(provider(Duration.ofMillis(300)).exchange("ALIPAY", "auth-ok", null));
    }

    @Test
    void anAnswerNotSignedByAlipayIsA503AndNobodyLogsIn() throws GeneralSecurityException {
        KeyPair impostor = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        gateway.on("/gateway.do", r -> signed("alipay_system_oauth_token_response", "{\"open_id\":\"someone-else\"}",
                impostor.getPrivate()));
        assertUnavailable(provider(Duration.ofSeconds(5)).exchange("ALIPAY", "auth-ok", null));
        gateway.on("/gateway.do", r -> Answer.json("{\"alipay_system_oauth_token_response\":{\"open_id\":\"someone-else\"}}"));
        assertUnavailable(provider(Duration.ofSeconds(5)).exchange("ALIPAY", "auth-ok", null));
    }

    @Test
    void aPhoneAnswerNotSignedByAlipayIsRefused() throws GeneralSecurityException {
        KeyPair impostor = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        ApiException forged = refused(provider(Duration.ofSeconds(5)).exchange("ALIPAY", "auth-ok",
                phoneResponse(PHONE, impostor.getPrivate())));
        assertEquals(AuthErrors.MINI_PROGRAM_CODE_INVALID, forged.code());
        assertEquals("phoneCode", forged.fieldErrors().get(0).field());
        ApiException demo = refused(provider(Duration.ofSeconds(5)).exchange("ALIPAY", "auth-ok", "demo-13800138000"));
        assertEquals("phoneCode", demo.fieldErrors().get(0).field());
        ApiException refusedByAlipay = refused(provider(Duration.ofSeconds(5)).exchange("ALIPAY", "auth-ok", phoneResponse(
                "{\"code\":\"40003\",\"msg\":\"Insufficient Conditions\",\"subCode\":\"isv.invalid-auth-relations\"}",
                alipay.getPrivate())));
        assertEquals(AuthErrors.MINI_PROGRAM_CODE_INVALID, refusedByAlipay.code());
    }
}
