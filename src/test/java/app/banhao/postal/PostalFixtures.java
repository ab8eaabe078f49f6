package app.banhao.postal;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.OutboxSteps;
import io.restassured.http.ContentType;

/** Residents' postal deliveries as tests need them: an address in the book, a case of a postal item, the choice. */
public final class PostalFixtures {

    public static final String DETAIL = "芙蓉区五一大道 1 号 2 栋 301";
    public static final String ADDRESS = "{\"recipient\":\"张三丰\",\"phone\":\"13912345678\",\"regionCode\":\"430102\",\"detail\":\""
            + DETAIL + "\"}";

    private PostalFixtures() {
    }

    /** A department of its own whose one item may be posted. */
    public static ApplicationFixtures.Dept department() {
        return ApplicationFixtures.postalDepartment("P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }

    /** The id of a new address in {@code resident}'s book. */
    public static String address(String resident) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON).body(ADDRESS).post("/api/v1/me/addresses")
                .then().statusCode(201).extract().path("id");
    }

    /** A case of a new postal item, submitted, postal delivery chosen, accepted and approved; its number. */
    public static String approvedAfterChoosing(String resident) {
        var dept = department();
        String no = ApplicationFixtures.submitted(resident, dept.item());
        chosen(resident, no);
        ApplicationFixtures.act(dept.reviewer(), no, "accept", "{}").statusCode(200);
        ApplicationFixtures.act(dept.reviewer(), no, "approve", "{}").statusCode(200);
        return no;
    }

    public static String choice(String addressId) {
        return "{\"addressId\":\"" + addressId + "\"}";
    }

    /** Postal delivery chosen for {@code no} to a new address; the answer's body. */
    public static String chosen(String resident, String no) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON).body(choice(address(resident)))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(200).extract().asString();
    }

    /** The waybill of {@code no}'s delivery once the outbox has ordered it (waits up to 20 s). */
    public static String orderedWaybill(OutboxRelay relay, String resident, String no) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            OutboxSteps.drain(relay);
            var answer = given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                    .extract();
            if ("ORDERED".equals(answer.path("state")) || System.currentTimeMillis() > deadline) {
                return answer.path("waybillNo");
            }
            Thread.sleep(50);
        }
    }

    /** The kinds of {@code no}'s timeline once it has an entry reading {@code text} (the relay delivers late). */
    public static List<String> timelineOnceItHas(OutboxRelay relay, String resident, String no, String text)
            throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .extract().<List<String>>path("items.text").contains(text) && System.currentTimeMillis() < deadline) {
            OutboxSteps.drain(relay);
            Thread.sleep(100);
        }
        return given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items.text", org.hamcrest.Matchers.hasItem(text)).extract().path("items.kind");
    }
}
