package app.banhao.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.testing.Logins;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** POST /api/v1/progress-lookups: 办件查询 without login, nothing personal, no existence leak, rate-limited. */
@QuarkusTest
class ProgressLookupTest {

    @Inject
    RedisDataSource redis;

    @Inject
    ProgressLookupService service;

    private static Response lookup(String no, String last4) {
        return given().contentType(ContentType.JSON).body(Map.of("applicationNo", no, "phoneLast4", last4))
                .post("/api/v1/progress-lookups");
    }

    @Test
    void theNumberAndPhoneDigitsShowStateDatesAndTimelineOnly() {
        var dept = ApplicationFixtures.department(false);
        String phone = Logins.newPhone();
        String resident = Logins.resident(phone).getString("accessToken");
        String no = ApplicationFixtures.submitted(resident, dept.item());
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{\"note\":\"材料齐全\"}").statusCode(200);
        JsonPath mine = given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().extract().jsonPath();

        Response found = lookup(no, phone.substring(7));
        found.then().statusCode(200)
                .body("applicationNo", equalTo(no))
                .body("itemName", equalTo(mine.getString("itemName")))
                .body("state", equalTo("ACCEPTED"))
                .body("submittedDate", equalTo(java.time.OffsetDateTime.parse(mine.getString("submittedAt"))
                        .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString()))
                .body("dueDate", equalTo(mine.getString("dueDate")))
                .body("timeline.type", equalTo(List.of("SUBMITTED", "ACCEPTED")))
                .body("timeline[1].fromState", equalTo("SUBMITTED"))
                .body("timeline[1].at", notNullValue())
                .body("timeline.type", not(hasItem("CREATED")));
        String body = found.asString();
        for (String secret : List.of(phone, "张三", "材料齐全", "formData", "actorName", "note", "materials", "13800138000")) {
            assertFalse(body.contains(secret), "the public answer shows " + secret + ": " + body);
        }
    }

    @Test
    void wrongDigitsUnknownNumbersAndDraftsAreTheSame404() {
        var dept = ApplicationFixtures.department(false);
        String phone = Logins.newPhone();
        String resident = Logins.resident(phone).getString("accessToken");
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String draft = ApplicationFixtures.draft(resident, dept.item()).getString("applicationNo");
        String wrong = phone.endsWith("0000") ? "1111" : "0000";

        JsonPath a = lookup(no, wrong).then().statusCode(404).extract().jsonPath();
        JsonPath b = lookup("4300001999010199999999", phone.substring(7)).then().statusCode(404).extract().jsonPath();
        JsonPath c = lookup(draft, phone.substring(7)).then().statusCode(404).extract().jsonPath();
        for (JsonPath other : List.of(b, c)) {
            assertEquals(a.getString("code"), other.getString("code"));
            assertEquals(a.getString("title"), other.getString("title"));
            assertEquals(a.getString("detail"), other.getString("detail"));
        }
        assertEquals("NOT_FOUND", a.getString("code"));
    }

    @Test
    void afterFiveFailedLookupsTheNumberIsLockedWhateverTheDigits() {
        var dept = ApplicationFixtures.department(false);
        String phone = Logins.newPhone();
        String resident = Logins.resident(phone).getString("accessToken");
        String no = ApplicationFixtures.submitted(resident, dept.item());
        String right = phone.substring(7);
        String wrong = right.equals("0000") ? "1111" : "0000";
        for (int i = 0; i < ProgressLookupService.FAILED_PER_NUMBER.max(); i++) {
            lookup(no, wrong).then().statusCode(404);
        }
        lookup(no, right).then().statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo("RATE_LIMITED"));
        redis.key().del("banhao:rl:" + ProgressLookupService.FAILED_PER_NUMBER.name() + ":" + no);
        lookup(no, right).then().statusCode(200);
    }

    @Test
    void aClientIpPastItsLimitGets429WithRetryAfter() {
        List<String> keys = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1").stream()
                .map(ip -> "banhao:rl:" + service.perIp().name() + ":" + ip).toList();
        try {
            // This client has used up its hour: the counter stands at the limit in Redis, as after that many lookups.
            keys.forEach(k -> redis.value(Integer.class).setex(k, 600, service.perIp().max()));
            lookup("4300001999010199999999", "1234").then().statusCode(429)
                    .header("Retry-After", notNullValue()).body("code", equalTo("RATE_LIMITED"));
        } finally {
            keys.forEach(k -> redis.key().del(k));
        }
    }

    @Test
    void badInputIsA422NamingTheFieldInTheCallersLanguage() {
        given().contentType(ContentType.JSON).body(Map.of("applicationNo", "123", "phoneLast4", "12a4"))
                .post("/api/v1/progress-lookups").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("applicationNo", "phoneLast4"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Map.of("applicationNo", "4300002026112300000042"))
                .post("/api/v1/progress-lookups").then().statusCode(422)
                .body("errors.field", hasItem("phoneLast4"))
                .body("title", org.hamcrest.Matchers.matchesPattern("[\\x00-\\x7F]+"));
    }
}
