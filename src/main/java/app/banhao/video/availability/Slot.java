package app.banhao.video.availability;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One slot of an availability window: where it starts and ends and how many residents it takes. */
public record Slot(UUID availabilityId, String itemCode, OffsetDateTime start, OffsetDateTime end, int capacity) {
}
