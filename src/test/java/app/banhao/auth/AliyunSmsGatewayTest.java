package app.banhao.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.local.LocalMode;
import app.banhao.testing.FakeAliyunSms.Answer;
import app.banhao.testing.FakeAliyunSms.Received;
import app.banhao.testing.FakeAliyunSms;
import app.banhao.testing.TestWebClient;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The Aliyun SMS adapter against a fake platform on 127.0.0.1 that checks the signature the way Aliyun
 * does; and the choice between it and the log stand-in, which exists in local mode only.
 */
class AliyunSmsGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private FakeAliyunSms fake;

    @BeforeEach
    void startFake() throws Exception {
        fake = FakeAliyunSms.start();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void sendsTheDocumentedFieldsSigned() {
        SmsGateway gateway = SmsGateways.select(new LocalMode(false), config(fake.config()), TestWebClient.get());
        assertInstanceOf(AliyunSmsGateway.class, gateway);
        assertFalse(gateway.revealsCode(), "a real gateway never hands the code to the caller");

        gateway.sendLoginCode("13800138000", "493021").await().atMost(WAIT);

        Received request = fake.received().get(0);
        assertTrue(request.signatureValid(), "the fake platform recomputed the same ACS3-HMAC-SHA256 signature");
        assertEquals(Map.of("PhoneNumbers", "13800138000", "SignName", "湘易办", "TemplateCode", "SMS_000000001",
                "TemplateParam", "{\"code\":\"493021\"}"), request.form());
        assertEquals("SendSms", request.headers().get("x-acs-action"));
        assertEquals("2017-05-25", request.headers().get("x-acs-version"));
        assertTrue(request.signedHeaders().containsAll(java.util.List.of("host", "x-acs-action", "x-acs-content-sha256",
                "x-acs-date", "x-acs-signature-nonce", "x-acs-version")), request.signedHeaders().toString());
    }

    @Test
    void aRefusalIsSmsUnavailable() {
        fake.answer(Answer.REFUSE);
        assertUnavailable();
    }

    @Test
    void aServerErrorIsSmsUnavailable() {
        fake.answer(Answer.SERVER_ERROR);
        assertUnavailable();
    }

    @Test
    void noAnswerInTimeIsSmsUnavailable() {
        fake.answer(Answer.SLOW);
        SmsGateway gateway = SmsGateways.select(new LocalMode(false), config(fake.config()), TestWebClient.get());
        long started = System.nanoTime();
        ApiException e = assertThrows(ApiException.class,
                () -> gateway.sendLoginCode("13800138000", "493021").await().atMost(WAIT));
        assertEquals(AuthErrors.SMS_UNAVAILABLE, e.code());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "gave up after the configured timeout (1 s), not the platform's 20 s: " + took);
    }

    @Test
    void aWrongSecretIsRefusedAsUnavailable() {
        Map<String, String> wrong = new java.util.HashMap<>(fake.config());
        wrong.put("banhao.sms.aliyun.access-key-secret", "not-the-secret");
        SmsGateway gateway = SmsGateways.select(new LocalMode(false), config(wrong), TestWebClient.get());
        ApiException e = assertThrows(ApiException.class,
                () -> gateway.sendLoginCode("13800138000", "493021").await().atMost(WAIT));
        assertEquals(AuthErrors.SMS_UNAVAILABLE, e.code());
        assertFalse(fake.received().get(0).signatureValid(), "the fake really checks the signature");
    }

    @Test
    void outsideLocalModeAMissingGatewayStopsTheStartNamingEverySetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SmsGateways.select(new LocalMode(false), config(Map.of("banhao.sms.aliyun.access-key-id", "x")), TestWebClient.get()));
        assertTrue(e.getMessage().contains("banhao.sms.aliyun.access-key-secret, banhao.sms.aliyun.sign-name, "
                + "banhao.sms.aliyun.template-code"), e.getMessage());
        assertFalse(e.getMessage().contains("access-key-id,"), "the one given is not named: " + e.getMessage());
    }

    @Test
    void theLogStandInExistsInLocalModeOnly() {
        assertInstanceOf(LogSmsGateway.class, SmsGateways.select(new LocalMode(true), config(Map.of()), TestWebClient.get()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LogSmsGateway(new LocalMode(false)));
        assertTrue(e.getMessage().contains("local mode"), e.getMessage());
    }

    private void assertUnavailable() {
        SmsGateway gateway = SmsGateways.select(new LocalMode(false), config(fake.config()), TestWebClient.get());
        ApiException e = assertThrows(ApiException.class,
                () -> gateway.sendLoginCode("13800138000", "493021").await().atMost(WAIT));
        assertEquals(AuthErrors.SMS_UNAVAILABLE, e.code());
        assertEquals(1, fake.received().size());
    }

    /** The real configuration mapping over {@code properties}, as Quarkus would build it. */
    private static AliyunSmsConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AliyunSmsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(AliyunSmsConfig.class);
    }
}
