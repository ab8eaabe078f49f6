package app.banhao.video.appointment;

import java.time.LocalDate;

import jakarta.ws.rs.core.Response;

import app.banhao.api.AppointmentSlotsApi;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.cache.HttpCaching;
import app.banhao.video.availability.SlotCache;
import io.smallrye.mutiny.Uni;

/** The public slot listing: cached per department, day and item (DESIGN.md §8), conditional (ETag / 304). */
public class SlotsResource implements AppointmentSlotsApi {

    private final CacheAside cache;
    private final SlotQueries slots;

    public SlotsResource(CacheAside cache, SlotQueries slots) {
        this.cache = cache;
        this.slots = slots;
    }

    @Override
    public Uni<Response> listVideoSlots(String code, LocalDate date, String itemCode, String ifNoneMatch) {
        String key = CacheAside.digestKey("day", date, itemCode);
        return cache.get(SlotCache.namespace(code), key, SlotCache.TTL, () -> slots.day(code, date, itemCode))
                .map(json -> HttpCaching.respond(json, ifNoneMatch));
    }
}
