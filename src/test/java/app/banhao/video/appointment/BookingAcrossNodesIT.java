package app.banhao.video.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.EmbeddedSettings;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.time.BusinessClock;
import app.banhao.testing.PackagedApp;

/**
 * The 200-way booking race across two app instances on one PostgreSQL and Redis, as behind a load balancer: half the
 * residents book through node A, half through B, for the last 3 places of one slot → exactly 3 × 201, the rest 409
 * {@code SLOT_FULL}. The capacity rule is a PostgreSQL row lock, so it holds whichever node takes the request.
 */
class BookingAcrossNodesIT {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final String ITEM = "HN-WJW-GGCSWSXK";

    @TempDir
    Path work;

    @Test
    void twoHundredResidentsOnTwoNodesGetExactlyTheThreeFreePlaces() throws Exception {
        try (EmbeddedServers shared = EmbeddedServers.start(new EmbeddedSettings(true, true, work.resolve("servers"), false, 0, 0))) {
            Map<String, String> node = PackagedApp.clusterNode(shared, work.resolve("keys"));
            try (PackagedApp a = PackagedApp.start(node, Map.of(), work.resolve("a.log")).awaitReady(READY);
                    PackagedApp b = PackagedApp.start(node, Map.of(), work.resolve("b.log")).awaitReady(READY)) {
                HttpResponse<String> published = a.post("/api/v1/admin/video/availabilities", "{\"departmentCode\":\"HN-WJW\","
                        + "\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],"
                        + "\"windowStart\":\"09:00\",\"windowEnd\":\"12:00\",\"slotMinutes\":15,\"capacity\":3,"
                        + "\"opensDaysAhead\":30,\"closesHoursBefore\":1,\"validFrom\":\"" + LocalDate.now(BusinessClock.ZONE) + "\"}",
                        Map.of("Authorization", "Bearer " + token(TokenClaims.AUD_STAFF, TokenClaims.ADMIN, null)));
                assertEquals(201, published.statusCode(), published.body());
                Matcher id = ID.matcher(published.body());
                assertTrue(id.find(), published.body());
                // Not through VideoFixtures: its tokens are signed by the Quarkus test run, which this test is not.
                String start = weekdayAhead().atTime(10, 0).atZone(BusinessClock.ZONE).toOffsetDateTime()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
                String body = "{\"availabilityId\":\"" + id.group(1) + "\",\"slotStart\":\"" + start + "\",\"itemCode\":\""
                        + ITEM + "\",\"description\":\"跨节点预约\"}";
                List<String> tokens = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    tokens.add(token(TokenClaims.AUD_APP, TokenClaims.RESIDENT, "L2"));
                }

                ExecutorService pool = Executors.newFixedThreadPool(100);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    PackagedApp target = i % 2 == 0 ? a : b;
                    String bearer = tokens.get(i);
                    answers.add(pool.submit(() -> {
                        go.await();
                        return target.post("/api/v1/me/video-appointments", body, Map.of("Authorization", "Bearer " + bearer,
                                "Idempotency-Key", UUID.randomUUID().toString()));
                    }));
                }
                go.countDown();
                Map<String, Integer> counted = new TreeMap<>();
                for (Future<HttpResponse<String>> f : answers) {
                    HttpResponse<String> r = f.get();
                    String code = r.statusCode() == 201 ? "201" : r.statusCode() + " " + codeOf(r.body());
                    counted.merge(code, 1, Integer::sum);
                }
                pool.shutdownNow();
                assertEquals(Map.of("201", 3, "409 SLOT_FULL", 197), counted, "answers across the two nodes");
            }
        }
    }

    /** A working weekday two or more days ahead (the official calendar may add a holiday; then the slot is 422). */
    private static LocalDate weekdayAhead() {
        LocalDate day = LocalDate.now(BusinessClock.ZONE).plusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static String codeOf(String problem) {
        Matcher m = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(problem);
        return m.find() ? m.group(1) : problem;
    }

    private String token(String audience, String role, String level) throws Exception {
        PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(Files.readString(work.resolve("keys/signing.jwk")));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://banhao.app");
        claims.setAudience(audience);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setStringListClaim("groups", role);
        claims.setClaim(TokenClaims.TYPE, TokenClaims.ACCESS);
        claims.setClaim(TokenClaims.SESSION, UUID.randomUUID().toString());
        if (level != null) {
            claims.setClaim(TokenClaims.LEVEL, level);
        } else {
            claims.setClaim(TokenClaims.DEPARTMENT, "HN-ZWFW");
        }
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
}
