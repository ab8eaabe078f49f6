package app.banhao.postal;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import app.banhao.application.ApplicationFixtures;
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
}
