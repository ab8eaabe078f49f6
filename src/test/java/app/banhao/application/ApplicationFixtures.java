package app.banhao.application;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Departments, items and applications for application tests, made through the API itself. */
public final class ApplicationFixtures {

    public static final String FORM = "{\"applicantName\":\"张三\",\"phone\":\"13800138000\"}";
    /** Real small files: the content check looks at their whole structure, not only their first bytes. */
    public static final byte[] PNG = SampleFiles.png();
    public static final byte[] PDF = SampleFiles.pdf();

    private ApplicationFixtures() {
    }

    /** A department of its own and one item in it: 2 promised days, one required, one tolerated material. */
    public static Dept department(boolean commitmentAllowed) {
        return department("T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), commitmentAllowed);
    }

    /** The department {@code code} with its one item, created on first use and reused after. */
    public static Dept department(String code, boolean commitmentAllowed) {
        return department(code, code + "-ITEM", commitmentAllowed, null);
    }

    /**
     * The department {@code code} with an item whose approval issues a {@code certificateType} certificate (the wallet),
     * created on first use and reused after.
     */
    public static Dept issuingDepartment(String code, String certificateType) {
        return department(code, code + "-CERT-" + certificateType.replace('_', '-'), false, certificateType);
    }

    /** The department {@code code} with an item whose result may also be posted (deliveryOptions ELECTRONIC, POSTAL). */
    public static Dept postalDepartment(String code) {
        return department(code, code + "-POST", false, null, List.of("ELECTRONIC", "POSTAL"));
    }

    private static Dept department(String code, String item, boolean commitmentAllowed, String resultCertificateType) {
        return department(code, item, commitmentAllowed, resultCertificateType, List.of("ELECTRONIC"));
    }

    private static Dept department(String code, String item, boolean commitmentAllowed, String resultCertificateType,
            List<String> deliveryOptions) {
        String reviewer = TestTokens.staff(UUID.randomUUID().toString(), code, TokenClaims.REVIEWER);
        if (given().get("/api/v1/catalog/items/" + item).statusCode() == 200) {
            return new Dept(code, item, reviewer);
        }
        String admin = TestTokens.staff(UUID.randomUUID().toString(), code, TokenClaims.ADMIN);
        // 201 when new; 428 (no If-Match) when an earlier item of this department made it already.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "测试局 " + code))
                .put("/api/v1/admin/catalog/departments/" + code).then().statusCode(org.hamcrest.Matchers.oneOf(201, 428));
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("applicantName", "phone"),
                "properties", Map.of("applicantName", Map.of("type", "string", "maxLength", 50),
                        "phone", Map.of("type", "string", "pattern", "^1[3-9][0-9]{9}$")),
                "additionalProperties", false);
        Map<String, Object> body = new java.util.HashMap<>(Map.ofEntries(Map.entry("name", "测试事项 " + code), Map.entry("departmentCode", code),
                Map.entry("kind", "PUBLIC_SERVICE"), Map.entry("onlineDepth", "FULLY_ONLINE"),
                Map.entry("promisedDays", 2), Map.entry("legalDays", 10), Map.entry("instant", false),
                Map.entry("crossProvince", false), Map.entry("fee", 0), Map.entry("conditions", List.of("本地居民")),
                Map.entry("guide", "在线申请。"), Map.entry("formSchema", schema),
                Map.entry("materials", List.of(
                        Map.of("name", "申请书", "required", true, "toleratedIfMissing", false),
                        Map.of("name", "身份证", "required", true, "replaceableBy", "RESIDENT_ID_CARD", "toleratedIfMissing", false),
                        Map.of("name", "场所证明", "required", true, "toleratedIfMissing", true))),
                Map.entry("commitmentAllowed", commitmentAllowed), Map.entry("deliveryOptions", deliveryOptions)));
        if (resultCertificateType != null) {
            body.put("resultCertificateType", resultCertificateType);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/catalog/items/" + item).then().statusCode(201);
        return new Dept(code, item, reviewer);
    }

    public record Dept(String code, String item, String reviewer) {
    }

    public static JsonPath draft(String resident, String item) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"itemCode\":\"" + item + "\",\"formData\":" + FORM + "}")
                .post("/api/v1/applications").then().statusCode(201).extract().jsonPath();
    }

    public static void upload(String resident, String no, String name, byte[] content, String fileName) {
        given().auth().oauth2(resident).multiPart(namePart(name)).multiPart("file", fileName, content, "application/pdf")
                .post("/api/v1/applications/" + no + "/materials").then().log().ifValidationFails().statusCode(201);
    }

    /** The material's name as a UTF-8 text part, as browsers send it. */
    public static io.restassured.specification.MultiPartSpecification namePart(String name) {
        return new io.restassured.builder.MultiPartSpecBuilder(name).controlName("name").charset("UTF-8").build();
    }

    /** A draft with the one non-tolerated upload and the other material uploaded too, then submitted. */
    public static String submitted(String resident, String item) {
        String no = draft(resident, item).getString("applicationNo");
        upload(resident, no, "申请书", PDF, "form.pdf");
        upload(resident, no, "身份证", PNG, "id.png");
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(200);
        return no;
    }

    public static long version(String reviewer, String no) {
        return given().auth().oauth2(reviewer).get("/api/v1/staff/applications/" + no).then().statusCode(200)
                .extract().jsonPath().getLong("application.version");
    }

    /** A staff transition with the current version. */
    public static io.restassured.response.ValidatableResponse act(String reviewer, String no, String action, String body) {
        return given().auth().oauth2(reviewer).header("If-Match", "\"" + version(reviewer, no) + "\"")
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/staff/applications/" + no + "/" + action).then();
    }

    /** A bundle (一件事) of two fixture items. */
    public record Bundle(String code, ApplicationFixtures.Dept first, ApplicationFixtures.Dept second) {
    }

    /** A bundle of two fixture items in two departments of their own. */
    public static Bundle bundle() {
        var first = ApplicationFixtures.department(false);
        var second = ApplicationFixtures.department(false);
        String code = "T_BUNDLE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String admin = TestTokens.staff(UUID.randomUUID().toString(), first.code(), TokenClaims.ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "测试一件事", "description", "两个部门联办", "promisedDays", 3,
                        "itemCodes", List.of(first.item(), second.item())))
                .put("/api/v1/admin/catalog/bundles/" + code).then().statusCode(201);
        return new Bundle(code, first, second);
    }

    /** A draft of bundle {@code bundleCode} with a merged form: the parent's view. */
    public static JsonPath bundleDraft(String resident, String bundleCode) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"bundleCode\":\"" + bundleCode + "\",\"formData\":{\"applicantName\":\"张三\",\"phone\":\"13800138000\","
                        + "\"onlyOnTheMergedForm\":\"x\"}}")
                .post("/api/v1/applications").then().statusCode(201).extract().jsonPath();
    }
}
