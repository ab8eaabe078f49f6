package app.banhao.postal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * China Post EMS open platform (中小电商企业接口规范 V2.7 shape): one form endpoint; {@code apiCode 020003} creates an
 * order. The business body {@code logitcsInterface} (spelled so) is {@code |$4|} + base64(SM4-ECB(JSON + signKey)),
 * with the sign key as the SM4 key; {@code retCode 00000} is success and {@code retBody} carries the waybill number.
 * The order number is our delivery id ({@code logisticsOrderNo}), so EMS sees one order however often it is sent.
 * What could not be checked against the full document (padding, retBody's shape) is named in README.
 */
final class EmsCarrier implements Carrier {

    static final String NAME = "EMS";
    static final String CREATE_ORDER = "020003";
    static final String SUCCESS = "00000";
    static final String SM4_PREFIX = "|$4|";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The sender printed on the waybill: the department's dispatch office. */
    record Sender(String name, String mobile, String prov, String city, String county, String address) {
    }

    record Settings(URI endpoint, String senderNo, String authorization, String userCode, String signKey,
            String ecommerceUserId, String bizProductNo, String version, Duration timeout, Sender sender) {
    }

    private final Settings settings;
    private final WebClient client;

    EmsCarrier(Settings settings, WebClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<String> createOrder(ParcelOrder order) {
        String body = formEncode(form(CREATE_ORDER, orderJson(order).encode()));
        return client.postAbs(settings.endpoint().toString())
                .timeout(settings.timeout().toMillis())
                .putHeader("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .sendBuffer(Buffer.buffer(body))
                .ifNoItem().after(settings.timeout()).fail()
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                    Log.warnf("EMS did not answer order %s: %s", order.logisticsOrderNo(), e.toString());
                    return unavailable();
                })
                .map(response -> waybill(response, order));
    }

    /** The form every apiCode shares. */
    Map<String, String> form(String apiCode, String json) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("apiCode", apiCode);
        form.put("senderNo", settings.senderNo());
        form.put("authorization", settings.authorization());
        form.put("msgType", "JSON");
        form.put("timeStamp", LocalDateTime.now(BusinessClock.ZONE).format(TIMESTAMP));
        form.put("version", settings.version());
        form.put("userCode", settings.userCode());
        form.put("logitcsInterface", encrypt(json, settings.signKey()));
        return form;
    }

    JsonObject orderJson(ParcelOrder order) {
        Sender s = settings.sender();
        RegionNames.Region to = RegionNames.of(order.regionCode());
        return new JsonObject()
                .put("ecommerceUserId", settings.ecommerceUserId())
                .put("logisticsOrderNo", order.logisticsOrderNo())
                .put("createdTime", LocalDateTime.now(BusinessClock.ZONE).format(TIMESTAMP))
                .put("contentsAttribute", "1")
                .put("bizProductNo", settings.bizProductNo())
                .put("paymentMode", "1")
                .put("remarks", "办件 " + order.applicationNo())
                .put("sender", new JsonObject().put("name", s.name()).put("mobile", s.mobile()).put("prov", s.prov())
                        .put("city", s.city()).put("county", s.county()).put("address", s.address()))
                .put("receiver", new JsonObject().put("name", order.recipient()).put("mobile", order.mobile())
                        .put("prov", to.prov()).put("city", to.city()).put("county", to.county()).put("address", order.detail()))
                .put("cargos", new JsonArray().add(new JsonObject().put("cargoName", order.contents()).put("cargoWeight", "0.1")));
    }

    private String waybill(HttpResponse<Buffer> response, ParcelOrder order) {
        JsonObject answer = parse(response.bodyAsString());
        if (response.statusCode() == 200 && answer != null && SUCCESS.equals(answer.getString("retCode"))) {
            String waybill = waybillIn(answer.getValue("retBody"));
            if (waybill != null && !waybill.isBlank()) {
                return waybill;
            }
        }
        Log.warnf("EMS refused order %s: HTTP %d, retCode %s, retMsg %s, serialNo %s", order.logisticsOrderNo(),
                response.statusCode(), answer == null ? "-" : answer.getString("retCode"),
                answer == null ? "-" : answer.getString("retMsg"), answer == null ? "-" : answer.getString("serialNo"));
        throw unavailable();
    }

    /** retBody as seen: an object, or that object as a JSON string, with {@code waybillNo}. */
    private static String waybillIn(Object retBody) {
        JsonObject body = retBody instanceof JsonObject o ? o : retBody instanceof String s ? parse(s) : null;
        return body == null ? null : body.getString("waybillNo");
    }

    private static JsonObject parse(String text) {
        try {
            return text == null ? null : new JsonObject(text);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static ApiException unavailable() {
        return ApiException.retryAfter(PostalErrors.CARRIER_UNAVAILABLE, 60);
    }

    /** {@code |$4|} + base64(SM4-ECB-PKCS7(json + signKey)), the SM4 key being the base64-decoded sign key. */
    static String encrypt(String json, String signKey) {
        return SM4_PREFIX + Base64.getEncoder().encodeToString(sm4(true, (json + signKey).getBytes(StandardCharsets.UTF_8), signKey));
    }

    /** The inverse of {@link #encrypt}, for tracking pushes and the tests' fake platform: the JSON without the key. */
    static String decrypt(String field, String signKey) {
        if (field == null || !field.startsWith(SM4_PREFIX)) {
            throw new IllegalArgumentException("Not an SM4 body");
        }
        String plain = new String(sm4(false, Base64.getDecoder().decode(field.substring(SM4_PREFIX.length())), signKey),
                StandardCharsets.UTF_8);
        if (!plain.endsWith(signKey)) {
            throw new IllegalArgumentException("The body does not end with the sign key");
        }
        return plain.substring(0, plain.length() - signKey.length());
    }

    private static byte[] sm4(boolean encrypt, byte[] input, String signKey) {
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding());
        cipher.init(encrypt, new KeyParameter(Base64.getDecoder().decode(signKey)));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("SM4 body does not decrypt", e);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
