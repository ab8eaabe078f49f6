package app.banhao.rating.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.DepartmentRatingRank;
import app.banhao.api.model.DepartmentRatingRanking;
import app.banhao.api.model.DepartmentRatingStats;
import app.banhao.api.model.ItemRatingFigures;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.cache.CachedJson;
import app.banhao.platform.time.BusinessClock;
import app.banhao.rating.RatingCache;
import app.banhao.rating.RatingSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The public figures (好差评 公开): per department and per item for a month, and the departments' ranking, read from
 * Redis (cache-aside, refreshed by every change that moves them). A closed month is kept as first published after it
 * closed ({@link MonthFigures}), so it stays what the public saw.
 */
@ApplicationScoped
public class RatingStatsService {

    private final MonthTallies tallies;
    private final ItemCatalog catalog;
    private final CacheAside cache;
    private final RatingSettings settings;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public RatingStatsService(MonthTallies tallies, ItemCatalog catalog, CacheAside cache, RatingSettings settings,
            ObjectMapper json, BusinessClock clock) {
        this.tallies = tallies;
        this.catalog = catalog;
        this.cache = cache;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public Uni<CachedJson> ranking(String period) {
        String month = month(period);
        return cache.get(RatingCache.NAMESPACE, "ranking:" + month, settings.figuresTtl(), () -> Panache.withSession(() -> kept(month, "ranking", () -> rank(month))));
    }

    public Uni<CachedJson> department(String code, String period) {
        String month = month(period);
        return cache.get(RatingCache.NAMESPACE, "department:" + code + ":" + month, settings.figuresTtl(),
                () -> Panache.withSession(() -> kept(month, "department:" + code, () -> figuresOf(code, month))));
    }

    private String month(String period) {
        return period == null ? YearMonth.now(clock.clock().withZone(BusinessClock.ZONE)).toString() : period;
    }

    private Uni<DepartmentRatingRanking> rank(String month) {
        return Panache.getSession().chain(s -> tallies.count(s, month, null)).chain(counted -> {
            List<DepartmentRatingRank> ranks = new ArrayList<>();
            counted.tallies().forEach((code, items) -> ranks.add(new DepartmentRatingRank().departmentCode(code)
                    .figures(MonthTallies.total(items).figures())));
            // The public's ranking: satisfaction first, then the number of ratings behind it, then the code (stable).
            ranks.sort(Comparator.<DepartmentRatingRank, Double>comparing(r -> r.getFigures().getSatisfactionRate(),
                    Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(r -> r.getFigures().getRatings(), Comparator.reverseOrder())
                    .thenComparing(DepartmentRatingRank::getDepartmentCode));
            for (int i = 0; i < ranks.size(); i++) {
                ranks.get(i).rank(i + 1);
            }
            return named(ranks, counted, 0).replaceWith(new DepartmentRatingRanking().period(month).departments(ranks));
        });
    }

    /** Fills in each department's name from the catalogue (through one of its rated items), one after the other. */
    private Uni<Void> named(List<DepartmentRatingRank> ranks, MonthTallies.ByDepartment counted, int index) {
        if (index == ranks.size()) {
            return Uni.createFrom().voidItem();
        }
        DepartmentRatingRank rank = ranks.get(index);
        return departmentName(counted.tallies().get(rank.getDepartmentCode()))
                .invoke(rank::departmentName).chain(() -> named(ranks, counted, index + 1));
    }

    private Uni<String> departmentName(Map<String, Tally> items) {
        String item = items.keySet().stream().filter(code -> !code.isEmpty()).findFirst().orElse(null);
        return item == null ? Uni.createFrom().nullItem()
                : catalog.any(item).map(found -> found == null ? null : found.departmentName());
    }

    private Uni<DepartmentRatingStats> figuresOf(String code, String month) {
        return Panache.getSession().chain(s -> tallies.count(s, month, code)).chain(counted -> {
            Map<String, Tally> items = counted.tallies().getOrDefault(code, Map.of());
            List<ItemRatingFigures> perItem = new ArrayList<>();
            items.forEach((item, t) -> perItem.add(new ItemRatingFigures().itemCode(item)
                    .itemName(counted.itemNames().get(item)).figures(t.figures())));
            return departmentName(items).map(name -> new DepartmentRatingStats().period(month).departmentCode(code)
                    .departmentName(name).figures(MonthTallies.total(items).figures()).items(perItem));
        });
    }

    /**
     * Inside the loader's session: the figures of {@code month}: computed while it runs; once closed, as recorded the first time they were asked
     * for after it closed (recorded then, by whichever node asked first).
     */
    private Uni<Object> kept(String month, String scope, Supplier<Uni<?>> compute) {
        if (!YearMonth.parse(month).isBefore(YearMonth.now(clock.clock().withZone(BusinessClock.ZONE)))) {
            return compute.get().map(figures -> figures);
        }
        MonthFigures.Key key = new MonthFigures.Key(month, scope);
        return Panache.getSession().chain(s -> s.find(MonthFigures.class, key)).chain(stored -> {
            if (stored != null) {
                return Uni.createFrom().item(read(stored.figures));
            }
            return compute.get().chain(figures -> record(key, figures).replaceWith(figures));
        });
    }

    private Uni<Void> record(MonthFigures.Key key, Object figures) {
        MonthFigures row = new MonthFigures();
        row.id = key;
        row.recordedAt = clock.now();
        try {
            row.figures = json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.persist(row))).replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    // Another node recorded the month first: its row is the month's figures from now on.
                    Log.debugf("Month figures %s already recorded: %s", key, e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private Object read(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Month figures are not JSON", e);
        }
    }
}
