package app.banhao.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The relevance set (src/test/resources/search/relevance.tsv): queries residents type — Chinese, synonyms,
 * pinyin full and initials, one-character typos — against the seeded catalogue, each with the item that must
 * come first. Fails below {@link #REQUIRED_TOP1} top-1 and names every miss.
 */
@QuarkusTest
class SearchRelevanceTest {

    static final double REQUIRED_TOP1 = 0.9;

    record Case(String query, String expected, String kind) {
    }

    @Test
    void residentsFindWhatTheyMean() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 40, "the set holds at least 40 queries");
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            List<String> codes = given().queryParam("q", c.query()).queryParam("limit", 5)
                    .when().get("/api/v1/catalog/items").then().statusCode(200).extract().path("items.code");
            String first = codes.isEmpty() ? "(nothing)" : codes.get(0);
            if (!first.equals(c.expected())) {
                misses.add(String.format("%s [%s]: expected %s first, got %s", c.query(), c.kind(), c.expected(), codes));
            }
        }
        double top1 = 1.0 - (double) misses.size() / cases.size();
        System.out.printf("Search relevance: top-1 %.1f%% of %d queries; misses:%n  %s%n", top1 * 100, cases.size(),
                misses.isEmpty() ? "none" : String.join("\n  ", misses));
        assertTrue(top1 >= REQUIRED_TOP1, String.format("top-1 %.1f%% < %.0f%%; misses:%n  %s", top1 * 100,
                REQUIRED_TOP1 * 100, String.join("\n  ", misses)));
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = SearchRelevanceTest.class.getResourceAsStream("/search/relevance.tsv")) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                cases.add(new Case(cols[0], cols[1], cols.length > 2 ? cols[2] : ""));
            }
            return cases;
        }
    }
}
