package app.banhao.platform.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.Logins;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client that sends a write and hangs up at once (a closed app, a dropped mobile connection) must not cut the
 * unit of work off half-way: it commits or rolls back as a whole, without Hibernate Reactive's complaints about a
 * session used after it was torn down, and the app goes on serving.
 */
@QuarkusTest
class ClientDisconnectTest {

    private static final int HANG_UPS = 150;
    /** What Hibernate Reactive logs when the HTTP layer cancels a unit of work in the middle. */
    private static final List<String> TORN_UNIT_OF_WORK = List.of("non-threadsafe access to session",
            "Live transaction detected while closing the connection", "HR000069", "Session/EntityManager is closed");

    @TestHTTPResource("/")
    URI root;

    @Test
    void writesWhoseClientHangsUpFinishCleanly() throws Exception {
        String resident = Logins.newResidentToken();
        String item = ApplicationFixtures.department(false).item();
        List<String> complaints = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = record.getMessage() + " " + (record.getThrown() == null ? "" : record.getThrown());
                if (TORN_UNIT_OF_WORK.stream().anyMatch(text::contains)) {
                    synchronized (complaints) {
                        complaints.add(record.getLoggerName() + ": " + text);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            for (int i = 0; i < HANG_UPS; i++) {
                String body = i % 2 == 0 ? "{\"itemCode\":\"" + item + "\",\"formData\":" + ApplicationFixtures.FORM + "}"
                        : "{\"nickname\":\"挂断" + i + "\"}";
                hangUpAfter(i % 2 == 0 ? "POST" : "PATCH", i % 2 == 0 ? "/api/v1/applications" : "/api/v1/me", resident, body,
                        ThreadLocalRandom.current().nextInt(0, 30));
            }
            // The app goes on serving, and every cut-off unit of work has ended by the time these answer.
            for (int i = 0; i < 20; i++) {
                given().auth().oauth2(resident).get("/api/v1/me").then().statusCode(200);
                given().auth().oauth2(resident).get("/api/v1/applications").then().statusCode(200);
            }
            Thread.sleep(1_000);
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        synchronized (complaints) {
            assertEquals(List.of(), complaints.stream().distinct().limit(10).toList(),
                    complaints.size() + " log lines show a unit of work torn by a client hanging up");
        }
    }

    /** Sends the whole request, waits {@code millis}, and closes the socket without reading the answer. */
    private void hangUpAfter(String method, String path, String token, String json, int millis) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoLinger(true, 0); // a reset, as a dropped mobile connection looks to the server
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            if (millis > 0) {
                Thread.sleep(millis);
            }
        }
    }
}
