package app.banhao.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import app.banhao.platform.crypto.Digests;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.privacy.Masks;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Login codes by Aliyun SMS ({@code SendSms}, API version 2017-05-25), an RPC-style call signed with
 * Alibaba Cloud's signature V3 ({@code ACS3-HMAC-SHA256}): the parameters travel as a form body (so the
 * phone number stays out of URLs and access logs), the body's SHA-256 and the {@code x-acs-*} headers are
 * signed with the AccessKey secret. Success is HTTP 200 with {@code "Code":"OK"}; anything else, no answer
 * within the timeout included, is a failed send, which the caller sees as 503 {@code SMS_UNAVAILABLE}.
 * The code itself is never logged.
 */
public final class AliyunSmsGateway implements SmsGateway {

    static final String ACTION = "SendSms";
    static final String VERSION = "2017-05-25";
    static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final SecureRandom NONCES = new SecureRandom();

    /** Complete, validated settings ({@link AliyunSmsConfig#settings()}). */
    public record Settings(URI endpoint, String accessKeyId, String accessKeySecret, String signName,
            String templateCode, Duration timeout) {
    }

    private final Settings settings;
    private final WebClient client;
    private final String host;

    /** @param client the shared outbound client ({@code platform/http/OutboundHttp}); the timeout is per call */
    AliyunSmsGateway(Settings settings, WebClient client) {
        this.settings = settings;
        this.client = client;
        URI endpoint = settings.endpoint();
        this.host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }

    @Override
    public Uni<Void> sendLoginCode(String phone, String code) {
        SortedMap<String, String> form = new TreeMap<>(Map.of(
                "PhoneNumbers", phone,
                "SignName", settings.signName(),
                "TemplateCode", settings.templateCode(),
                "TemplateParam", new JsonObject().put("code", code).encode()));
        String body = formEncode(form);
        Map<String, String> headers = signedHeaders(body, Instant.now(), nonce());
        var request = client.postAbs(settings.endpoint().resolve("/").toString())
                .timeout(settings.timeout().toMillis());
        headers.forEach(request::putHeader);
        request.putHeader("Authorization", authorization(settings.accessKeyId(), settings.accessKeySecret(), "POST", "/", "",
                headers, body));
        return request.sendBuffer(Buffer.buffer(body))
                .ifNoItem().after(settings.timeout()).fail()
                .onFailure().transform(e -> {
                    Log.warnf("Aliyun SMS did not answer for %s: %s", Masks.phone(phone), e.toString());
                    return unavailable();
                })
                .map(response -> accepted(response, phone));
    }

    private Void accepted(HttpResponse<Buffer> response, String phone) {
        String answer = response.bodyAsString();
        JsonObject json = parse(answer);
        if (response.statusCode() == 200 && json != null && "OK".equals(json.getString("Code"))) {
            return null;
        }
        // Code and Message name the reason (quota, signature, template); the answer never holds the login code.
        Log.warnf("Aliyun SMS refused the code for %s: HTTP %d, Code %s, Message %s, RequestId %s", Masks.phone(phone),
                response.statusCode(), json == null ? "-" : json.getString("Code"),
                json == null ? "-" : json.getString("Message"), json == null ? "-" : json.getString("RequestId"));
        throw unavailable();
    }

    private static JsonObject parse(String answer) {
        try {
            return answer == null ? null : new JsonObject(answer);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static ApiException unavailable() {
        return ApiException.retryAfter(AuthErrors.SMS_UNAVAILABLE, 30);
    }

    /** The headers signature V3 signs for this request: host, content type and every {@code x-acs-*}. */
    private Map<String, String> signedHeaders(String body, Instant now, String nonce) {
        SortedMap<String, String> headers = new TreeMap<>();
        headers.put("host", host);
        headers.put("content-type", "application/x-www-form-urlencoded");
        headers.put("x-acs-action", ACTION);
        headers.put("x-acs-version", VERSION);
        headers.put("x-acs-date", now.truncatedTo(ChronoUnit.SECONDS).toString());
        headers.put("x-acs-signature-nonce", nonce);
        headers.put("x-acs-content-sha256", sha256Hex(body));
        return headers;
    }

    /**
     * {@code ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…} over the canonical request
     * (method, path, query, {@code name:value} lines of the signed headers sorted by name, their names, the
     * payload's SHA-256). Package-visible so the tests' fake platform checks it the way the platform does.
     */
    static String authorization(String accessKeyId, String secret, String method, String path, String query,
            Map<String, String> headers, String body) {
        SortedMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("host") || lower.equals("content-type") || lower.startsWith("x-acs-")) {
                signed.put(lower, value.strip());
            }
        });
        String names = String.join(";", signed.keySet());
        String canonical = method + "\n" + path + "\n" + query + "\n"
                + signed.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n").collect(Collectors.joining())
                + "\n" + names + "\n" + sha256Hex(body);
        String stringToSign = ALGORITHM + "\n" + sha256Hex(canonical);
        return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + names + ",Signature="
                + hmacSha256Hex(secret, stringToSign);
    }

    /** {@code name=value&…} sorted by name, each percent-encoded as RFC 3986 says (space %20, {@code ~} kept). */
    static String formEncode(SortedMap<String, String> form) {
        return form.entrySet().stream().map(e -> percent(e.getKey()) + "=" + percent(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String percent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        NONCES.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String sha256Hex(String value) {
        return Digests.sha256Hex(value);
    }

    private static String hmacSha256Hex(String secret, String value) {
        return Digests.hmacSha256Hex(secret, value);
    }

    @Override
    public boolean revealsCode() {
        return false;
    }
}
