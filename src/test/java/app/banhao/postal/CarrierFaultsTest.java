package app.banhao.postal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The real EMS adapter against the fake platform, through the outbox and the sweep: a carrier down, slow, refusing or
 * answering after it created the order delays parcels but never loses one or makes two; every approved request ends as
 * exactly one carrier order, with the waybill the carrier gave it.
 */
@QuarkusTest
class CarrierFaultsTest {

    private static final Duration FAR = Duration.ofDays(365);

    @Inject
    OutboxRelay relay;

    @Inject
    PostalReconciliation sweep;

    @Inject
    WebClient http;

    private final FakeEmsPlatform ems = new FakeEmsPlatform();

    @AfterEach
    void stop() {
        ems.close();
    }

    /** A resident's case: the token and the application number. */
    record Case(String resident, String no) {
        Map<String, Object> delivery() {
            return given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                    .extract().as(Map.class);
        }
    }

    @Test
    void ordersWaitWhileTheCarrierIsDownAndAllGoOutOnceWhenItReturns() throws Exception {
        QuarkusMock.installMockForType(ems.carrier(http, Duration.ofSeconds(2)), Carrier.class);
        ems.down(true);
        List<Case> cases = approved(3);
        // The relay tries (and, with the tests' three attempts, gives up) while the carrier is down.
        long until = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < until) {
            OutboxSteps.drain(relay);
            Thread.sleep(100);
        }
        for (Case c : cases) {
            assertEquals("REQUESTED", c.delivery().get("state"), "waits while the carrier is down");
        }
        assertEquals(0, ems.parcels().size());

        ems.down(false);
        allOrdered(cases);
        assertOneParcelEach(cases);
    }

    @Test
    void aSlowAndRefusingCarrierStillGetsTheOrderOnce() throws Exception {
        QuarkusMock.installMockForType(ems.carrier(http, Duration.ofSeconds(2)), Carrier.class);
        ems.delay(300).refuseNext(2);
        List<Case> cases = approved(1);
        allOrdered(cases);
        assertOneParcelEach(cases);
        assertTrue(ems.calls() >= 3, "refused twice, then ordered: " + ems.calls());
    }

    @Test
    void aRetryAfterATimeoutNamesTheParcelTheCarrierAlreadyCreated() throws Exception {
        QuarkusMock.installMockForType(ems.carrier(http, Duration.ofMillis(500)), Carrier.class);
        ems.answerLate(1, 2_000);
        List<Case> cases = approved(1);
        allOrdered(cases);
        assertOneParcelEach(cases);
        assertTrue(ems.createCalls() >= 2, "created, timed out, sent again: " + ems.createCalls());
    }

    @Test
    void everyApprovedRequestEndsAsExactlyOneCarrierOrder() throws Exception {
        QuarkusMock.installMockForType(ems.carrier(http, Duration.ofMillis(500)), Carrier.class);
        ems.refuseNext(3).answerLate(2, 1_500);
        List<Case> cases = approved(5);
        allOrdered(cases);
        assertOneParcelEach(cases);
    }

    private static List<Case> approved(int n) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String resident = Logins.newResidentToken();
            cases.add(new Case(resident, PostalFixtures.approvedAfterChoosing(resident)));
        }
        return cases;
    }

    /** Relays and sweeps (waiting requests sent again at once) until every case is ORDERED, or 60 s. */
    private void allOrdered(List<Case> cases) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            OutboxSteps.drain(relay);
            OutboxSteps.await(() -> sweep.run(Duration.ZERO, FAR));
            if (cases.stream().allMatch(c -> "ORDERED".equals(c.delivery().get("state")))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not all ordered: " + cases.stream().map(c -> c.delivery().get("state")).toList());
    }

    /** Each case's delivery is one parcel at the carrier, under its own order number, with the waybill we show. */
    private void assertOneParcelEach(List<Case> cases) {
        var waybills = new HashSet<String>();
        for (Case c : cases) {
            Map<String, Object> d = c.delivery();
            assertEquals("EMS", d.get("carrier"));
            assertEquals(ems.parcels().get(d.get("id")), d.get("waybillNo"), "the carrier's parcel for order " + d.get("id"));
            waybills.add((String) d.get("waybillNo"));
        }
        assertEquals(cases.size(), waybills.size(), "one parcel per case");
    }
}
