package app.banhao.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Publishing through the admin API: validated, versioned, audited, and visible to readers at once. */
@QuarkusTest
class CatalogAdminTest {

    private static final String ADMIN = TestTokens.staff("admin-1", "HN-ZWFW", TokenClaims.ADMIN);

    @Inject
    DataSource jdbc;

    private static Map<String, Object> item(String name, Object formSchema) {
        return Map.ofEntries(Map.entry("name", name), Map.entry("departmentCode", "HN-MZT"),
                Map.entry("kind", "PUBLIC_SERVICE"), Map.entry("onlineDepth", "FULLY_ONLINE"),
                Map.entry("promisedDays", 3), Map.entry("legalDays", 10), Map.entry("instant", false),
                Map.entry("crossProvince", true), Map.entry("fee", 0),
                Map.entry("conditions", List.of("本地户籍居民")), Map.entry("guide", "在线提交申请，审核通过后发放。"),
                Map.entry("formSchema", formSchema),
                Map.entry("materials", List.of(Map.of("name", "居民身份证", "required", true,
                        "replaceableBy", "RESIDENT_ID_CARD", "toleratedIfMissing", false))),
                Map.entry("commitmentAllowed", false), Map.entry("deliveryOptions", List.of("ELECTRONIC")));
    }

    private static final Map<String, Object> FORM = Map.of("type", "object",
            "properties", Map.of("applicantName", Map.of("type", "string")));

    @Test
    void aPublishedItemIsReadableAtOnceAndAnEditShowsUpAtOnce() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        // Warm the cache with the list, so the new item must come from a version bump, not a TTL.
        given().queryParam("q", "殡葬").when().get("/api/v1/catalog/items").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(item("殡葬补贴申领", FORM))
                .when().put("/api/v1/admin/catalog/items/" + code).then().statusCode(201)
                .header("ETag", "\"1\"").body("version", equalTo(1));
        given().queryParam("q", "殡葬").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.code", hasItem(code));
        String etag = given().when().get("/api/v1/catalog/items/" + code).then().statusCode(200)
                .body("name", equalTo("殡葬补贴申领")).extract().header("ETag");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(item("惠民殡葬补贴申领", FORM))
                .when().put("/api/v1/admin/catalog/items/" + code).then().statusCode(200).header("ETag", "\"2\"");
        given().header("If-None-Match", etag).when().get("/api/v1/catalog/items/" + code).then().statusCode(200)
                .body("name", equalTo("惠民殡葬补贴申领")).body("version", equalTo(2));

        given().auth().oauth2(ADMIN).header("If-Match", "2").when().delete("/api/v1/admin/catalog/items/" + code)
                .then().statusCode(204);
        given().when().get("/api/v1/catalog/items/" + code).then().statusCode(404);
        given().queryParam("q", "殡葬").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.code", not(hasItem(code)));
        assertEquals(List.of("catalog.item.create", "catalog.item.update", "catalog.item.retire"), audited(code));
    }

    @Test
    void aFormSchemaThatIsNoJsonSchemaIs422NamingIt() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(item("坏表单", Map.of("type", "objekt", "properties", Map.of())))
                .when().put("/api/v1/admin/catalog/items/T-BAD-FORM").then().statusCode(422)
                .body("code", equalTo("INVALID_FORM_SCHEMA")).body("errors[0].field", equalTo("formSchema"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(item("坏表单", Map.of("type", "object", "properties", Map.of("x", Map.of("type", "string", "pattern", "(")))))
                .when().put("/api/v1/admin/catalog/items/T-BAD-FORM").then().statusCode(422)
                .body("errors[0].field", equalTo("formSchema"));
        given().when().get("/api/v1/catalog/items/T-BAD-FORM").then().statusCode(404);
    }

    @Test
    void staleOrMissingIfMatchIsRefused() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "民政局"))
                .when().put("/api/v1/admin/catalog/departments/HN-MZT").then().statusCode(428);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"99\"").body(Map.of("name", "民政局"))
                .when().put("/api/v1/admin/catalog/departments/HN-MZT").then().statusCode(412);
        given().auth().oauth2(ADMIN).header("If-Match", "1").when().delete("/api/v1/admin/catalog/departments/HN-CLM")
                .then().statusCode(409).body("code", equalTo("DEPARTMENT_IN_USE"));
    }

    @Test
    void bundlesNameOnlyActiveItems() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "婚育一件事", "description", "结婚登记预约与新生儿入户", "promisedDays", 5,
                        "itemCodes", List.of("HN-MZT-JHDJYY", "NO-SUCH-ITEM")))
                .when().put("/api/v1/admin/catalog/bundles/MARRIAGE_BIRTH").then().statusCode(422)
                .body("code", equalTo("UNKNOWN_ITEM")).body("errors[0].field", equalTo("itemCodes[1]"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "婚育一件事", "description", "结婚登记预约与新生儿入户", "promisedDays", 5,
                        "itemCodes", List.of("HN-MZT-JHDJYY", "HN-GAT-XSEHK")))
                .when().put("/api/v1/admin/catalog/bundles/MARRIAGE_BIRTH").then().statusCode(201);
        given().when().get("/api/v1/catalog/bundles/MARRIAGE_BIRTH").then().statusCode(200)
                .body("mergedForm.properties.applicantIdNumber.x-items", equalTo(List.of("HN-MZT-JHDJYY")))
                .body("mergedForm.properties.babyName.x-items", equalTo(List.of("HN-GAT-XSEHK")));
    }

    @Test
    void bannersAndNewsShowOnTheHomeFeedAtOnce() {
        given().when().get("/api/v1/home").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("title", "社保卡跨省通办", "imageUrl", "https://static.banhao.app/banners/sbk.png", "position", 0))
                .when().put("/api/v1/admin/home/banners/sbk-kstb").then().statusCode(201);
        given().when().get("/api/v1/home").then().statusCode(200)
                .body("banners[0].id", equalTo("sbk-kstb")).body("live.now.size()", equalTo(0));
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").when().delete("/api/v1/admin/home/banners/sbk-kstb")
                .then().statusCode(204);
        given().when().get("/api/v1/home").then().statusCode(200).body("banners.id", not(hasItem("sbk-kstb")));
    }

    @Test
    void hotEventsRankItems() {
        // Submissions of other tests feed the same ranking: compare counts before and after, not ranks.
        // The hot list is cached for up to ~36 s per size: each read asks for a size not asked before.
        int fundBefore = hotCount(47, "HN-GJJ-ZFGJJTQ");
        int marriageBefore = hotCount(47, "HN-MZT-JHDJYY");
        for (int n = 0; n < 3; n++) {
            given().auth().oauth2(ADMIN).when().post("/api/v1/admin/catalog/items/HN-GJJ-ZFGJJTQ/hot-events").then().statusCode(204);
        }
        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/catalog/items/HN-MZT-JHDJYY/hot-events").then().statusCode(204);
        given().auth().oauth2(ADMIN).when().post("/api/v1/admin/catalog/items/NOPE/hot-events").then().statusCode(404);
        var hot = given().queryParam("limit", 46).when().get("/api/v1/catalog/hot").then().statusCode(200)
                .body("source", equalTo("RANKING")).extract().jsonPath();
        assertEquals(fundBefore + 3, hotCount(hot, "HN-GJJ-ZFGJJTQ"));
        assertEquals(marriageBefore + 1, hotCount(hot, "HN-MZT-JHDJYY"));
        List<Integer> counts = hot.getList("items.applications", Integer.class);
        assertEquals(counts.stream().sorted(java.util.Comparator.reverseOrder()).toList(), counts, "ranked by applications");
    }

    private static int hotCount(int limit, String code) {
        return hotCount(given().queryParam("limit", limit).when().get("/api/v1/catalog/hot").then().statusCode(200)
                .extract().jsonPath(), code);
    }

    /** The item's count in a RANKING list; 0 when absent or while the list is still the featured one. */
    private static int hotCount(io.restassured.path.json.JsonPath hot, String code) {
        if (!"RANKING".equals(hot.getString("source"))) {
            return 0;
        }
        Integer count = hot.get("items.find { it.code == '" + code + "' }.applications");
        return count == null ? 0 : count;
    }

    @Test
    void residentsAndAnonymousCallersCannotPublish() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().put("/api/v1/admin/catalog/departments/HN-X").then().statusCode(401);
        given().auth().oauth2(TestTokens.resident("r-1")).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().put("/api/v1/admin/catalog/departments/HN-X").then().statusCode(403);
    }

    private List<String> audited(String code) {
        try (Connection c = jdbc.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT action FROM audit_log WHERE target_type = 'service-item' AND target_id = ? ORDER BY id")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                List<String> actions = new java.util.ArrayList<>();
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
                assertTrue(!actions.isEmpty());
                return actions;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
