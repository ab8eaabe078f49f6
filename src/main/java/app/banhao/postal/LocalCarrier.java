package app.banhao.postal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Local mode's stand-in carrier: accepts every order and issues a waybill number derived from the order number, so a
 * repeated call (at-least-once outbox) names the same parcel, as the real carrier must. Never outside local mode
 * ({@link Carriers}).
 */
final class LocalCarrier implements Carrier {

    static final String NAME = "LOCAL";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<String> createOrder(ParcelOrder order) {
        String waybill = waybillOf(order.logisticsOrderNo());
        Log.infof("Local carrier: order %s for %s is waybill %s", order.logisticsOrderNo(), order.applicationNo(), waybill);
        return Uni.createFrom().item(waybill);
    }

    /** "LC" and 11 digits from the order number: stable across retries, looks like a waybill. */
    static String waybillOf(String logisticsOrderNo) {
        long bits = UUID.nameUUIDFromBytes(logisticsOrderNo.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return "LC" + String.format("%011d", Math.floorMod(bits, 100_000_000_000L));
    }
}
