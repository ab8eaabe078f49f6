package app.banhao.postal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.local.LocalMode;
import app.banhao.testing.FakeHttpServer;
import app.banhao.testing.FakeHttpServer.Answer;
import app.banhao.testing.TestWebClient;
import io.vertx.core.json.JsonObject;

/**
 * The EMS adapter against a fake open platform on 127.0.0.1 that reads the form and decrypts the SM4 body the way the
 * platform does; and the choice between it and the local stand-in.
 */
class EmsCarrierTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SIGN_KEY = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
    private static final Carrier.ParcelOrder ORDER = new Carrier.ParcelOrder("6f1c2a9e-0000-4000-8000-000000000001",
            "4300002026112300000042", "张三丰", "13912345678", "430102", "芙蓉区五一大道 1 号", "证照");

    private final FakeHttpServer platform = new FakeHttpServer();

    @AfterEach
    void stop() {
        platform.close();
    }

    private EmsCarrier carrier(Duration timeout) {
        return new EmsCarrier(new EmsCarrier.Settings(URI.create(platform.url() + "/api/gateway"), "1100000000001", "auth-code",
                "user-1", SIGN_KEY, "ecom-1", "1", "V1.0.0", timeout,
                new EmsCarrier.Sender("湖南省政务服务中心", "073100000000", "湖南省", "长沙市", "岳麓区", "寄递窗口"),
                EmsTraces.of(EmsConfig.DEFAULT_OP_CODES), EmsConfig.fieldsOf(EmsConfig.DEFAULT_PICKUP_FIELDS)),
                TestWebClient.get());
    }

    @Test
    void createsAnOrderWithTheDocumentedFormAndAnSm4Body() {
        platform.on("/api/gateway", r -> Answer.json("{\"retCode\":\"00000\",\"retMsg\":\"成功\",\"serialNo\":\"s1\","
                + "\"retBody\":\"{\\\"waybillNo\\\":\\\"1151234567890\\\"}\"}"));

        String waybill = carrier(WAIT).createOrder(ORDER).await().atMost(WAIT);

        assertEquals("1151234567890", waybill);
        Map<String, String> form = platform.requests("/api/gateway").get(0).form();
        assertEquals("020003", form.get("apiCode"));
        assertEquals("1100000000001", form.get("senderNo"));
        assertEquals("auth-code", form.get("authorization"));
        assertEquals("JSON", form.get("msgType"));
        assertEquals("V1.0.0", form.get("version"));
        assertEquals("user-1", form.get("userCode"));
        assertTrue(form.get("timeStamp").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), form.get("timeStamp"));
        String field = form.get("logitcsInterface");
        assertTrue(field.startsWith("|$4|"), field);
        assertTrue(!field.contains("张三丰") && !field.contains("13912345678"), "the body travels encrypted");
        JsonObject order = new JsonObject(EmsCrypto.decrypt(field, SIGN_KEY));
        assertEquals(ORDER.logisticsOrderNo(), order.getString("logisticsOrderNo"));
        assertEquals("1", order.getString("contentsAttribute"));
        assertEquals("1", order.getString("bizProductNo"));
        assertEquals("ecom-1", order.getString("ecommerceUserId"));
        JsonObject receiver = order.getJsonObject("receiver");
        assertEquals("张三丰", receiver.getString("name"));
        assertEquals("13912345678", receiver.getString("mobile"));
        assertEquals("湖南省", receiver.getString("prov"));
        assertEquals("长沙市", receiver.getString("city"));
        assertEquals("芙蓉区五一大道 1 号", receiver.getString("address"));
        assertEquals("湖南省政务服务中心", order.getJsonObject("sender").getString("name"));
    }

    @Test
    void aPickUpHasTheResidentAsSenderTheOfficeAsReceiverAndTheWindowInTheConfiguredFields() {
        platform.on("/api/gateway", r -> Answer.json("{\"retCode\":\"00000\",\"retBody\":{\"waybillNo\":\"1151234567891\"}}"));
        var start = java.time.OffsetDateTime.parse("2026-12-07T09:00:00+08:00");
        var pickup = new Carrier.ParcelOrder("6f1c2a9e-0000-4000-8000-000000000002", "4300002026112300000042", "张三丰",
                "13912345678", "430102", "芙蓉区五一大道 1 号", "材料原件", new Carrier.PickupWindow(start, start.plusHours(2)));

        assertEquals("1151234567891", carrier(WAIT).createOrder(pickup).await().atMost(WAIT));

        JsonObject order = new JsonObject(EmsCrypto.decrypt(platform.requests("/api/gateway").get(0).form()
                .get("logitcsInterface"), SIGN_KEY));
        assertEquals("张三丰", order.getJsonObject("sender").getString("name"));
        assertEquals("芙蓉区五一大道 1 号", order.getJsonObject("sender").getString("address"));
        assertEquals("湖南省政务服务中心", order.getJsonObject("receiver").getString("name"));
        assertEquals("1", order.getString("pickupType"));
        assertEquals("2026-12-07 09:00:00", order.getString("pickupStartTime"));
        assertEquals("2026-12-07 11:00:00", order.getString("pickupEndTime"));
        assertTrue(order.getString("remarks").contains("上门取件 2026-12-07 09:00:00 至 2026-12-07 11:00:00"), order.encode());
    }

    @Test
    void aRefusalIsCarrierUnavailable() {
        platform.on("/api/gateway", r -> Answer.json("{\"retCode\":\"B00012\",\"retMsg\":\"授权码错误\",\"serialNo\":\"s2\"}"));
        assertUnavailable(carrier(WAIT));
    }

    @Test
    void aServerErrorIsCarrierUnavailable() {
        platform.on("/api/gateway", r -> Answer.status(502));
        assertUnavailable(carrier(WAIT));
    }

    @Test
    void noAnswerInTimeIsCarrierUnavailable() {
        platform.on("/api/gateway", r -> Answer.json("{\"retCode\":\"00000\"}").after(3_000));
        assertUnavailable(carrier(Duration.ofMillis(300)));
    }

    @Test
    void theLocalStandInOnlyInLocalModeAndEmsMustBeConfiguredOtherwise() {
        assertInstanceOf(LocalCarrier.class, Carriers.select(new LocalMode(true), null, TestWebClient.get()));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Carriers.select(new LocalMode(false), new UnconfiguredEms(), TestWebClient.get()));
        assertTrue(missing.getMessage().contains("banhao.postal.ems.{endpoint") && missing.getMessage().contains("sign-key"),
                missing.getMessage());
        // Local mode with an EMS endpoint (a sandbox) uses EMS, and then needs the rest of the account.
        assertThrows(IllegalStateException.class, () -> Carriers.select(new LocalMode(true), new UnconfiguredEms() {
            @Override
            public java.util.Optional<URI> endpoint() {
                return java.util.Optional.of(URI.create("http://127.0.0.1:1/api/gateway"));
            }
        }, TestWebClient.get()));
        assertInstanceOf(LocalCarrier.class, Carriers.select(new LocalMode(true), new UnconfiguredEms(), TestWebClient.get()));
    }

    @Test
    void theLocalStandInNamesTheSameParcelOnARetry() {
        LocalCarrier local = new LocalCarrier();
        String first = local.createOrder(ORDER).await().atMost(WAIT);
        assertEquals(first, local.createOrder(ORDER).await().atMost(WAIT));
        assertTrue(first.matches("LC\\d{11}"), first);
    }

    @Test
    void cancelsAnOrderWith020006() {
        platform.on("/api/gateway", r -> Answer.json("{\"retCode\":\"00000\",\"retMsg\":\"成功\"}"));

        carrier(WAIT).cancelOrder(ORDER.logisticsOrderNo(), "1151234567890", "居民取消").await().atMost(WAIT);

        Map<String, String> form = platform.requests("/api/gateway").get(0).form();
        assertEquals("020006", form.get("apiCode"));
        JsonObject body = new JsonObject(EmsCrypto.decrypt(form.get("logitcsInterface"), SIGN_KEY));
        assertEquals(ORDER.logisticsOrderNo(), body.getString("logisticsOrderNo"));
        assertEquals("1151234567890", body.getString("waybillNo"));
        assertEquals("居民取消", body.getString("cancelReason"));
    }

    @Test
    void aRefusedCancelIsCarrierUnavailable() {
        platform.on("/api/gateway", r -> Answer.json("{\"retCode\":\"B00077\",\"retMsg\":\"已揽收不能取消\"}"));
        ApiException e = assertThrows(ApiException.class,
                () -> carrier(WAIT).cancelOrder(ORDER.logisticsOrderNo(), "1151234567890", "x").await().atMost(WAIT));
        assertEquals(PostalErrors.CARRIER_UNAVAILABLE, e.code());
    }

    @Test
    void readsTheTracksOfAQueryInOurStatesSkippingUnknownCodes() {
        platform.on("/api/gateway", r -> Answer.json("{\"retCode\":\"00000\",\"retBody\":{\"responseItems\":["
                + "{\"waybillNo\":\"1151234567890\",\"opTime\":\"2026-11-25 09:00:00\",\"opCode\":\"203\",\"opDesc\":\"已收寄\"},"
                + "{\"waybillNo\":\"1151234567890\",\"opTime\":\"2026-11-25 12:00:00\",\"opCode\":\"999\",\"opDesc\":\"?\"},"
                + "{\"waybillNo\":\"1151234567890\",\"opTime\":\"2026-11-26 10:15:00\",\"opCode\":\"704\","
                + "\"opDesc\":\"已妥投，签收人：本人\"}]}}"));

        var traces = carrier(WAIT).track("1151234567890").await().atMost(WAIT);

        assertEquals("040001", platform.requests("/api/gateway").get(0).form().get("apiCode"));
        assertEquals(2, traces.size(), traces.toString());
        assertEquals(DeliveryState.PICKED_UP, traces.get(0).state());
        assertEquals(java.time.OffsetDateTime.parse("2026-11-25T09:00:00+08:00"), traces.get(0).opTime());
        assertEquals(DeliveryState.DELIVERED, traces.get(1).state());
        assertEquals("本人", traces.get(1).signer());
    }

    @Test
    void fetchesTheWaybillLabelAsAPdf() {
        String pdf = Base64.getEncoder().encodeToString(LocalCarrier.labelPdf("1151234567890"));
        platform.on("/api/gateway", r -> Answer.json("{\"retCode\":\"00000\",\"retBody\":{\"pdfContent\":\"" + pdf + "\"}}"));

        byte[] label = carrier(WAIT).label("1151234567890").await().atMost(WAIT);

        assertEquals("010004", platform.requests("/api/gateway").get(0).form().get("apiCode"));
        assertTrue(new String(label, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertTrue(new String(label, java.nio.charset.StandardCharsets.US_ASCII).contains("WAYBILL 1151234567890"));
    }

    @Test
    void aLabelAnswerWithoutAPdfIsCarrierUnavailable() {
        platform.on("/api/gateway", r -> Answer.json("{\"retCode\":\"00000\",\"retBody\":{\"pdfContent\":\"\"}}"));
        ApiException e = assertThrows(ApiException.class, () -> carrier(WAIT).label("1151234567890").await().atMost(WAIT));
        assertEquals(PostalErrors.CARRIER_UNAVAILABLE, e.code());
    }

    private static void assertUnavailable(EmsCarrier carrier) {
        ApiException e = assertThrows(ApiException.class, () -> carrier.createOrder(ORDER).await().atMost(WAIT));
        assertEquals(PostalErrors.CARRIER_UNAVAILABLE, e.code());
    }

    /** An EMS configuration with nothing set. */
    private static class UnconfiguredEms implements EmsConfig {
        public java.util.Optional<URI> endpoint() { return java.util.Optional.empty(); }
        public java.util.Optional<String> senderNo() { return java.util.Optional.empty(); }
        public java.util.Optional<String> authorization() { return java.util.Optional.empty(); }
        public java.util.Optional<String> userCode() { return java.util.Optional.empty(); }
        public java.util.Optional<String> signKey() { return java.util.Optional.empty(); }
        public java.util.Optional<String> ecommerceUserId() { return java.util.Optional.empty(); }
        public String bizProductNo() { return "1"; }
        public String version() { return "V1.0.0"; }
        public Duration timeout() { return WAIT; }
        public String senderName() { return "x"; }
        public String senderMobile() { return "x"; }
        public String senderProv() { return "x"; }
        public String senderCity() { return "x"; }
        public String senderCounty() { return "x"; }
        public String senderAddress() { return "x"; }
        public String opCodes() { return EmsConfig.DEFAULT_OP_CODES; }
        public String pickupFields() { return EmsConfig.DEFAULT_PICKUP_FIELDS; }
    }
}
