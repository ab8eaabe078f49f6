package app.banhao.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.testing.PackagedApp;

/**
 * Two app instances on the same PostgreSQL and Redis, as behind a load balancer: the OTP and
 * password limits hold across them because they live in Redis, not in either node.
 */
class ThrottlesAcrossInstancesIT {

    @TempDir
    Path work;

    @Test
    void limitsHoldAcrossTwoInstances() throws Exception {
        try (EmbeddedServers shared = EmbeddedServers.start(new EmbeddedSettings(true, true, work.resolve("servers"), false, 0, 0))) {
            Map<String, String> props = PackagedApp.clusterNode(shared, work.resolve("keys"));
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
            }
        }
    }
}
