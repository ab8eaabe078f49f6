package app.banhao.wallet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.privacy.Masks;
import app.banhao.testing.Logins;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** 免提交: a draft lists what the wallet can cover; submitting reads each certificate as it is then, or refuses it. */
@QuarkusTest
class WalletMaterialsTest {

    @Inject
    AgroalDataSource db;

    private static String department() {
        return "WM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aDraftListsTheMaterialsTheWalletCanCover() {
        String resident = Logins.newResidentToken();
        WalletFixtures.verify(resident, "钱七");
        String id = WalletFixtures.issued(resident, department()).getString("items[0].id");
        var item = ApplicationFixtures.department(false).item();
        String no = given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"itemCode\":\"" + item + "\"}")
                .post("/api/v1/applications").then().statusCode(201)
                .body("walletMaterials", hasSize(1)).body("walletMaterials[0].name", equalTo("身份证"))
                .body("walletMaterials[0].certificateId", equalTo(id)).body("walletMaterials[0].certificateType", equalTo(WalletFixtures.TYPE))
                .extract().path("applicationNo");
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200)
                .body("walletMaterials.certificateId", hasItem(id));
        // The draft's first timeline entry names the verified resident by their masked name.
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/timeline").then().statusCode(200)
                .body("items[0].actorKind", equalTo("RESIDENT")).body("items[0].actorName", equalTo(Masks.name("钱七")));
        // Nothing in the wallet, nothing covered; a resident without a verified name is named by their masked phone.
        String phone = Logins.newPhone();
        String empty = Logins.resident(phone).getString("accessToken");
        String unnamed = given().auth().oauth2(empty).contentType(ContentType.JSON).body("{\"itemCode\":\"" + item + "\"}")
                .post("/api/v1/applications").then().statusCode(201).body("walletMaterials", hasSize(0)).extract().path("applicationNo");
        given().auth().oauth2(empty).get("/api/v1/applications/" + unnamed + "/timeline").then().statusCode(200)
                .body("items[0].actorName", equalTo(Masks.phone(phone)));
    }

    /** A certificate whose last valid day has passed still says VALID in its row until the expiry job runs: not listed. */
    @Test
    void aCertificatePastItsLastValidDayIsNotListed() throws Exception {
        String resident = Logins.newResidentToken();
        WalletFixtures.verify(resident, "孙八");
        String id = WalletFixtures.issued(resident, department()).getString("items[0].id");
        var item = ApplicationFixtures.department(false).item();
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"itemCode\":\"" + item + "\"}")
                .post("/api/v1/applications").then().statusCode(201).body("walletMaterials.certificateId", hasItem(id));
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE wallet_certificate SET valid_to = current_date - 1 WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"itemCode\":\"" + item + "\"}")
                .post("/api/v1/applications").then().statusCode(201).body("walletMaterials", hasSize(0));
    }

    @Test
    void aCertificateSuspendedAfterItWasReferencedIsRefusedAtSubmission() {
        String resident = Logins.newResidentToken();
        WalletFixtures.verify(resident, "孙八");
        String issuer = department();
        String id = WalletFixtures.issued(resident, issuer).getString("items[0].id");
        var item = ApplicationFixtures.department(false).item();
        String no = ApplicationFixtures.draft(resident, item).getString("applicationNo");
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"name\":\"身份证\",\"kind\":\"CERTIFICATE\",\"certificateId\":\"" + id + "\"}")
                .post("/api/v1/applications/" + no + "/material-references").then().statusCode(201);
        ApplicationFixtures.upload(resident, no, "申请书", ApplicationFixtures.PDF, "form.pdf");
        String reviewer = ApplicationFixtures.issuingDepartment(issuer, WalletFixtures.TYPE).reviewer();
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"status\":\"SUSPENDED\",\"reason\":\"核查中\"}")
                .post("/api/v1/staff/certificates/" + id + "/status").then().statusCode(200);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + no + "/submit").then().statusCode(422)
                .body("code", equalTo("CERTIFICATE_NOT_USABLE")).body("errors[0].field", equalTo("materials[身份证]"));
        given().auth().oauth2(resident).get("/api/v1/applications/" + no).then().statusCode(200).body("state", equalTo("DRAFT"));
        given().auth().oauth2(resident).get("/api/v1/me/data-usage").then().statusCode(200)
                .body("items.channel", org.hamcrest.Matchers.not(hasItem("MATERIAL")));
    }
}
