package app.banhao.rating.report;

import java.time.Duration;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

import app.banhao.platform.http.Outbound;

/**
 * The national report over HTTPS: {@code POST {endpoint}} with the report as JSON and {@code X-App-Key}, answered 2xx
 * with {@code {"code":"0"}} when taken. Anything else (another code, another status, no answer in time) fails the
 * delivery, which the outbox retries with backoff. {@code reportId} lets the receiver drop a repeat.
 */
final class HttpNationalRatingReport implements NationalRatingReport {

    record Settings(String endpoint, String appKey, Duration timeout) {
    }

    private final Settings settings;
    private final WebClient http;

    HttpNationalRatingReport(Settings settings, WebClient http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public Uni<Void> send(Report report) {
        String body = JsonObject.mapFrom(report).encode();
        var request = http.postAbs(settings.endpoint()).putHeader("Content-Type", "application/json")
                .putHeader("X-App-Key", settings.appKey());
        return Outbound.json(request, settings.timeout(), r -> r.sendBuffer(Buffer.buffer(body)), "National rating report")
                .invoke(answer -> {
                    if (!"0".equals(String.valueOf(answer.getValue("code")))) {
                        throw new Outbound.Failure("National rating report: refused with code " + answer.getValue("code"), null);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("National rating report %s of %s failed: %s", report.reportId(), report.projNo(),
                        e.getMessage()))
                .replaceWithVoid();
    }
}
