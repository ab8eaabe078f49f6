package app.banhao.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.banhao.platform.http.Outbound;
import app.banhao.testing.FakeHttpServer;
import app.banhao.testing.TestWebClient;
import app.banhao.testing.FakeHttpServer.Answer;
import app.banhao.testing.TestIdNumbers;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.WebClient;

/** The identity-check adapter against a fake CTID-style service that checks the request's HMAC signature. */
class CtidIdentityVerifierTest {

    private static final WebClient http = TestWebClient.get();
    private FakeHttpServer ctid;
    private final String id = TestIdNumbers.unique();

    @BeforeEach
    void fakeCtid() {
        ctid = new FakeHttpServer().on("/v1/verify", r -> {
            String timestamp = r.headers().getFirst("X-Ctid-Timestamp");
            String nonce = r.headers().getFirst("X-Ctid-Nonce");
            String expected = CtidIdentityVerifier.signature("ctid-secret", timestamp + "\n" + nonce + "\n" + r.body());
            boolean fresh = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
            if (!"ctid-app".equals(r.headers().getFirst("X-Ctid-App-Id")) || !expected.equals(r.headers().getFirst("X-Ctid-Signature"))
                    || !fresh || nonce.length() != 32 || !r.headers().getFirst("Content-Type").startsWith("application/json")) {
                return Answer.status(401);
            }
            JsonObject body = new JsonObject(r.body());
            boolean match = "张三".equals(body.getString("name")) && id.equals(body.getString("idNumber"));
            return Answer.json("{\"result\":\"" + (match ? "MATCH" : "MISMATCH") + "\"}");
        });
    }

    @AfterEach
    void stop() {
        ctid.close();
    }

    private CtidIdentityVerifier verifier(String secret, Duration timeout) {
        return new CtidIdentityVerifier(new CtidIdentityVerifier.Settings(ctid.url() + "/v1/verify", "ctid-app", secret, timeout),
                http, Clock.systemUTC());
    }

    private boolean check(String name, String idNumber) {
        return verifier("ctid-secret", Duration.ofSeconds(5)).matches(name, idNumber).await().atMost(Duration.ofSeconds(10));
    }

    private void assertFails(CtidIdentityVerifier verifier) {
        assertThrows(Outbound.Failure.class, () -> verifier.matches("张三", id).await().atMost(Duration.ofSeconds(10)));
    }

    @Test
    void theServiceSaysWhetherNameAndIdNumberBelongTogether() {
        assertTrue(check("张三", id));
        assertFalse(check("李四", id));
        assertFalse(check("张三", TestIdNumbers.unique()));
        // The stand-in's spelled-out "mismatch" means nothing here: the service decides.
        assertFalse(check("张三不符", id));
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefusedAndThatIsAFailureNotANo() {
        assertFails(verifier("wrong-secret", Duration.ofSeconds(5)));
    }

    @Test
    void anHttp5xxOrAnUnknownResultIsAFailure() {
        ctid.on("/v1/verify", r -> Answer.status(500));
        assertFails(verifier("ctid-secret", Duration.ofSeconds(5)));
        ctid.on("/v1/verify", r -> Answer.json("{\"result\":\"MAYBE\"}"));
        assertFails(verifier("ctid-secret", Duration.ofSeconds(5)));
        ctid.on("/v1/verify", r -> Answer.json("not json"));
        assertFails(verifier("ctid-secret", Duration.ofSeconds(5)));
    }

    @Test
    void noAnswerWithinTheTimeoutIsAFailure() {
        ctid.on("/v1/verify", r -> Answer.json("{\"result\":\"MATCH\"}").after(3_000));
        long start = System.nanoTime();
        assertFails(verifier("ctid-secret", Duration.ofMillis(300)));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000);
    }

    @Test
    void aFailureNamesNeitherTheNameNorTheIdNumber() {
        ctid.on("/v1/verify", r -> Answer.status(502));
        Outbound.Failure failure = assertThrows(Outbound.Failure.class,
                () -> verifier("ctid-secret", Duration.ofSeconds(5)).matches("张三", id).await().atMost(Duration.ofSeconds(10)));
        assertFalse(failure.getMessage().contains(id), failure.getMessage());
        assertFalse(failure.getMessage().contains("张三"), failure.getMessage());
        assertEquals("Identity check: HTTP 502", failure.getMessage());
    }
}
