package app.banhao.application;

import static app.banhao.application.ApplicationFixtures.PDF;
import static app.banhao.application.ApplicationFixtures.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.Logins;
import app.banhao.testing.TestIdNumbers;
import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** 秒批: the seeded 公共场所卫生许可证 approves at submission when every rule passes, and waits for a reviewer otherwise. */
@QuarkusTest
class ApplicationInstantTest {

    static final String ITEM = "HN-WJW-GGCSWSXK";
    static final String FORM = "{\"companyName\":\"好客旅馆\",\"businessAddress\":\"长沙市芙蓉区五一大道 1 号\","
            + "\"legalRepresentative\":\"张三\",\"phone\":\"13800138000\"}";

    static String verifiedResident() {
        String token = Logins.newResidentToken();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"张三\",\"idNumber\":\"" + TestIdNumbers.unique() + "\"}")
                .post("/api/v1/me/real-name").then().statusCode(200);
        return token;
    }

    static String draft(String resident) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + ITEM + "\",\"formData\":" + FORM + "}")
                .post("/api/v1/applications").then().statusCode(201).extract().path("applicationNo");
    }

    @Test
    void theGuideShowsTheRules() {
        given().get("/api/v1/catalog/items/" + ITEM).then().statusCode(200)
                .body("instant", equalTo(true))
                .body("instantRules.requireCommitment", equalTo(true))
                .body("instantRules.requireLevel", equalTo("L2"));
    }

    @Test
    void aVerifiedResidentWithCommitmentIsApprovedInTheSubmittingRequest() {
        String resident = verifiedResident();
        String no = draft(resident);
        // 秒批 is the decision inside the submitting request (its answer is APPROVED), not a time: speed is the bench's.
        JsonPath answer = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"commitment\":{\"accepted\":true}}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("instantReview.approved", equalTo(true))
                .body("instantReview.passed", contains("COMMITMENT_SIGNED", "IDENTITY_LEVEL"))
                .body("instantReview.failed", empty())
                .body("acceptedAt", notNullValue())
                .body("decidedAt", notNullValue())
                .body("commitment.textVersion", notNullValue())
                .extract().jsonPath();
        assertTrue(answer.getList("materials.kind").contains("COMMITMENT"));

        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                // What the decision's consumers add afterwards (the e-certificate, a postal order) may already follow.
                .body("items.type.take(4)", contains("CREATED", "SUBMITTED", "ACCEPTED", "APPROVED"))
                .body("items[2].actorKind", equalTo("SYSTEM"))
                .body("items[2].note", containsString("秒批"))
                .body("items[2].note", containsString("已签署告知承诺书"))
                .body("items[2].note", containsString("L2"))
                .body("items[3].actorKind", equalTo("SYSTEM"))
                .body("items[3].toState", equalTo("APPROVED"));
        // One message per state change.
        given().auth().oauth2(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("items.findAll { it.applicationNo == '" + no + "' && it.state != null }.state", org.hamcrest.Matchers.containsInAnyOrder("APPROVED", "ACCEPTED", "SUBMITTED"));
        // Never on the department's worklist: there is nothing left to decide.
        String reviewer = TestTokens.staff(UUID.randomUUID().toString(), "HN-WJW", TokenClaims.REVIEWER);
        given().auth().oauth2(reviewer).get("/api/v1/staff/applications").then().statusCode(200)
                .body("items.applicationNo", org.hamcrest.Matchers.not(hasItem(no)));
    }

    @Test
    void aResidentWithoutVerifiedIdentityWaitsForAReviewer() {
        String resident = Logins.newResidentToken(); // L1: phone verified only
        String no = draft(resident);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"commitment\":{\"accepted\":true}}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("instantReview.approved", equalTo(false))
                .body("instantReview.passed", contains("COMMITMENT_SIGNED"))
                .body("instantReview.failed", contains("IDENTITY_LEVEL"))
                .body("decidedAt", nullValue());
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.type", contains("CREATED", "SUBMITTED", "INSTANT_REVIEW"))
                .body("items[2].note", containsString("实名认证未达到 L2"));
        String reviewer = TestTokens.staff(UUID.randomUUID().toString(), "HN-WJW", TokenClaims.REVIEWER);
        given().auth().oauth2(reviewer).get("/api/v1/staff/applications/" + no).then().statusCode(200)
                .body("application.state", equalTo("SUBMITTED"))
                .body("application.instantReview.failed", contains("IDENTITY_LEVEL"));
    }

    @Test
    void withoutTheCommitmentTheCaseWaitsForAReviewer() {
        String resident = verifiedResident();
        String no = draft(resident);
        upload(resident, no, "公共场所卫生许可申请表", PDF, "form.pdf");
        upload(resident, no, "营业执照", PDF, "licence.pdf");
        upload(resident, no, "卫生许可告知承诺书", PDF, "promise.pdf");
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body(Map.of("name", "法定代表人身份证明", "kind", "PROFILE"))
                .post("/api/v1/applications/" + no + "/material-references").then().statusCode(201);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("instantReview.passed", contains("IDENTITY_LEVEL"))
                .body("instantReview.failed", contains("COMMITMENT_SIGNED"));
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then()
                .body("items[2].note", containsString("未签署告知承诺书"));
    }

    @Test
    void rulesAreForInstantItemsOnly() {
        String admin = TestTokens.staff(UUID.randomUUID().toString(), "HN-WJW", TokenClaims.ADMIN);
        Map<String, Object> body = Map.ofEntries(Map.entry("name", "测试事项"), Map.entry("departmentCode", "HN-WJW"),
                Map.entry("kind", "PUBLIC_SERVICE"), Map.entry("onlineDepth", "FULLY_ONLINE"),
                Map.entry("promisedDays", 2), Map.entry("legalDays", 10), Map.entry("instant", false),
                Map.entry("crossProvince", false), Map.entry("fee", 0), Map.entry("conditions", List.of()),
                Map.entry("guide", "在线申请。"), Map.entry("formSchema", Map.of("type", "object")),
                Map.entry("materials", List.of()), Map.entry("commitmentAllowed", true),
                Map.entry("instantRules", Map.of("requireCommitment", true)),
                Map.entry("deliveryOptions", List.of("ELECTRONIC")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Accept-Language", "en").body(body)
                .put("/api/v1/admin/catalog/items/T-INSTANT-" + UUID.randomUUID().toString().substring(0, 6)).then()
                .statusCode(422).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("instantRules"));
    }
}
