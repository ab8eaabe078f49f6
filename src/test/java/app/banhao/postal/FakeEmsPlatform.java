package app.banhao.postal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import app.banhao.testing.FakeHttpServer;
import app.banhao.testing.FakeHttpServer.Answer;
import app.banhao.testing.FakeHttpServer.Request;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * A fake China Post EMS open platform on 127.0.0.1 (real HTTP, the platform's form and SM4 body): it accepts orders
 * and issues waybill numbers, idempotent on {@code logisticsOrderNo} as the platform must be, cancels, answers
 * tracking queries and labels, and pushes tracking records back to the app's push endpoint. Knobs: a delay on every
 * answer, the next n calls refused, down (HTTP 503), the next n orders created but answered too late (the caller's
 * timeout), and pushes duplicated or out of order.
 */
public final class FakeEmsPlatform implements AutoCloseable {

    public static final String PATH = "/api/gateway";
    /** The sign key of the test profile ({@code %test.banhao.postal.ems.sign-key}). */
    public static final String SIGN_KEY = "MDEyMzQ1Njc4OWFiY2RlZg==";
    /** The course a parcel runs: opCode, time, description. */
    private static final String[][] COURSE = { { "203", "2026-11-25 09:00:00", "已收寄" },
        { "305", "2026-11-25 18:00:00", "离开长沙邮区中心局" }, { "702", "2026-11-26 08:00:00", "安排投递" },
        { "704", "2026-11-26 10:15:00", "已妥投，签收人：本人" } };

    private final FakeHttpServer server = new FakeHttpServer();
    private final Map<String, String> waybills = new ConcurrentHashMap<>();
    private final Map<String, List<JsonObject>> history = new ConcurrentHashMap<>();
    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private final AtomicLong nextWaybill = new AtomicLong(
            1150000000000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(0, 9_000_000_000L) / 1000 * 1000);
    private final AtomicInteger createCalls = new AtomicInteger();
    private final Map<String, AtomicInteger> callsByOrder = new ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger lateAnswers = new AtomicInteger();
    private final HttpClient pusher = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean down;
    private volatile long delayMillis;
    private volatile long lateMillis = 3_000;

    public FakeEmsPlatform() {
        server.on(PATH, this::answer);
    }

    /** The real adapter pointed here, waiting {@code timeout} for an answer. */
    public EmsCarrier carrier(WebClient client, Duration timeout) {
        return new EmsCarrier(new EmsCarrier.Settings(URI.create(server.url() + PATH), "1100000000001", "auth-code", "user-1",
                SIGN_KEY, "ecom-1", "1", "V1.0.0", timeout,
                new EmsCarrier.Sender("湖南省政务服务中心", "073100000000", "湖南省", "长沙市", "岳麓区", "寄递窗口"),
                EmsTraces.of(EmsConfig.DEFAULT_OP_CODES), EmsConfig.fieldsOf(EmsConfig.DEFAULT_PICKUP_FIELDS)), client);
    }

    public FakeEmsPlatform down(boolean down) {
        this.down = down;
        return this;
    }

    public FakeEmsPlatform delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** The next {@code n} calls answered with a refusal (retCode B00012). */
    public FakeEmsPlatform refuseNext(int n) {
        refusals.set(n);
        return this;
    }

    /** The next {@code n} orders are created but answered after {@code millis}: the caller has given up by then. */
    public FakeEmsPlatform answerLate(int n, long millis) {
        lateAnswers.set(n);
        lateMillis = millis;
        return this;
    }

    /** Parcels created: logisticsOrderNo → waybill, one entry per order however often it was sent. */
    public Map<String, String> parcels() {
        return Collections.unmodifiableMap(waybills);
    }

    /** Every call of the form endpoint, answered or not. */
    public int calls() {
        return server.requests(PATH).size();
    }

    public int createCalls() {
        return createCalls.get();
    }

    /** How often an order was sent (a retry names the same logisticsOrderNo: one parcel, several calls). */
    public int createCalls(String logisticsOrderNo) {
        AtomicInteger calls = callsByOrder.get(logisticsOrderNo);
        return calls == null ? 0 : calls.get();
    }

    /** The platform's form endpoint, for an app to be pointed at. */
    public String url() {
        return server.url() + PATH;
    }

    public List<String> cancelled() {
        return cancelled;
    }

    /** The platform's record for step {@code i} (0 picked up … 3 delivered) of {@code waybill}'s course. */
    public static JsonObject step(String waybill, int i) {
        return new JsonObject().put("waybillNo", waybill).put("opCode", COURSE[i][0]).put("opTime", COURSE[i][1])
                .put("opName", "处理").put("opDesc", COURSE[i][2]).put("opOrgProvName", "湖南省").put("opOrgCity", "长沙市")
                .put("opOrgCode", "41000100").put("opOrgName", "长沙邮区中心局").put("operatorNo", "0001").put("operatorName", "李四");
    }

    /** The platform learns of steps 0..{@code upTo} without pushing them (a lost push): a query will find them. */
    public void progress(String waybill, int upTo) {
        List<JsonObject> steps = new ArrayList<>();
        for (int i = 0; i <= upTo; i++) {
            steps.add(step(waybill, i));
        }
        history.put(waybill, steps);
    }

    /**
     * Pushes the whole course to {@code app}'s push endpoint, one push per record, each twice when {@code duplicates},
     * in the order given by {@code order} (indexes into the course); the HTTP statuses answered.
     */
    public List<Integer> pushCourse(String app, String waybill, boolean duplicates, int... order) throws Exception {
        progress(waybill, COURSE.length - 1);
        List<Integer> statuses = new ArrayList<>();
        for (int i : order) {
            for (int n = 0; n < (duplicates ? 2 : 1); n++) {
                statuses.add(push(app, List.of(step(waybill, i))));
            }
        }
        return statuses;
    }

    /** One push of {@code records}, as the platform sends it; the HTTP status. */
    public int push(String app, List<JsonObject> records) throws Exception {
        String body = EmsCarrier.formEncode(Map.of("logitcsInterface", EmsPushReceiver.encrypt(records, SIGN_KEY),
                "serialNo", "push-" + System.nanoTime()));
        return pusher.send(HttpRequest.newBuilder(URI.create(app + EmsTrackingPushTest.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Answer answer(Request request) {
        if (down) {
            return Answer.status(503);
        }
        Map<String, String> form = request.form();
        JsonObject body;
        try {
            body = new JsonObject(EmsCrypto.decrypt(form.get("logitcsInterface"), SIGN_KEY));
        } catch (RuntimeException notOurs) {
            return refusal("B00001", "报文解密失败");
        }
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return refusal("B00012", "系统繁忙");
        }
        Answer answer = switch (String.valueOf(form.get("apiCode"))) {
            case EmsCarrier.CREATE_ORDER -> create(body);
            case EmsCarrier.CANCEL_ORDER -> cancel(body);
            case EmsCarrier.TRACKING_QUERY -> success(new JsonObject().put("responseItems",
                    new JsonArray(new ArrayList<>(history.getOrDefault(body.getString("waybillNo"), List.of())))));
            case EmsCarrier.WAYBILL_PDF -> success(new JsonObject().put("pdfContent",
                    Base64.getEncoder().encodeToString(LocalCarrier.labelPdf(body.getString("waybillNo")))));
            default -> refusal("B00002", "未知接口");
        };
        return answer.after(Math.max(answer.delayMillis(), delayMillis));
    }

    private Answer create(JsonObject order) {
        createCalls.incrementAndGet();
        callsByOrder.computeIfAbsent(order.getString("logisticsOrderNo"), k -> new AtomicInteger()).incrementAndGet();
        String waybill = waybills.computeIfAbsent(order.getString("logisticsOrderNo"),
                k -> String.valueOf(nextWaybill.incrementAndGet()));
        Answer answer = success(new JsonObject().put("waybillNo", waybill));
        return lateAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? answer.after(lateMillis) : answer;
    }

    private Answer cancel(JsonObject body) {
        if (history.containsKey(body.getString("waybillNo"))) {
            return refusal("B00077", "邮件已收寄，不能取消");
        }
        cancelled.add(body.getString("logisticsOrderNo"));
        return success(new JsonObject());
    }

    private static Answer success(JsonObject retBody) {
        return Answer.json(new JsonObject().put("retCode", EmsCarrier.SUCCESS).put("retMsg", "成功")
                .put("serialNo", "s" + System.nanoTime()).put("retBody", retBody.encode()).encode());
    }

    private static Answer refusal(String code, String message) {
        return Answer.json(new JsonObject().put("retCode", code).put("retMsg", message).encode());
    }

    @Override
    public void close() {
        server.close();
    }
}
