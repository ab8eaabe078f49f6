package app.banhao.postal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
 * China Post EMS open platform (中小电商企业接口规范 V2.7 shape): one form endpoint, the operation named by
 * {@code apiCode}: 020003 create order, 020006 cancel, 040001 tracking query, 010004 waybill PDF. The business body
 * {@code logitcsInterface} (spelled so) is SM4-encrypted ({@link EmsCrypto}); {@code retCode 00000} is success and
 * {@code retBody} carries the answer. The order number is our delivery id ({@code logisticsOrderNo}), so EMS sees one
 * order however often it is sent. What could not be checked against the full document is named in README.
 */
final class EmsCarrier implements Carrier {

    static final String NAME = "EMS";
    static final String CREATE_ORDER = "020003";
    static final String CANCEL_ORDER = "020006";
    static final String TRACKING_QUERY = "040001";
    static final String WAYBILL_PDF = "010004";
    static final String SUCCESS = "00000";
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The sender printed on the waybill: the department's dispatch office. */
    record Sender(String name, String mobile, String prov, String city, String county, String address) {
    }

    record Settings(URI endpoint, String senderNo, String authorization, String userCode, String signKey,
            String ecommerceUserId, String bizProductNo, String version, Duration timeout, Sender sender, EmsTraces traces,
            Map<String, String> pickupFields) {
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
        return call(CREATE_ORDER, orderJson(order), order.logisticsOrderNo()).map(retBody -> {
            String waybill = retBody == null ? null : retBody.getString("waybillNo");
            if (waybill == null || waybill.isBlank()) {
                Log.warnf("EMS answered order %s without a waybill number", order.logisticsOrderNo());
                throw unavailable();
            }
            return waybill;
        });
    }

    @Override
    public Uni<Void> cancelOrder(String logisticsOrderNo, String waybillNo, String reason) {
        JsonObject body = new JsonObject().put("logisticsOrderNo", logisticsOrderNo).put("waybillNo", waybillNo)
                .put("cancelReason", reason);
        return call(CANCEL_ORDER, body, logisticsOrderNo).replaceWithVoid();
    }

    @Override
    public Uni<List<Trace>> track(String waybillNo) {
        return call(TRACKING_QUERY, new JsonObject().put("waybillNo", waybillNo), waybillNo)
                .map(retBody -> settings.traces().of(retBody == null ? new JsonArray() : tracesIn(retBody)));
    }

    @Override
    public Uni<byte[]> label(String waybillNo) {
        return call(WAYBILL_PDF, new JsonObject().put("waybillNo", waybillNo).put("type", "129"), waybillNo).map(retBody -> {
            byte[] pdf = pdfIn(retBody);
            if (pdf == null) {
                Log.warnf("EMS answered the label of %s without a PDF", waybillNo);
                throw unavailable();
            }
            return pdf;
        });
    }

    /**
     * One call of the form endpoint: its {@code retBody} as an object (it comes as an object, or as that object in a
     * JSON string; a bare array is wrapped as {@code {"items": [...]}}), or CARRIER_UNAVAILABLE (logged) when the
     * platform refuses, errs or does not answer in time.
     */
    private Uni<JsonObject> call(String apiCode, JsonObject json, String subject) {
        String body = formEncode(form(apiCode, json.encode()));
        return client.postAbs(settings.endpoint().toString())
                .timeout(settings.timeout().toMillis())
                .putHeader("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .sendBuffer(Buffer.buffer(body))
                .ifNoItem().after(settings.timeout()).fail()
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                    Log.warnf("EMS did not answer %s for %s: %s", apiCode, subject, e.toString());
                    return unavailable();
                })
                .map(response -> retBody(response, apiCode, subject));
    }

    private static JsonObject retBody(HttpResponse<Buffer> response, String apiCode, String subject) {
        JsonObject answer = EmsTraces.object(response.bodyAsString());
        if (response.statusCode() == 200 && answer != null && SUCCESS.equals(answer.getString("retCode"))) {
            Object retBody = answer.getValue("retBody");
            if (retBody instanceof JsonArray items) {
                return new JsonObject().put("items", items);
            }
            return retBody instanceof JsonObject o ? o : retBody instanceof String s ? EmsTraces.objectOrItems(s) : null;
        }
        Log.warnf("EMS refused %s for %s: HTTP %d, retCode %s, retMsg %s, serialNo %s", apiCode, subject,
                response.statusCode(), answer == null ? "-" : answer.getString("retCode"),
                answer == null ? "-" : answer.getString("retMsg"), answer == null ? "-" : answer.getString("serialNo"));
        throw unavailable();
    }

    /** The traces of a query's answer: the first array in it (its name was not confirmed: responseItems, traces...). */
    private static JsonArray tracesIn(JsonObject retBody) {
        for (String key : retBody.fieldNames()) {
            if (retBody.getValue(key) instanceof JsonArray array) {
                return array;
            }
        }
        return new JsonArray();
    }

    /** The label: the first string of the answer that is a base64 PDF (the field's name was not confirmed). */
    private static byte[] pdfIn(JsonObject retBody) {
        if (retBody == null) {
            return null;
        }
        for (String key : retBody.fieldNames()) {
            if (retBody.getValue(key) instanceof String s && s.startsWith("JVBER")) {
                try {
                    return Base64.getDecoder().decode(s);
                } catch (IllegalArgumentException notBase64) {
                    return null;
                }
            }
        }
        return null;
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
        form.put("logitcsInterface", EmsCrypto.encrypt(json, settings.signKey()));
        return form;
    }

    JsonObject orderJson(ParcelOrder order) {
        Sender s = settings.sender();
        RegionNames.Region region = RegionNames.of(order.regionCode());
        JsonObject office = new JsonObject().put("name", s.name()).put("mobile", s.mobile()).put("prov", s.prov())
                .put("city", s.city()).put("county", s.county()).put("address", s.address());
        JsonObject resident = new JsonObject().put("name", order.recipient()).put("mobile", order.mobile())
                .put("prov", region.prov()).put("city", region.city()).put("county", region.county()).put("address", order.detail());
        JsonObject json = new JsonObject()
                .put("ecommerceUserId", settings.ecommerceUserId())
                .put("logisticsOrderNo", order.logisticsOrderNo())
                .put("createdTime", LocalDateTime.now(BusinessClock.ZONE).format(TIMESTAMP))
                .put("contentsAttribute", "1")
                .put("bizProductNo", settings.bizProductNo())
                .put("paymentMode", "1")
                .put("remarks", "办件 " + order.applicationNo())
                .put("sender", order.pickup() ? resident : office)
                .put("receiver", order.pickup() ? office : resident)
                .put("cargos", new JsonArray().add(new JsonObject().put("cargoName", order.contents()).put("cargoWeight", "0.1")));
        if (order.pickup()) {
            // Which fields book the courier's call was not confirmed: they come from banhao.postal.ems.pickup-fields, and
            // the window is also in the remarks the courier reads.
            String start = order.pickupWindow().start().atZoneSameInstant(BusinessClock.ZONE).format(TIMESTAMP);
            String end = order.pickupWindow().end().atZoneSameInstant(BusinessClock.ZONE).format(TIMESTAMP);
            settings.pickupFields().forEach((field, value) -> json.put(field, value.replace("{start}", start).replace("{end}", end)));
            json.put("remarks", "办件 " + order.applicationNo() + " 上门取件 " + start + " 至 " + end);
        }
        return json;
    }

    private static ApiException unavailable() {
        return ApiException.retryAfter(PostalErrors.CARRIER_UNAVAILABLE, 60);
    }

    static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
