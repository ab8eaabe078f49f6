package app.banhao.application.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.api.model.ProgressLookupRequest;
import app.banhao.application.ApplicationFixtures;
import app.banhao.application.progress.ProgressLookupService;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.testing.Logins;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * POST /api/v1/progress-lookups: 办件查询 without login by number and query code; nothing personal, not even the
 * item; no existence leak; rate-limited per client and per number and client, never per number alone.
 */
@QuarkusTest
class ProgressLookupTest {

    @Inject
    RedisDataSource redis;

    @Inject
    ProgressLookupService service;

    private static Response lookup(String no, String queryCode) {
        return given().contentType(ContentType.JSON).body(Map.of("applicationNo", no, "queryCode", queryCode))
                .post("/api/v1/progress-lookups");
    }

    /** The query code the owner sees on their application (the receipt). */
    private static String queryCode(String resident, String no) {
        return given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .extract().path("queryCode");
    }

    /** A code of the right shape that is not {@code right}. */
    private static String wrongCode(String right) {
        return right.equals("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA";
    }

    @Test
    void theNumberAndQueryCodeShowStateDatesAndTimelineOnly() {
        var dept = ApplicationFixtures.department(false);
        String phone = Logins.newPhone();
        String resident = Logins.resident(phone).getString("accessToken");
        String no = ApplicationFixtures.submitted(resident, dept.item());
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{\"note\":\"材料齐全\"}").statusCode(200);
        JsonPath mine = given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().extract().jsonPath();

        Response found = lookup(no, mine.getString("queryCode").toLowerCase(java.util.Locale.ROOT));
        found.then().statusCode(200)
                .body("applicationNo", equalTo(no))
                .body("state", equalTo("ACCEPTED"))
                .body("submittedDate", equalTo(java.time.OffsetDateTime.parse(mine.getString("submittedAt"))
                        .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString()))
                .body("dueDate", equalTo(mine.getString("dueDate")))
                .body("timeline.type", equalTo(List.of("SUBMITTED", "ACCEPTED")))
                .body("timeline[1].fromState", equalTo("SUBMITTED"))
                .body("timeline[1].at", notNullValue())
                .body("timeline.type", not(hasItem("CREATED")))
                .body("$", not(hasKey("itemName")));
        String body = found.asString();
        for (String secret : List.of(phone, phone.substring(7), mine.getString("itemName"), mine.getString("queryCode"), "张三",
                "材料齐全", "formData", "actorName", "note", "materials", "13800138000")) {
            assertFalse(body.contains(secret), "the public answer shows " + secret + ": " + body);
        }
    }

    @Test
    void everyApplicationGetsItsOwnRandomQueryCode() {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String first = ApplicationFixtures.submitted(resident, dept.item());
        String second = ApplicationFixtures.submitted(resident, dept.item());
        String a = queryCode(resident, first);
        String b = queryCode(resident, second);
        for (String code : List.of(a, b)) {
            assertTrue(code.matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}"), code);
        }
        assertNotEquals(a, b);
        lookup(first, b).then().statusCode(404);
        lookup(first, a).then().statusCode(200);
    }

    @Test
    void wrongCodesUnknownNumbersAndDraftsAreTheSame404() {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String draft = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        String code = queryCode(resident, no);

        JsonPath a = lookup(no, wrongCode(code)).then().statusCode(404).extract().jsonPath();
        JsonPath b = lookup("4300001999010199999999", code).then().statusCode(404).extract().jsonPath();
        JsonPath c = lookup(draft, queryCode(resident, draft)).then().statusCode(404).extract().jsonPath();
        for (JsonPath other : List.of(b, c)) {
            assertEquals(a.getString("code"), other.getString("code"));
            assertEquals(a.getString("title"), other.getString("title"));
            assertEquals(a.getString("detail"), other.getString("detail"));
        }
        assertEquals("NOT_FOUND", a.getString("code"));
    }

    @Test
    void othersWrongGuessesNeverLockTheOwnerOut() throws Throwable {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String right = queryCode(resident, no);
        ProgressLookupRequest guess = new ProgressLookupRequest().applicationNo(no).queryCode(wrongCode(right));
        // Someone elsewhere guesses until refused: their address is locked out of this number, nobody else.
        int refused = 0;
        for (int i = 0; i < ProgressLookupService.FAILED_PER_NUMBER_AND_IP.max() + 3; i++) {
            try {
                VertxContextSupport.subscribeAndAwait(() -> service.lookup("203.0.113.7", guess));
            } catch (Throwable e) {
                Throwable why = e instanceof ApiException ? e : e.getCause();
                refused += why instanceof ApiException api && api.code() == ErrorCode.RATE_LIMITED ? 1 : 0;
            }
        }
        assertEquals(3, refused, "the guesser is refused after " + ProgressLookupService.FAILED_PER_NUMBER_AND_IP.max() + " misses");
        lookup(no, right).then().statusCode(200);
    }

    @Test
    void afterFiveFailedLookupsOfANumberThisClientIsRefusedForIt() {
        var dept = ApplicationFixtures.department(false);
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String other = ApplicationFixtures.submitted(resident, dept.item());
        String right = queryCode(resident, no);
        for (int i = 0; i < ProgressLookupService.FAILED_PER_NUMBER_AND_IP.max(); i++) {
            lookup(no, wrongCode(right)).then().statusCode(404);
        }
        lookup(no, right).then().statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo("RATE_LIMITED"));
        lookup(other, queryCode(resident, other)).then().statusCode(200);
    }

    @Test
    void aClientIpPastItsLimitGets429WithRetryAfter() {
        List<String> keys = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1").stream()
                .map(ip -> "banhao:rl:" + service.perIp().name() + ":" + ip).toList();
        try {
            // This client has used up its hour: the counter stands at the limit in Redis, as after that many lookups.
            keys.forEach(k -> redis.value(Integer.class).setex(k, 600, service.perIp().max()));
            lookup("4300001999010199999999", "ABCDEFGH").then().statusCode(429)
                    .header("Retry-After", notNullValue()).body("code", equalTo("RATE_LIMITED"));
        } finally {
            keys.forEach(k -> redis.key().del(k));
        }
    }

    @Test
    void badInputIsA422NamingTheFieldInTheCallersLanguage() {
        given().contentType(ContentType.JSON).body(Map.of("applicationNo", "123", "queryCode", "ABCDEFG0"))
                .post("/api/v1/progress-lookups").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("applicationNo", "queryCode"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Map.of("applicationNo", "4300002026112300000042"))
                .post("/api/v1/progress-lookups").then().statusCode(422)
                .body("errors.field", hasItem("queryCode"))
                .body("title", org.hamcrest.Matchers.matchesPattern("[\\x00-\\x7F]+"));
    }
}
