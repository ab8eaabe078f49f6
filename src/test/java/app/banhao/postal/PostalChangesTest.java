package app.banhao.postal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The resident changes the address or cancels until the courier has the parcel: an order the carrier holds is cancelled
 * there (and, for a new address, placed again under the next order number); afterwards 409 PARCEL_PICKED_UP.
 */
@QuarkusTest
class PostalChangesTest {

    @Inject
    OutboxRelay relay;

    @Inject
    WebClient http;

    @TestHTTPResource("/")
    URI root;

    private final FakeEmsPlatform ems = new FakeEmsPlatform();

    @BeforeEach
    void carrier() {
        QuarkusMock.installMockForType(ems.carrier(http, Duration.ofSeconds(2)), Carrier.class);
    }

    @AfterEach
    void stop() {
        ems.close();
    }

    @Test
    void aNewAddressAfterOrderingCancelsTheOrderAndPlacesANewOne() throws Exception {
        String resident = Logins.newResidentToken();
        String no = PostalFixtures.approvedAfterChoosing(resident);
        String first = PostalFixtures.orderedWaybill(relay, resident, no);
        String id = delivery(resident, no).extract().path("id");

        given().auth().oauth2(resident).contentType(ContentType.JSON).body(PostalFixtures.choice(PostalFixtures.address(resident)))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(200).body("state", equalTo("REQUESTED"));

        assertEquals(List.of(id), ems.cancelled());
        String second = PostalFixtures.orderedWaybill(relay, resident, no);
        assertNotEquals(first, second);
        assertEquals(second, ems.parcels().get(id + "-1"), "the new order under the next order number");
    }

    @Test
    void cancellingAnOrderedParcelCancelsItAtTheCarrierAndOnTheTimeline() throws Exception {
        String resident = Logins.newResidentToken();
        String no = PostalFixtures.approvedAfterChoosing(resident);
        String waybill = PostalFixtures.orderedWaybill(relay, resident, no);
        String id = delivery(resident, no).extract().path("id");

        cancel(resident, no).statusCode(200).body("state", equalTo("CANCELLED"));
        cancel(resident, no).statusCode(200).body("state", equalTo("CANCELLED"));

        assertEquals(List.of(id), ems.cancelled(), "cancelled at the carrier once");
        PostalFixtures.timelineOnceItHas(relay, resident, no, "已取消邮政寄递（运单号 " + waybill + "）");
        // A cancelled delivery is not posted, nor re-chosen after the result.
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(PostalFixtures.choice(PostalFixtures.address(resident)))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(409).body("code", equalTo("DELIVERY_TOO_LATE"));
    }

    @Test
    void onceThePostmanHasItChangesAre409WithTheState() throws Exception {
        String resident = Logins.newResidentToken();
        String no = PostalFixtures.approvedAfterChoosing(resident);
        String waybill = PostalFixtures.orderedWaybill(relay, resident, no);
        assertEquals(List.of(200), ems.pushCourse(root.toString().replaceAll("/$", ""), waybill, false, 0));

        cancel(resident, no).statusCode(409).body("code", equalTo("PARCEL_PICKED_UP")).body("detail", containsString("PICKED_UP"))
                .body("title", equalTo("邮件已揽收"));
        given().auth().oauth2(resident).contentType(ContentType.JSON).body(PostalFixtures.choice(PostalFixtures.address(resident)))
                .put("/api/v1/applications/" + no + "/delivery").then().statusCode(409).body("code", equalTo("PARCEL_PICKED_UP"));
        delivery(resident, no).body("state", equalTo("PICKED_UP"));
    }

    @Test
    void aCarrierThatCannotCancelChangesNothing() throws Exception {
        String resident = Logins.newResidentToken();
        String no = PostalFixtures.approvedAfterChoosing(resident);
        PostalFixtures.orderedWaybill(relay, resident, no);
        ems.down(true);

        cancel(resident, no).statusCode(503).body("code", equalTo("CARRIER_UNAVAILABLE"));

        delivery(resident, no).body("state", equalTo("ORDERED"));
    }

    @Test
    void beforeTheResultCancellingAndChoosingAgainNeedNoCarrier() {
        String resident = Logins.newResidentToken();
        String no = ApplicationFixtures.draft(resident, PostalFixtures.department().item()).getString("applicationNo");
        PostalFixtures.chosen(resident, no);

        cancel(resident, no).statusCode(200).body("state", equalTo("CANCELLED")).body("waybillNo", equalTo(null));
        PostalFixtures.chosen(resident, no);
        delivery(resident, no).body("state", equalTo("AWAITING_RESULT"));
        assertEquals(List.of(), ems.cancelled());
        given().auth().oauth2(Logins.newResidentToken()).delete("/api/v1/applications/" + no + "/delivery").then()
                .statusCode(404).body("code", not(equalTo("PARCEL_PICKED_UP")));
    }

    private static ValidatableResponse cancel(String resident, String no) {
        return given().auth().oauth2(resident).delete("/api/v1/applications/" + no + "/delivery").then();
    }

    private static ValidatableResponse delivery(String resident, String no) {
        return given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200);
    }
}
