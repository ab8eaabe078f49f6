package app.banhao.rating.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.banhao.platform.http.Outbound;
import app.banhao.platform.local.LocalMode;
import app.banhao.testing.FakeHttpServer;
import app.banhao.testing.FakeHttpServer.Answer;
import app.banhao.testing.TestWebClient;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;

/** The national 好差评 report adapter against a fake national system that checks the key and the provincial fields. */
class HttpNationalRatingReportTest {

    private static final WebClient http = TestWebClient.get();
    private FakeHttpServer national;

    private static final NationalRatingReport.Report REPORT = new NationalRatingReport.Report("6f1c2b8e-0000-4000-8000-000000000001",
            "RatingSubmitted", "APPLICATION", "43010020260512000001", "HN-SCJ-GTGSHSL", 3L, "个体工商户设立登记", "HN-SCJ",
            "APPROVED", "430100", "ONLINE", "2026-05-12T02:00:00Z", "DISSATISFIED", "不满意", true, 2);

    @BeforeEach
    void fakeNationalSystem() {
        national = new FakeHttpServer().on("/evaluation/report", r -> {
            if (!"key-1".equals(r.headers().getFirst("X-App-Key"))) {
                return Answer.status(401);
            }
            JsonObject body = new JsonObject(r.body());
            boolean complete = body.getString("projNo") != null && body.getString("serviceCode") != null
                    && body.getLong("serviceVersion") != null && body.getString("serviceDepartmentCode") != null
                    && body.getString("handleState") != null && body.getString("regionCode") != null
                    && body.getString("source") != null && body.getString("transactionTime") != null
                    && body.getString("level") != null;
            return Answer.json(complete ? "{\"code\":\"0\"}" : "{\"code\":\"E400\",\"msg\":\"字段缺失\"}");
        });
    }

    @AfterEach
    void stop() {
        national.close();
    }

    private NationalRatingReport adapter(String key, Duration timeout) {
        return new HttpNationalRatingReport(new HttpNationalRatingReport.Settings(national.url() + "/evaluation/report", key, timeout),
                http);
    }

    @Test
    void aReportWithTheProvincialFieldsIsTaken() {
        adapter("key-1", Duration.ofSeconds(5)).send(REPORT).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, national.requests("/evaluation/report").size());
        JsonObject sent = new JsonObject(national.requests("/evaluation/report").get(0).body());
        assertEquals("43010020260512000001", sent.getString("projNo"));
        assertEquals("不满意", sent.getString("levelName"));
        assertEquals(2, sent.getInteger("version"));
    }

    @Test
    void aRefusalAWrongKeyOrNoAnswerInTimeIsAFailureSoTheOutboxRetries() {
        NationalRatingReport.Report incomplete = new NationalRatingReport.Report("id", "RatingSubmitted", "APPLICATION",
                "43010020260512000001", "HN-SCJ-X", null, null, "HN-SCJ", "APPROVED", "430100", "ONLINE", "2026-05-12T02:00:00Z",
                "SATISFIED", "满意", true, 2);
        assertThrows(Outbound.Failure.class, () -> adapter("key-1", Duration.ofSeconds(5)).send(incomplete).await()
                .atMost(Duration.ofSeconds(10)));
        assertThrows(Outbound.Failure.class, () -> adapter("key-2", Duration.ofSeconds(5)).send(REPORT).await()
                .atMost(Duration.ofSeconds(10)));
        national.on("/evaluation/report", r -> Answer.json("{\"code\":\"0\"}").after(1500));
        assertThrows(Outbound.Failure.class, () -> adapter("key-1", Duration.ofMillis(300)).send(REPORT).await()
                .atMost(Duration.ofSeconds(10)));
    }

    @Test
    void outsideLocalModeAMissingSettingStopsTheStartWithItsName() {
        NationalReportConfig none = config(Optional.empty(), Optional.empty());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NationalRatingReports.select(new LocalMode(false), none, http));
        assertTrue(e.getMessage().contains("banhao.ratings.national-report.endpoint"), e.getMessage());
        assertTrue(NationalRatingReports.select(new LocalMode(true), none, http) instanceof LocalNationalRatingReport);
        assertTrue(NationalRatingReports.select(new LocalMode(false), config(Optional.of("https://x"), Optional.of("k")), http)
                instanceof HttpNationalRatingReport);
    }

    private static NationalReportConfig config(Optional<String> endpoint, Optional<String> key) {
        return new NationalReportConfig() {
            @Override
            public Optional<String> endpoint() {
                return endpoint;
            }

            @Override
            public Optional<String> appKey() {
                return key;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
    }
}
