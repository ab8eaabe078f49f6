package app.banhao.postal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Tracking from the fake EMS platform: pushes duplicated and out of order move a parcel forward once per step; pushes
 * lost altogether are made good by the sweep's tracking query, through the same code.
 */
@QuarkusTest
class PostalReconciliationTest {

    private static final Duration FAR = Duration.ofDays(365);

    @Inject
    OutboxRelay relay;

    @Inject
    PostalReconciliation sweep;

    @Inject
    WebClient http;

    @TestHTTPResource("/")
    URI root;

    private final FakeEmsPlatform ems = new FakeEmsPlatform();

    @AfterEach
    void stop() {
        ems.close();
    }

    @Test
    void duplicatedAndOutOfOrderPushesMoveTheParcelForwardOncePerStep() throws Exception {
        QuarkusMock.installMockForType(ems.carrier(http, Duration.ofSeconds(2)), Carrier.class);
        String resident = Logins.newResidentToken();
        String no = PostalFixtures.approvedAfterChoosing(resident);
        String waybill = PostalFixtures.orderedWaybill(relay, resident, no);

        // Picked up, out for delivery, then the in-transit record late, then delivered; every push twice.
        List<Integer> statuses = ems.pushCourse(root.toString().replaceAll("/$", ""), waybill, true, 0, 2, 1, 3);

        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), statuses);
        List<String> kinds = deliveredTimeline(resident, no, waybill);
        assertEquals(1, count(kinds, "PARCEL_PICKED_UP"), kinds.toString());
        assertEquals(1, count(kinds, "PARCEL_OUT_FOR_DELIVERY"), kinds.toString());
        assertEquals(0, count(kinds, "PARCEL_IN_TRANSIT"), kinds.toString());
        assertEquals(1, count(kinds, "PARCEL_DELIVERED"), kinds.toString());
    }

    @Test
    void aParcelWhosePushesWereLostIsBroughtUpToDateByTheSweepsQuery() throws Exception {
        QuarkusMock.installMockForType(ems.carrier(http, Duration.ofSeconds(2)), Carrier.class);
        String resident = Logins.newResidentToken();
        String no = PostalFixtures.approvedAfterChoosing(resident);
        String waybill = PostalFixtures.orderedWaybill(relay, resident, no);
        ems.progress(waybill, 3);

        // Not quiet long enough yet: no query.
        OutboxSteps.await(() -> sweep.run(FAR, FAR));
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().body("state", equalTo("ORDERED"));

        OutboxSteps.await(() -> sweep.run(FAR, Duration.ZERO));
        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().body("state", equalTo("DELIVERED"));
        List<String> kinds = deliveredTimeline(resident, no, waybill);
        assertEquals(1, count(kinds, "PARCEL_IN_TRANSIT"), kinds.toString());
        // Asked again: the same records are repeats, nothing new on the timeline.
        OutboxSteps.await(() -> sweep.run(FAR, Duration.ZERO));
        OutboxSteps.drain(relay);
        assertEquals(kinds, deliveredTimeline(resident, no, waybill));
    }

    private List<String> deliveredTimeline(String resident, String no, String waybill) throws Exception {
        return PostalFixtures.timelineOnceItHas(relay, resident, no, "邮件已妥投，运单号 " + waybill + "，签收人：本人");
    }

    private static long count(List<String> kinds, String kind) {
        return kinds.stream().filter(kind::equals).count();
    }
}
