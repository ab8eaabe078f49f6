package app.banhao.proof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.LogCapture;
import app.banhao.testing.Logins;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Clients that hang up mid-request (issue 10, point 24): a phone losing its signal, a browser tab closed while a
 * draft is being saved. The write either commits whole or leaves nothing, nothing in the log speaks of a session
 * used from two threads or a transaction left open, and the connection pool is whole afterwards.
 *
 * <p>Raw sockets send complete write requests and close (at once, or a few milliseconds later, sometimes with a
 * reset) while the server is inside the transaction: what Quarkus REST sees as the response being closed.
 */
@QuarkusTest
class ClientHangUpTest {

    private static final int HANG_UPS = 200;
    private static final int RESIDENTS = 14;
    /** What the log must never say: Hibernate Reactive's and the pool's words for a unit of work cut off mid-way. */
    private static final List<String> NOISE = List.of("non-threadsafe", "Live transaction", "HR000", "different Thread",
            "Session is closed", "session is closed", "Transaction already", "transaction is not active");
    /** Loggers whose warnings and errors mean the same, whatever their words. */
    private static final List<String> LAYERS = List.of("org.hibernate", "io.vertx", "io.quarkus.vertx", "io.quarkus.hibernate",
            "io.quarkus.reactive", "io.quarkus.resteasy.reactive", "org.jboss.resteasy.reactive", "io.netty");

    @TestHTTPResource("/")
    URI root;

    private LogCapture capture;

    @BeforeEach
    void listen() {
        capture = LogCapture.start();
    }

    @AfterEach
    void stopListening() {
        capture.close();
    }

    @Test
    void hangUpsMidWriteLeaveWholeDraftsOrNoneAndNoNoise() throws Exception {
        var dept = ApplicationFixtures.department("HANGUP", false);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            tokens.add(Logins.newResidentToken());
        }
        // The same request, read to its end, is a draft: what the hang-ups send is a valid write.
        String body = "{\"itemCode\":\"HANGUP-ITEM\",\"formData\":" + ApplicationFixtures.FORM + "}";
        var answered = app.banhao.testing.RawHttp.send(root, createDraft(tokens.get(0), true) + "Host: " + root.getHost() + ":"
                + root.getPort() + "\r\nConnection: close\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length,
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, answered.status(), answered.toString());
        capture.clear();

        hangUpAll(HANG_UPS, i -> new String[] { createDraft(tokens.get(i % RESIDENTS), i % 2 == 0), body });
        assertQuiet();

        int drafts = 0;
        for (String token : tokens) {
            for (String no : draftsOf(token)) {
                drafts++;
                JsonPath events = given().auth().oauth2(token).get("/api/v1/applications/" + no + "/timeline")
                        .then().statusCode(200).extract().jsonPath();
                assertTrue(events.getList("items.type").contains("CREATED"), "draft " + no + " without its creation event: " + events.prettify());
                given().auth().oauth2(token).get("/api/v1/applications/" + no)
                        .then().statusCode(200).body("formData.applicantName", org.hamcrest.Matchers.equalTo("张三"));
            }
        }
        assertTrue(drafts <= HANG_UPS + 1, "more drafts than requests: " + drafts);
        System.out.println("hang-ups: " + (drafts - 1) + " of " + HANG_UPS + " drafts committed");

        // The pool is whole: every connection a hang-up held came back, so a run of writes and reads is served.
        String fresh = Logins.newResidentToken();
        for (int i = 0; i < 30; i++) {
            if (i % 2 == 0) {
                ApplicationFixtures.draft(fresh, dept.item());
            } else {
                given().auth().oauth2(fresh).get("/api/v1/applications").then().statusCode(200);
            }
        }
        assertEquals(15, draftsOf(fresh).size());
    }

    @Test
    void hangUpsMidSubmissionLeaveWholeCasesAndNoNoise() throws Exception {
        var dept = ApplicationFixtures.department("HANGUP-SUB", false);
        List<String[]> drafts = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            String token = Logins.newResidentToken();
            for (int i = 0; i < 10; i++) {
                String no = ApplicationFixtures.draft(token, dept.item()).getString("applicationNo");
                ApplicationFixtures.upload(token, no, "申请书", ApplicationFixtures.PDF, "form.pdf");
                ApplicationFixtures.upload(token, no, "身份证", ApplicationFixtures.PNG, "id.png");
                drafts.add(new String[] { token, no });
            }
        }
        capture.clear();
        hangUpAll(drafts.size(), i -> new String[] { "POST /api/v1/applications/" + drafts.get(i)[1] + "/submit HTTP/1.1\r\n"
                + "Authorization: Bearer " + drafts.get(i)[0] + "\r\nContent-Type: application/json\r\n", "{}" });
        assertQuiet();

        int submitted = 0;
        for (String[] d : drafts) {
            String state = given().auth().oauth2(d[0]).get("/api/v1/applications/" + d[1]).then().statusCode(200)
                    .extract().path("state");
            List<String> types = given().auth().oauth2(d[0]).get("/api/v1/applications/" + d[1] + "/timeline")
                    .then().statusCode(200).extract().jsonPath().getList("items.type");
            boolean moved = !"DRAFT".equals(state);
            submitted += moved ? 1 : 0;
            assertEquals(moved, types.contains("SUBMITTED"), d[1] + " is " + state + " with timeline " + types);
        }
        System.out.println("hang-ups: " + submitted + " of " + drafts.size() + " submissions committed");
    }

    /** The kind: every operation answering a {@code Uni} runs to its end when its client goes, present and future ones. */
    @Test
    void noOperationIsCancelledByItsClientHangingUp() throws Exception {
        List<String> cancellable = new ArrayList<>();
        java.nio.file.Path dir = java.nio.file.Path.of(app.banhao.api.ApplicationsApi.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve("app/banhao/api");
        int operations = 0;
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith("Api.class")).toList()) {
                Class<?> api = Class.forName("app.banhao.api." + f.getFileName().toString().replace(".class", ""));
                for (var m : api.getDeclaredMethods()) {
                    if (m.getReturnType() != io.smallrye.mutiny.Uni.class) {
                        continue;
                    }
                    operations++;
                    var mark = m.getAnnotation(org.jboss.resteasy.reactive.server.Cancellable.class);
                    if (mark == null || mark.value()) {
                        cancellable.add(api.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertTrue(operations > 50, "found only " + operations + " operations");
        assertTrue(cancellable.isEmpty(), "cancelled when the client hangs up: " + cancellable);
    }

    /**
     * Sends {@code count} requests (head without length, body) from 16 threads, each closed 0–30 ms after it was
     * sent, every third with a reset; then gives the work they started time to finish or roll back.
     */
    private void hangUpAll(int count, java.util.function.IntFunction<String[]> request) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String[] headAndBody = request.apply(i);
                int delayMillis = i % 31;
                boolean reset = i % 3 == 0;
                sent.add(senders.submit(() -> {
                    hangUp(headAndBody[0], headAndBody[1], delayMillis, reset);
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        Thread.sleep(3_000);
    }

    private void assertQuiet() {
        List<String> noise = capture.lines(ClientHangUpTest::isNoise);
        assertTrue(noise.isEmpty(), noise.size() + " log records of a cut-off unit of work, e.g.:\n"
                + String.join("\n", noise.subList(0, Math.min(5, noise.size()))));
    }

    private static String createDraft(String token, boolean idempotent) {
        return "POST /api/v1/applications HTTP/1.1\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + (idempotent ? "Idempotency-Key: " + UUID.randomUUID() + "\r\n" : "")
                + "Content-Type: application/json\r\n";
    }

    /** Sends the whole request, waits {@code delayMillis}, then closes (with a reset when asked) without reading. */
    private void hangUp(String headWithoutLength, String body, int delayMillis, boolean reset) throws Exception {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = (headWithoutLength + "Host: " + root.getHost() + ":" + root.getPort() + "\r\n"
                + "Content-Length: " + bodyBytes.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(bodyBytes);
            out.flush();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }

    private static Set<String> draftsOf(String token) {
        return Set.copyOf(given().auth().oauth2(token).queryParam("limit", 100).get("/api/v1/applications")
                .then().statusCode(200).extract().jsonPath().getList("items.applicationNo", String.class));
    }

    private static boolean isNoise(LogRecord r) {
        String text = LogCapture.describe(r);
        if (NOISE.stream().anyMatch(text::contains)) {
            return true;
        }
        String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
        return r.getLevel().intValue() >= Level.WARNING.intValue() && LAYERS.stream().anyMatch(logger::startsWith);
    }
}
