package app.banhao.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Ranked search, type-ahead and "did you mean" on the seeded catalogue (issue 17). */
@QuarkusTest
class CatalogSearchTest {

    private static List<String> codes(String q) {
        return given().queryParam("q", q).when().get("/api/v1/catalog/items").then().statusCode(200)
                .extract().path("items.code");
    }

    @Test
    void theItemNamedByTheQueryComesFirstNotTheFirstByName() {
        // Before: 不动产转移登记（二手房） first (its guide mentions 营业执照), 企业设立登记（营业执照） third.
        assertEquals("HN-SCJ-QYSLDJ", codes("营业执照").get(0));
        // Before: 中小学招生入学报名 first (name order); 社保 is an alias of 社会保障卡申领.
        assertEquals("HN-RST-SBKSL", codes("社保").get(0));
    }

    @Test
    void guideMatchesStillComeAfterNameMatches() {
        List<String> found = codes("营业执照");
        assertTrue(found.contains("HN-ZRZY-BDCZYDJ"), "found through its materials or guide: " + found);
        assertTrue(found.indexOf("HN-SCJ-QYSLDJ") < found.indexOf("HN-ZRZY-BDCZYDJ"));
    }

    @Test
    void pinyinFullAndInitialsFindTheItem() {
        assertEquals("HN-SCJ-QYSLDJ", codes("yyzz").get(0));
        assertEquals("HN-RST-SBKSL", codes("shebao").get(0));
        assertEquals("HN-RST-SBKSL", codes("SheBao").get(0));
    }

    @Test
    void aTypoGetsTheClosestItemsAndDidYouMean() {
        given().queryParam("q", "yingyezhizao").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items[0].code", equalTo("HN-SCJ-QYSLDJ"))
                .body("didYouMean[0].name", equalTo("企业设立登记（营业执照）"))
                .body("nextCursor", nullValue());
        // A match leaves didYouMean out.
        given().queryParam("q", "营业执照").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("didYouMean", nullValue());
        given().queryParam("q", "zzzzqqqq").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void rankedPagesWalkTheMatchesOnceInRankOrder() {
        List<String> all = given().queryParam("q", "登记").queryParam("limit", 100).when().get("/api/v1/catalog/items")
                .then().statusCode(200).extract().path("items.code");
        assertTrue(all.size() > 6, "登记 is in many names: " + all);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", "登记").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/catalog/items").then().statusCode(200).extract().response();
            walked.addAll(page.path("items.code"));
            cursor = page.path("nextCursor");
        } while (cursor != null && walked.size() < 200);
        assertEquals(all, walked);
        // A browse cursor is not a position in a ranking.
        String browse = given().queryParam("limit", 2).when().get("/api/v1/catalog/items").then().statusCode(200)
                .extract().path("nextCursor");
        given().queryParam("q", "登记").queryParam("cursor", browse).when().get("/api/v1/catalog/items").then()
                .statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void filtersStillApplyToASearch() {
        given().queryParam("q", "登记").queryParam("department", "HN-GJJ").when().get("/api/v1/catalog/items").then()
                .statusCode(200).body("items.code", equalTo(List.of("HN-GJJ-JCDJ")));
    }

    @Test
    void suggestionsAreRankedCachedAndConditional() {
        Response first = given().queryParam("q", "yyzz").when().get("/api/v1/catalog/suggestions").then().statusCode(200)
                .header("ETag", notNullValue()).header("Cache-Control", "no-cache")
                .body("items[0].code", equalTo("HN-SCJ-QYSLDJ")).body("items[0].name", equalTo("企业设立登记（营业执照）"))
                .body("items.size()", lessThanOrEqualTo(10)).extract().response();
        given().queryParam("q", "yyzz").header("If-None-Match", first.header("ETag"))
                .when().get("/api/v1/catalog/suggestions").then().statusCode(304);
        given().queryParam("q", "登记").queryParam("limit", 3).when().get("/api/v1/catalog/suggestions").then()
                .statusCode(200).body("items.size()", equalTo(3));
        given().queryParam("q", "身分证").when().get("/api/v1/catalog/suggestions").then().statusCode(200)
                .body("items.code", hasItem("HN-GAT-SFZHL"));
        given().queryParam("q", "登记").queryParam("limit", 11).when().get("/api/v1/catalog/suggestions").then()
                .statusCode(422);
        given().when().get("/api/v1/catalog/suggestions").then().statusCode(422);
        // Spaces alone are nothing typed (the fuzzer found them answered 200).
        given().queryParam("q", "  ").when().get("/api/v1/catalog/suggestions").then().statusCode(422)
                .body("errors[0].field", equalTo("q"));
    }
}
