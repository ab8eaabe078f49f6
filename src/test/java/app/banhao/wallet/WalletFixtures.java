package app.banhao.wallet;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.TestIdNumbers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Certificates for tests, issued the way residents get them: an application of an issuing item, approved. */
public final class WalletFixtures {

    /** The type the fixture items issue; the fixture items' material 身份证 accepts it (免提交). */
    public static final String TYPE = "RESIDENT_ID_CARD";

    private WalletFixtures() {
    }

    /** Verifies {@code resident}'s real name as {@code name} with a fresh ID number, which is returned. */
    public static String verify(String resident, String name) {
        String idNumber = TestIdNumbers.unique();
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\"}")
                .post("/api/v1/me/real-name").then().statusCode(200);
        return idNumber;
    }

    /** Verifies {@code resident} unless they already are (a caller that makes several certificates for one owner). */
    public static void ensureVerified(String resident) {
        String level = given().auth().oauth2(resident).get("/api/v1/me").then().statusCode(200).extract().path("level");
        if ("L0".equals(level) || "L1".equals(level)) {
            verify(resident, "张三");
        }
    }

    /** Submits, accepts and approves an application of {@code dept}'s issuing item for {@code resident}; its number. */
    public static String approved(String resident, ApplicationFixtures.Dept dept) {
        String no = ApplicationFixtures.submitted(resident, dept.item());
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
        ApplicationFixtures.act(dept.reviewer(), no, "approve", "{\"note\":\"准予\"}").statusCode(200);
        return no;
    }

    /** A verified resident's certificate issued by department {@code department}: the list item, once it is there. */
    public static JsonPath issued(String resident, String department) {
        ApplicationFixtures.Dept dept = ApplicationFixtures.issuingDepartment(department, TYPE);
        int before = count(resident);
        approved(resident, dept);
        return awaitCount(resident, before + 1);
    }

    /** The resident's wallet once it holds {@code n} certificates (the issue follows the approval through the outbox). */
    public static JsonPath awaitCount(String resident, int n) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonPath page = list(resident);
            if (page.getList("items").size() >= n) {
                return page;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("The wallet did not reach " + n + " certificates: " + page.prettify());
            }
            sleep();
        }
    }

    public static JsonPath list(String resident) {
        return given().auth().oauth2(resident).get("/api/v1/wallet/certificates?limit=100").then().statusCode(200)
                .extract().jsonPath();
    }

    static int count(String resident) {
        return list(resident).getList("items").size();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
