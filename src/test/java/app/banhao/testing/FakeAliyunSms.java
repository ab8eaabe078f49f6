package app.banhao.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Aliyun SMS's {@code SendSms} on 127.0.0.1, for tests: checks each request's ACS3-HMAC-SHA256 signature
 * as the platform does (recomputed here from the documented algorithm, not by the adapter's code) and
 * answers as told: {@code "Code":"OK"}, a refusal, an HTTP 5xx or no answer in time.
 */
public final class FakeAliyunSms implements AutoCloseable {

    public static final String ACCESS_KEY_ID = "LTAI-test-key-id";
    public static final String ACCESS_KEY_SECRET = "test-secret-不告诉你";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})");

    /** How the fake answers. */
    public enum Answer { OK, REFUSE, SERVER_ERROR, SLOW }

    /** One request as received: its form fields, whether its signature held, and its signed header names. */
    public record Received(Map<String, String> form, boolean signatureValid, List<String> signedHeaders,
            Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer = Answer.OK;

    private FakeAliyunSms(HttpServer server) {
        this.server = server;
    }

    public static FakeAliyunSms start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FakeAliyunSms fake = new FakeAliyunSms(server);
        server.createContext("/", fake::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return fake;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The settings an app needs to send through this fake. */
    public Map<String, String> config() {
        return Map.of("banhao.sms.aliyun.endpoint", endpoint().toString(),
                "banhao.sms.aliyun.access-key-id", ACCESS_KEY_ID,
                "banhao.sms.aliyun.access-key-secret", ACCESS_KEY_SECRET,
                "banhao.sms.aliyun.sign-name", "湘易办",
                "banhao.sms.aliyun.template-code", "SMS_000000001",
                "banhao.sms.aliyun.timeout", "PT1S");
    }

    public void answer(Answer next) {
        answer = next;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Matcher auth = AUTHORIZATION.matcher(headers.getOrDefault("authorization", ""));
        boolean valid = false;
        List<String> signedNames = List.of();
        if (auth.matches()) {
            signedNames = List.of(auth.group(2).split(";"));
            valid = ACCESS_KEY_ID.equals(auth.group(1)) && signedNames.contains("host")
                    && signedNames.contains("x-acs-content-sha256")
                    && sha256(body).equals(headers.get("x-acs-content-sha256"))
                    && auth.group(3).equals(signature(exchange.getRequestMethod(), exchange.getRequestURI(), headers,
                            signedNames, body));
        }
        received.add(new Received(form(body), valid, signedNames, headers));
        if (!valid) {
            reply(exchange, 400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched.\"}");
            return;
        }
        switch (answer) {
            case OK -> reply(exchange, 200,
                    "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"9006197469364984^0\",\"RequestId\":\"F655A8D5-B967\"}");
            case REFUSE -> reply(exchange, 200,
                    "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发分钟级流控\",\"RequestId\":\"F655A8D5-B968\"}");
            case SERVER_ERROR -> reply(exchange, 503, "{\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}");
            case SLOW -> {
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, 200, "{\"Code\":\"OK\",\"Message\":\"OK\"}");
            }
        }
    }

    /** Signature V3 as Alibaba Cloud documents it. */
    private static String signature(String method, URI uri, Map<String, String> headers, List<String> signedNames, String body) {
        StringBuilder canonical = new StringBuilder()
                .append(method).append('\n')
                .append(uri.getRawPath()).append('\n')
                .append(uri.getRawQuery() == null ? "" : uri.getRawQuery()).append('\n');
        signedNames.stream().sorted().forEach(name -> canonical.append(name).append(':')
                .append(headers.getOrDefault(name, "").trim()).append('\n'));
        canonical.append('\n').append(String.join(";", signedNames)).append('\n').append(sha256(body));
        String stringToSign = "ACS3-HMAC-SHA256\n" + sha256(canonical.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ACCESS_KEY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // The adapter gave up waiting (the SLOW answer): nobody reads this any more.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
