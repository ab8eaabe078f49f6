package app.banhao.postal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import app.banhao.platform.pdf.MinimalPdf;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Local mode's stand-in carrier: accepts every order and issues a waybill number derived from the order number, so a
 * repeated call (at-least-once outbox) names the same parcel, as the real carrier must. It knows no tracking (a local
 * walk-through pushes tracking through the signed webhook) and prints a one-line label. Never outside local mode
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

    @Override
    public Uni<Void> cancelOrder(String logisticsOrderNo, String waybillNo, String reason) {
        Log.infof("Local carrier: order %s (%s) cancelled: %s", logisticsOrderNo, waybillNo, reason);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<List<Trace>> track(String waybillNo) {
        return Uni.createFrom().item(List.of());
    }

    @Override
    public Uni<byte[]> label(String waybillNo) {
        return Uni.createFrom().item(labelPdf(waybillNo));
    }

    /** "LC" and 11 digits from the order number: stable across retries, looks like a waybill. */
    static String waybillOf(String logisticsOrderNo) {
        long bits = UUID.nameUUIDFromBytes(logisticsOrderNo.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return "LC" + String.format("%011d", Math.floorMod(bits, 100_000_000_000L));
    }

    /** A one-page PDF reading "WAYBILL <no>": enough to show the label path end to end. */
    static byte[] labelPdf(String waybillNo) {
        String text = "BT /F1 24 Tf 40 100 Td (WAYBILL " + waybillNo.replaceAll("[^A-Za-z0-9]", "") + ") Tj ET";
        return MinimalPdf.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 283 425] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    }
}
