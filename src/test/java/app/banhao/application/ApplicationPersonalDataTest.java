package app.banhao.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.submission.FormSealing;
import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.Logins;
import app.banhao.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Personal data in application forms (issue 10 point 10): fields the item's schema marks {@code x-personal} are
 * encrypted in the jsonb (and in the replay record), and read back in full by the owner and the deciding reviewer.
 */
@QuarkusTest
class ApplicationPersonalDataTest {

    private static final String NAME = "欧阳保密";
    private static final String ID_NUMBER = "43010219900307123X";
    private static final String PHONE = "13911112222";
    private static final String ADDRESS = "长沙市岳麓区隐私路 9 号";
    private static final String FORM = "{\"applicantName\":\"" + NAME + "\",\"applicantIdNumber\":\"" + ID_NUMBER
            + "\",\"phone\":\"" + PHONE + "\",\"address\":\"" + ADDRESS + "\",\"purpose\":\"开店\"}";

    @Inject
    AgroalDataSource database;

    @Inject
    FormSealing sealing;

    record Item(String department, String code, String reviewer) {
    }

    /** An item whose schema marks the applicant's name, ID number, phone and address personal; no materials needed. */
    private static Item item() {
        String dept = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String admin = TestTokens.staff(UUID.randomUUID().toString(), dept, TokenClaims.ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "隐私局 " + dept))
                .put("/api/v1/admin/catalog/departments/" + dept).then().statusCode(201);
        Map<String, Object> personal = Map.of("type", "string", "x-personal", true);
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("applicantName", "applicantIdNumber"),
                "properties", Map.of("applicantName", personal, "applicantIdNumber", personal, "phone", personal,
                        "address", personal, "purpose", Map.of("type", "string")),
                "additionalProperties", false);
        String code = dept + "-ITEM";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(itemBody(dept, schema))
                .put("/api/v1/admin/catalog/items/" + code).then().statusCode(201);
        return new Item(dept, code, TestTokens.staff(UUID.randomUUID().toString(), dept, TokenClaims.REVIEWER));
    }

    private static Map<String, Object> itemBody(String dept, Map<String, Object> schema) {
        return Map.ofEntries(Map.entry("name", "隐私事项 " + dept), Map.entry("departmentCode", dept),
                Map.entry("kind", "PUBLIC_SERVICE"), Map.entry("onlineDepth", "FULLY_ONLINE"),
                Map.entry("promisedDays", 2), Map.entry("legalDays", 10), Map.entry("instant", false),
                Map.entry("crossProvince", false), Map.entry("fee", 0), Map.entry("conditions", List.of("本地居民")),
                Map.entry("guide", "在线申请。"), Map.entry("formSchema", schema),
                Map.entry("materials", List.of(Map.of("name", "补充说明", "required", false, "toleratedIfMissing", false))),
                Map.entry("commitmentAllowed", false), Map.entry("deliveryOptions", List.of("ELECTRONIC")));
    }

    @Test
    void personalFieldsAreEncryptedInTheDatabaseAndTheOwnerReadsThemBack() throws Exception {
        Item item = item();
        String resident = Logins.newResidentToken();
        String key = UUID.randomUUID().toString();
        String no = given().auth().oauth2(resident).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + item.code() + "\",\"formData\":" + FORM + "}")
                .post("/api/v1/applications").then().statusCode(201)
                .body("formData.applicantIdNumber", equalTo(ID_NUMBER)).extract().path("applicationNo");

        String raw = text("SELECT form_data::text FROM application WHERE application_no = ?", no);
        assertNoPlaintext(raw);
        assertTrue(raw.contains("开店"), "a field not marked personal stays plain: " + raw);
        assertTrue(raw.contains("\"$enc\""), raw);

        assertNoPlaintext(new String(bytes("SELECT response FROM idempotency_record WHERE idem_key = ? "
                + "AND scope LIKE 'resident:%:createApplication'", key), StandardCharsets.UTF_8));

        JsonPath mine = given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200).extract().jsonPath();
        assertEquals(NAME, mine.getString("formData.applicantName"));
        assertEquals(ID_NUMBER, mine.getString("formData.applicantIdNumber"));
        assertEquals(PHONE, mine.getString("formData.phone"));
        assertEquals(ADDRESS, mine.getString("formData.address"));

        // A draft update seals again; the owner still reads what they typed.
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"formData\":" + FORM.replace(PHONE, "13933334444") + "}")
                .patch("/api/v1/applications/" + no).then().statusCode(200).body("formData.phone", equalTo("13933334444"));
        raw = text("SELECT form_data::text FROM application WHERE application_no = ?", no);
        assertFalse(raw.contains("13933334444"), raw);
    }

    @Test
    void theDecidingReviewerReadsThemAfterSubmissionAndTheReadIsAudited() throws Exception {
        Item item = item();
        String resident = Logins.newResidentToken();
        String no = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + item.code() + "\",\"formData\":" + FORM + "}")
                .post("/api/v1/applications").then().statusCode(201).extract().path("applicationNo");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("formData.applicantName", equalTo(NAME));
        assertNoPlaintext(text("SELECT form_data::text FROM application WHERE application_no = ?", no));

        given().auth().oauth2(item.reviewer()).get("/api/v1/staff/applications/" + no).then().statusCode(200)
                .body("application.formData.applicantIdNumber", equalTo(ID_NUMBER))
                .body("application.formData.address", equalTo(ADDRESS));
        assertEquals("1", text("SELECT count(*)::text FROM audit_log WHERE action = 'application.staff-read' AND target_id = ?", no));
        String elsewhere = TestTokens.staff(UUID.randomUUID().toString(), "HN-SCJ", TokenClaims.REVIEWER);
        given().auth().oauth2(elsewhere).get("/api/v1/staff/applications/" + no).then().statusCode(404);
    }

    @Test
    void valuesWrittenInClearBeforeTheMarkAreSealedByTheCatchUpJob() throws Throwable {
        Item item = item();
        String resident = Logins.newResidentToken();
        String no = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + item.code() + "\",\"formData\":{}}")
                .post("/api/v1/applications").then().statusCode(201).extract().path("applicationNo");
        try (Connection c = database.getConnection();
                PreparedStatement legacy = c.prepareStatement("UPDATE application SET form_data = ?::jsonb WHERE application_no = ?")) {
            legacy.setString(1, FORM);
            legacy.setString(2, no);
            assertEquals(1, legacy.executeUpdate());
        }
        VertxContextSupport.subscribeAndAwait(() -> sealing.sealFrom(0));
        String raw = text("SELECT form_data::text FROM application WHERE application_no = ?", no);
        assertNoPlaintext(raw);
        assertTrue(raw.contains("开店"), raw);
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("formData.applicantIdNumber", equalTo(ID_NUMBER)).body("formData.address", equalTo(ADDRESS));
    }

    @Test
    void aValueShapedLikeCiphertextIsRefused() {
        Item item = item();
        given().auth().oauth2(Logins.newResidentToken()).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + item.code() + "\",\"formData\":{\"purpose\":{\"$enc\":\"AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}}}")
                .post("/api/v1/applications").then().statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("formData.purpose"));
    }

    @Test
    void theSeededSchemasMarkNamesIdNumbersPhonesAndAddressesPersonal() {
        given().get("/api/v1/catalog/items/HN-SCJ-GTGSHSL").then().statusCode(200)
                .body("formSchema.properties.applicantName.'x-personal'", equalTo(true))
                .body("formSchema.properties.applicantIdNumber.'x-personal'", equalTo(true))
                .body("formSchema.properties.phone.'x-personal'", equalTo(true))
                .body("formSchema.properties.businessAddress.'x-personal'", equalTo(true))
                .body("formSchema.properties.businessScope.'x-personal'", equalTo(null));
    }

    @Test
    void aNonBooleanPersonalMarkIsNoFormSchema() {
        String dept = "HN-SCJ";
        String admin = TestTokens.staff(UUID.randomUUID().toString(), dept, TokenClaims.ADMIN);
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of("applicantName", Map.of("type", "string", "x-personal", "yes")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(itemBody(dept, schema))
                .put("/api/v1/admin/catalog/items/T-BAD-PERSONAL").then().statusCode(422)
                .body("code", equalTo("INVALID_FORM_SCHEMA")).body("errors[0].field", equalTo("formSchema"));
    }

    private void assertNoPlaintext(String stored) {
        for (String value : List.of(NAME, ID_NUMBER, PHONE, ADDRESS, "隐私路")) {
            assertFalse(stored.contains(value), value + " is stored in clear: " + stored);
        }
    }

    private String text(String sql, String arg) throws SQLException {
        return new String(bytes(sql, arg), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String sql, String arg) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, arg);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "no row for " + sql);
                byte[] value = rs.getBytes(1);
                assertTrue(value != null, "null for " + sql);
                return value;
            }
        }
    }
}
