package app.banhao.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.testing.PackagedApp;

/**
 * Two app instances on the same PostgreSQL and Redis, as behind a load balancer: the OTP and
 * password limits hold across them because they live in Redis, not in either node, and the per-IP
 * limit counts the client address the load balancer forwards (trusted proxies), not the balancer's own.
 */
class ThrottlesAcrossInstancesIT {

    @TempDir
    Path work;

    @Test
    void limitsHoldAcrossTwoInstances() throws Exception {
        try (EmbeddedServers shared = EmbeddedServers.start(new EmbeddedSettings(true, true, work.resolve("servers"), false, 0, 0))) {
            // Both nodes sit behind a load balancer on this host, which forwards each client's address.
            Map<String, String> props = new HashMap<>(PackagedApp.clusterNode(shared, work.resolve("keys")));
            props.putAll(Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
                    "banhao.otp.per-ip-per-hour", "3"));
            try (PackagedApp a = PackagedApp.start(props, Map.of(), work.resolve("a.log")).awaitReady(Duration.ofSeconds(120));
                    PackagedApp b = PackagedApp.start(props, Map.of(), work.resolve("b.log")).awaitReady(Duration.ofSeconds(120))) {
                String phone = "13700001234";
                assertEquals(202, a.post("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}").statusCode());
                HttpResponse<String> second = b.post("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}");
                assertEquals(429, second.statusCode(), second.body());

                // Wrong passwords alternate between the nodes; the sixth attempt is refused whichever node gets it.
                String login = "{\"phone\":\"13700005678\",\"password\":\"Not-The-Password-1\"}";
                for (int i = 0; i < 5; i++) {
                    assertEquals(401, (i % 2 == 0 ? a : b).post("/api/v1/auth/password-login", login).statusCode());
                }
                assertEquals(429, a.post("/api/v1/auth/password-login", login).statusCode());
                assertEquals(429, b.post("/api/v1/auth/password-login", login).statusCode());

                // The per-IP limit counts the client the balancer names, across both nodes: three codes for
                // three phones from one client pass, the fourth is refused, and another client is not held up.
                Map<String, String> client = Map.of("X-Forwarded-For", "198.51.100.23");
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> sent = (i % 2 == 0 ? a : b).post("/api/v1/auth/otp",
                            "{\"phone\":\"1370000900" + i + "\"}", client);
                    assertEquals(202, sent.statusCode(), sent.body());
                }
                assertEquals(429, b.post("/api/v1/auth/otp", "{\"phone\":\"13700009009\"}", client).statusCode());
                assertEquals(202, a.post("/api/v1/auth/otp", "{\"phone\":\"13700009008\"}",
                        Map.of("X-Forwarded-For", "198.51.100.24")).statusCode());
            }
        }
    }
}
