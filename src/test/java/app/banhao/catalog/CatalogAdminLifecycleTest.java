package app.banhao.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.banhao.platform.security.TokenClaims;
import app.banhao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Departments, bundles and news are created, then retired, and readers stop seeing them at once. */
@QuarkusTest
class CatalogAdminLifecycleTest {

    private static final String ADMIN = TestTokens.staff("admin-2", "HN-ZWFW", TokenClaims.ADMIN);

    /** Every page of the public list: other tests add departments of their own. */
    private static List<String> departmentCodes() {
        List<String> codes = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = (cursor == null ? given() : given().queryParam("cursor", cursor)).queryParam("limit", 100)
                    .when().get("/api/v1/catalog/departments").then().statusCode(200).extract().jsonPath();
            codes.addAll(page.getList("items.code", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return codes;
    }

    @Test
    void aDepartmentIsCreatedAndRetired() {
        String code = "T-DEPT-" + System.nanoTime() % 100000;
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"测试局\",\"description\":\"用于测试\"}")
                .when().put("/api/v1/admin/catalog/departments/" + code).then().statusCode(201);
        assertTrue(departmentCodes().contains(code));
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"")
                .when().delete("/api/v1/admin/catalog/departments/" + code).then().statusCode(204);
        assertFalse(departmentCodes().contains(code));
    }

    @Test
    void aBundleIsCreatedAndRetired() {
        String code = "T-BUNDLE-" + System.nanoTime() % 100000;
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"测试一件事\",\"description\":\"两项合并\",\"promisedDays\":5,"
                        + "\"itemCodes\":[\"HN-SCJ-GTGSHSL\",\"HN-WJW-GGCSWSXK\"]}")
                .when().put("/api/v1/admin/catalog/bundles/" + code).then().statusCode(201);
        given().when().get("/api/v1/catalog/bundles/" + code).then().statusCode(200);
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"")
                .when().delete("/api/v1/admin/catalog/bundles/" + code).then().statusCode(204);
        given().when().get("/api/v1/catalog/bundles/" + code).then().statusCode(404);
    }

    @Test
    void newsIsPublishedAndRetired() {
        String id = "t-news-" + System.nanoTime() % 100000;
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"测试政策解读\",\"summary\":\"摘要\",\"source\":\"测试\",\"publishedAt\":\"2026-11-22T03:00:00Z\"}")
                .when().put("/api/v1/admin/home/news/" + id).then().statusCode(201);
        given().when().get("/api/v1/home").then().statusCode(200).body("news.id", hasItem(id));
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"")
                .when().delete("/api/v1/admin/home/news/" + id).then().statusCode(204);
        given().when().get("/api/v1/home").then().statusCode(200).body("news.id", not(hasItem(id)));
    }

    @Test
    void aDateTimeWithoutSecondsIsRefusedAsTheContractSays() {
        // RFC 3339 needs seconds and an offset; Jackson alone took "13:28Z" (the fuzzer found it answered 201).
        for (String when : new String[] { "2026-10-19T13:28Z", "2026-10-19T13:28:00", "2026-02-30T08:00:00Z" }) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body("{\"title\":\"时间格式\",\"summary\":\"摘要\",\"source\":\"测试\",\"publishedAt\":\"" + when + "\"}")
                    .when().put("/api/v1/admin/home/news/t-when-" + System.nanoTime() % 100000).then().statusCode(400)
                    .body("errors[0].field", equalTo("publishedAt")).body("errors[0].code", equalTo("INVALID_DATE_TIME"));
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"时间格式\",\"summary\":\"摘要\",\"source\":\"测试\",\"publishedAt\":\"2026-10-19T13:28:00.5+08:00\"}")
                .when().put("/api/v1/admin/home/news/t-when-" + System.nanoTime() % 100000).then().statusCode(201);
    }
}
