package app.banhao.postal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.events.OutboxRelay;
import app.banhao.testing.Logins;
import app.banhao.testing.OutboxSteps;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * A carrier that fails delays the order, never loses it: the outbox retries the dispatch with its backoff until the
 * carrier takes it, and the case gets exactly one order and one waybill.
 */
@QuarkusTest
class CarrierOutageTest {

    @Inject
    OutboxRelay relay;

    /** Refuses the first {@code failures} calls per order, then answers a waybill; counts every call. */
    static final class FlakyCarrier implements Carrier {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final int failures;

        FlakyCarrier(int failures) {
            this.failures = failures;
        }

        @Override
        public String name() {
            return "EMS";
        }

        @Override
        public Uni<String> createOrder(ParcelOrder order) {
            int n = calls.computeIfAbsent(order.applicationNo(), k -> new AtomicInteger()).incrementAndGet();
            return n <= failures ? Uni.createFrom().failure(ApiException.retryAfter(PostalErrors.CARRIER_UNAVAILABLE, 60))
                    : Uni.createFrom().item("1150000000001");
        }

        @Override
        public Uni<Void> cancelOrder(String logisticsOrderNo, String waybillNo, String reason) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<java.util.List<Trace>> track(String waybillNo) {
            return Uni.createFrom().item(java.util.List.of());
        }

        @Override
        public Uni<byte[]> label(String waybillNo) {
            return Uni.createFrom().item(new byte[0]);
        }
    }

    @Test
    void aCarrierDownForTwoCallsGetsTheOrderOnTheThird() throws Exception {
        FlakyCarrier carrier = new FlakyCarrier(2);
        QuarkusMock.installMockForType(carrier, Carrier.class);
        String resident = Logins.newResidentToken();
        String no = PostalFixtures.approvedAfterChoosing(resident);

        long deadline = System.currentTimeMillis() + 20_000;
        String state;
        do {
            OutboxSteps.drain(relay);
            Thread.sleep(50);
            state = given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                    .extract().path("state");
        } while (!"ORDERED".equals(state) && System.currentTimeMillis() < deadline);

        given().auth().oauth2(resident).get("/api/v1/applications/" + no + "/delivery").then().statusCode(200)
                .body("state", equalTo("ORDERED")).body("carrier", equalTo("EMS")).body("waybillNo", equalTo("1150000000001"));
        assertEquals(3, carrier.calls.get(no).get(), "two refusals, then the order");
    }
}
