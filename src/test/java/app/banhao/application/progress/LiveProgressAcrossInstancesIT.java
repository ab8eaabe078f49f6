package app.banhao.application.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.application.SseClient;
import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.PackagedApp;
import io.restassured.path.json.JsonPath;

/**
 * Two app instances on the same PostgreSQL and Redis, as behind a load balancer: a resident's live-progress
 * stream open on B shows the acceptance a reviewer made on A, within a few seconds (Redis pub/sub fan-out).
 */
class LiveProgressAcrossInstancesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void anApprovalOnOneInstanceReachesAStreamOnTheOther() throws Exception {
        try (EmbeddedServers shared = EmbeddedServers.start(new EmbeddedSettings(true, true, work.resolve("servers"), false, 0, 0))) {
            Map<String, String> props = PackagedApp.clusterNode(shared, work.resolve("keys"));
            try (PackagedApp a = PackagedApp.start(props, Map.of(), work.resolve("a.log")).awaitReady(Duration.ofSeconds(120));
                    PackagedApp b = PackagedApp.start(props, Map.of(), work.resolve("b.log")).awaitReady(Duration.ofSeconds(120))) {
                String dept = "T-LIVE";
                String item = dept + "-ITEM";
                String admin = staffToken(dept, TokenClaims.ADMIN);
                String reviewer = staffToken(dept, TokenClaims.REVIEWER);
                call(a, "PUT", "/api/v1/admin/catalog/departments/" + dept, admin, "{\"name\":\"测试局\"}", 201);
                call(a, "PUT", "/api/v1/admin/catalog/items/" + item, admin, """
                        {"name":"跨节点测试事项","departmentCode":"T-LIVE","kind":"PUBLIC_SERVICE","onlineDepth":"FULLY_ONLINE",
                         "promisedDays":2,"legalDays":10,"instant":false,"crossProvince":false,"fee":0,"conditions":["本地居民"],
                         "guide":"在线申请。","formSchema":{"type":"object"},
                         "materials":[{"name":"说明","required":false,"toleratedIfMissing":false}],
                         "commitmentAllowed":false,"deliveryOptions":["ELECTRONIC"]}""", 201);

                String phone = "13700004321";
                String code = JsonPath.from(a.post("/api/v1/auth/otp", "{\"phone\":\"" + phone + "\"}").body()).getString("devCode");
                String resident = JsonPath.from(a.post("/api/v1/auth/login",
                        "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}").body()).getString("accessToken");
                String no = JsonPath.from(call(a, "POST", "/api/v1/applications", resident,
                        "{\"itemCode\":\"" + item + "\",\"formData\":{}}", 201)).getString("applicationNo");
                call(a, "POST", "/api/v1/applications/" + no + "/submit", resident, "{}", 200);

                try (SseClient stream = SseClient.open(URI.create("http://localhost:" + b.port() + "/api/v1/me/events"), resident)) {
                    assertEquals(200, stream.status(), b.tail());
                    assertEquals(List.of(":connected"), stream.next(Duration.ofSeconds(10)), b.tail());
                    long version = JsonPath.from(call(a, "GET", "/api/v1/staff/applications/" + no, reviewer, null, 200))
                            .getLong("application.version");
                    callIfMatch(a, "/api/v1/staff/applications/" + no + "/accept", reviewer, version);
                    List<String> event = stream.nextEvent(Duration.ofSeconds(5));
                    assertNotNull(event, "no event on B within 5 s of the change on A:\n" + b.tail());
                    JsonPath data = JsonPath.from(SseClient.field(event, "data"));
                    assertEquals(no, data.getString("applicationNo"));
                    assertEquals("ACCEPTED", data.getString("toState"));
                }
            }
        }
    }

    private String staffToken(String department, String role) throws Exception {
        PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(Files.readString(work.resolve("keys/signing.jwk")));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://banhao.app");
        claims.setAudience(TokenClaims.AUD_STAFF);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setStringListClaim("groups", role);
        claims.setClaim(TokenClaims.TYPE, TokenClaims.ACCESS);
        claims.setClaim(TokenClaims.SESSION, UUID.randomUUID().toString());
        claims.setClaim(TokenClaims.DEPARTMENT, department);
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        return jws.getCompactSerialization();
    }

    private static String call(PackagedApp app, String method, String path, String bearer, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + bearer)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), () -> method + " " + path + ": " + response.body() + "\n" + app.tail());
        return response.body();
    }

    private static void callIfMatch(PackagedApp app, String path, String bearer, long version) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + bearer).header("If-Match", "\"" + version + "\"")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }
}
