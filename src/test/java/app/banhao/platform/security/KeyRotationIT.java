package app.banhao.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.testing.PackagedApp;

/** After a signing-key rotation, tokens of the old key still verify until they expire; new ones use the new key. */
class KeyRotationIT {

    @TempDir
    Path work;

    @Test
    void oldTokensSurviveARotation() throws Exception {
        Map<String, String> props = PackagedApp.localInstance(work, 0);
        String oldToken;
        try (PackagedApp app = PackagedApp.start(props, Map.of(), work.resolve("app.log")).awaitReady(Duration.ofSeconds(120))) {
            oldToken = login(app, "13600001111");
            app.stop();
        }
        String newKid = LocalKeys.rotate(work.resolve("keys"));
        try (PackagedApp app = PackagedApp.start(props, Map.of(), work.resolve("app.log")).awaitReady(Duration.ofSeconds(120))) {
            assertEquals(200, app.get("/api/v1/me", oldToken).statusCode(), "a token of the previous key still works");
            String newToken = login(app, "13600002222");
            assertEquals(newKid, kid(newToken));
            assertNotEquals(kid(oldToken), kid(newToken));
            String jwks = app.get("/api/v1/auth/jwks", null).body();
            assertTrue(jwks.contains(kid(oldToken)) && jwks.contains(newKid), jwks);
        }
    }

    private static String login(PackagedApp app, String phone) throws Exception {
        String sent = app.post("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}").body();
        String code = field(sent, "devCode");
        String tokens = app.post("/api/v1/auth/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}").body();
        return field(tokens, "accessToken");
    }

    private static String kid(String jwt) {
        return field(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8), "kid");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }
}
