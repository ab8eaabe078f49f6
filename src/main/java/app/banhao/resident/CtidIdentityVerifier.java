package app.banhao.resident;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import app.banhao.platform.crypto.Digests;
import app.banhao.platform.http.Outbound;
import app.banhao.platform.privacy.Masks;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The public-security identity check ("name + ID number → match", 公安部/CTID style) over HTTPS. The
 * real interface is closed and differs per contract, so this is the shape a gateway in front of it is
 * asked to speak (README, "Mini-program and identity providers"):
 * <pre>
 * POST {endpoint}
 * Content-Type: application/json
 * X-Ctid-App-Id: {app-id}
 * X-Ctid-Timestamp: {Unix seconds}
 * X-Ctid-Nonce: {32 hex digits, fresh per request}
 * X-Ctid-Signature: {lower-case hex HMAC-SHA256, key = app-secret (UTF-8), over timestamp + "\n" + nonce + "\n" + body}
 *
 * {"name":"张三","idNumber":"430102199003071234"}
 * </pre>
 * answered 200 {@code {"result":"MATCH"}}, {@code {"result":"MISMATCH"}} or {@code {"result":"NO_RECORD"}}
 * (no such ID number: not a match). Anything else — another status, another result, no answer within the
 * timeout — is a failure, which real-name verification answers as {@code IDENTITY_PROVIDER_UNAVAILABLE}.
 * Name and ID number never reach the log except masked.
 */
final class CtidIdentityVerifier implements IdentityVerifier {

    static final String ENDPOINT = IdentityConfig.PREFIX + "endpoint";
    static final String APP_ID = IdentityConfig.PREFIX + "app-id";
    static final String APP_SECRET = IdentityConfig.PREFIX + "app-secret";

    record Settings(String endpoint, String appId, String appSecret, Duration timeout) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final WebClient http;
    private final Clock clock;

    CtidIdentityVerifier(Settings settings, WebClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Uni<Boolean> matches(String name, String idNumber) {
        String body = new JsonObject().put("name", name).put("idNumber", idNumber).encode();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        var request = http.postAbs(settings.endpoint()).putHeader("Content-Type", "application/json")
                .putHeader("X-Ctid-App-Id", settings.appId()).putHeader("X-Ctid-Timestamp", timestamp)
                .putHeader("X-Ctid-Nonce", nonce)
                .putHeader("X-Ctid-Signature", signature(settings.appSecret(), timestamp + "\n" + nonce + "\n" + body));
        return Outbound.json(request, settings.timeout(), r -> r.sendBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(body)),
                "Identity check").map(answer -> switch (String.valueOf(answer.getValue("result"))) {
                    case "MATCH" -> true;
                    case "MISMATCH", "NO_RECORD" -> false;
                    default -> throw new Outbound.Failure("Identity check: unknown result " + answer.getValue("result"), null);
                })
                .onFailure().invoke(e -> Log.warnf("Identity check for %s / %s failed: %s", Masks.name(name),
                        Masks.idNumber(idNumber), e.getMessage()));
    }

    /** Lower-case hex HMAC-SHA256 of {@code content} under {@code secret}; public for the fake server in tests. */
    static String signature(String secret, String content) {
        return Digests.hmacSha256Hex(secret, content);
    }
}
