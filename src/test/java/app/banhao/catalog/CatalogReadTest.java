package app.banhao.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The resident's catalogue reads on the seeded catalogue. */
@QuarkusTest
class CatalogReadTest {

    @Test
    void chineseSubstringSearchFindsTheHygieneLicence() {
        given().queryParam("q", "卫生许可").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.code", equalTo(List.of("HN-WJW-GGCSWSXK")));
    }

    @Test
    void twoCharacterQueriesWork() {
        // Found through the guide text: 社保 is in no item name.
        given().queryParam("q", "社保").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.code", hasItems("HN-RST-SBKSL", "HN-GAT-XSEHK"));
        given().queryParam("q", "残疾").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.code", hasItems("HN-CLM-CJRZXB", "HN-CLM-CJRZHL"));
        given().queryParam("q", "结婚").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.code", hasItem("HN-MZT-JHDJYY"));
    }

    @Test
    void searchTreatsWildcardsLiterally() {
        given().queryParam("q", "%_").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void filtersCombine() {
        given().queryParam("crossProvince", true).queryParam("fullyOnline", true).queryParam("limit", 100)
                .when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.crossProvince", everyItem(equalTo(true)))
                .body("items.onlineDepth", everyItem(equalTo("FULLY_ONLINE")))
                .body("items.code", hasItems("HN-YBJ-YDJYBA", "HN-RST-SYDJ"))
                .body("items.code", not(hasItem("HN-GAT-XSEHK")));
        given().queryParam("instant", true).queryParam("department", "HN-YBJ")
                .when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.code", equalTo(List.of("HN-YBJ-YDJYBA")));
        given().queryParam("kind", "ADMINISTRATIVE_PAYMENT").when().get("/api/v1/catalog/items").then().statusCode(200)
                .body("items.kind", everyItem(equalTo("ADMINISTRATIVE_PAYMENT")))
                .body("items.code", hasItem("HN-MZT-GLJTSL"));
    }

    @Test
    void cursorPaginationWalksEveryItemOnce() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/catalog/items").then().statusCode(200).extract().response();
            List<String> codes = page.path("items.code");
            codes.forEach(code -> assertTrue(seen.add(code), "seen twice: " + code));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertTrue(seen.size() >= 20, "at least 20 seeded items, got " + seen.size());
        assertTrue(pages >= 3);
    }

    @Test
    void limitAboveOneHundredAndForeignCursorsAreRefused() {
        given().queryParam("limit", 101).when().get("/api/v1/catalog/items").then().statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").when().get("/api/v1/catalog/items").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void itemDetailCarriesTheWholeGuide() {
        given().when().get("/api/v1/catalog/items/HN-WJW-GGCSWSXK").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("公共场所卫生许可证核发"))
                .body("departmentName", equalTo("卫生健康委员会"))
                .body("instant", equalTo(true))
                .body("commitmentAllowed", equalTo(true))
                .body("formSchema.type", equalTo("object"))
                .body("materials.find { it.name == '营业执照' }.replaceableBy", equalTo("BUSINESS_LICENSE"))
                .body("materials.find { it.name == '从业人员健康合格证明' }.toleratedIfMissing", equalTo(true))
                .body("deliveryOptions", hasItem("POSTAL"))
                .body("conditions.size()", greaterThanOrEqualTo(2));
    }

    @Test
    void unknownItemIs404Problem() {
        given().when().get("/api/v1/catalog/items/NO-SUCH-ITEM").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void ifNoneMatchGives304() {
        String etag = given().when().get("/api/v1/catalog/items/HN-YBJ-YDJYBA").then().statusCode(200)
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/catalog/items/HN-YBJ-YDJYBA").then()
                .statusCode(304).header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"something-else\"").when().get("/api/v1/catalog/items/HN-YBJ-YDJYBA").then()
                .statusCode(200);
    }

    @Test
    void bundlesCarryTheirItemsAndMergedForm() {
        given().when().get("/api/v1/catalog/bundles").then().statusCode(200)
                .body("items.code", hasItems("NEWBORN", "BUSINESS_START", "PROPERTY_TRANSFER"))
                .body("items.find { it.code == 'BUSINESS_START' }.itemCodes.size()", equalTo(5));
        Response newborn = given().when().get("/api/v1/catalog/bundles/NEWBORN").then().statusCode(200)
                .body("items.code", equalTo(List.of("HN-WJW-CSYXZM", "HN-GAT-XSEHK", "HN-YBJ-CBDJ", "HN-RST-SBKSL")))
                .extract().response();
        // babyName is asked by three items and appears once, naming them all.
        List<String> users = newborn.path("mergedForm.properties.babyName.x-items");
        assertEquals(List.of("HN-WJW-CSYXZM", "HN-GAT-XSEHK", "HN-YBJ-CBDJ"), users);
        assertTrue(newborn.<List<String>>path("mergedForm.required").contains("motherIdNumber"));
        given().when().get("/api/v1/catalog/bundles/NOPE").then().statusCode(404);
    }

    @Test
    void departmentsArePaged() {
        Response first = given().queryParam("limit", 5).when().get("/api/v1/catalog/departments").then().statusCode(200)
                .body("items.size()", equalTo(5)).body("nextCursor", notNullValue()).extract().response();
        given().queryParam("limit", 100).queryParam("cursor", first.<String>path("nextCursor"))
                .when().get("/api/v1/catalog/departments").then().statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(3)).body("nextCursor", nullValue());
    }
}
