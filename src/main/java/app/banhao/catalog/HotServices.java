package app.banhao.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.HotItem;
import app.banhao.api.model.HotList;
import app.banhao.platform.cache.RedisAvailability;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.smallrye.mutiny.Uni;

/**
 * The hot-service ranking (热门服务): one Redis sorted set per day (Asia/Shanghai) counting applications per
 * item, kept 8 days; the ranking is the union of the last 7. The counts are derived data: the
 * applications themselves live in PostgreSQL, so losing Redis loses nothing that matters, and readers
 * then get the administrators' featured items instead.
 *
 * <p>The applications feature calls {@link #recordApplication(String)} once per submitted application.
 */
@ApplicationScoped
public class HotServices {

    public static final int WINDOW_DAYS = 7;
    private static final Duration KEEP = Duration.ofDays(WINDOW_DAYS + 1);
    /** One hash tag for all days, so the union runs on one Redis Cluster node. */
    private static final String KEY_PREFIX = "banhao:{catalog-hot}:day:";

    private final ReactiveSortedSetCommands<String, String> ranking;
    private final ReactiveRedisDataSource redis;
    private final RedisAvailability availability;
    private final ServiceItemRepository items;
    private final BusinessClock clock;

    public HotServices(ReactiveRedisDataSource redis, RedisAvailability availability, ServiceItemRepository items, BusinessClock clock) {
        this.clock = clock;
        this.redis = redis;
        this.ranking = redis.sortedSet(String.class);
        this.availability = availability;
        this.items = items;
    }

    /**
     * Counts one application of {@code itemCode} today. Never fails: true when counted, false when Redis is
     * unavailable (the submission must not fail because a ranking could not be updated).
     */
    public Uni<Boolean> recordApplication(String itemCode) {
        String key = dayKey(clock.today());
        return availability.guard(ranking.zincrby(key, 1, itemCode)
                .chain(() -> redis.key().pexpire(key, KEEP)))
                .replaceWith(Boolean.TRUE)
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Hot ranking not updated for %s: %s", itemCode, e.toString());
                    return Boolean.FALSE;
                });
    }

    /** The top {@code limit} active items of the last 7 days, or the featured items when there is no ranking. */
    @WithSession
    public Uni<HotList> hotList(int limit) {
        return counts().chain(counted -> counted.isEmpty() ? featured(limit) : ranked(counted, limit));
    }

    /** The codes of the last 7 days' ranking, most applied first; empty without Redis. Search breaks ties with it. */
    public Uni<List<String>> rankedCodes(int limit) {
        return counts().map(counted -> byScore(counted).limit(limit).map(ScoredValue::value).toList());
    }

    private static Stream<ScoredValue<String>> byScore(List<ScoredValue<String>> counted) {
        return counted.stream().sorted(Comparator.comparingDouble(ScoredValue<String>::score).reversed()
                .thenComparing(ScoredValue::value));
    }

    private Uni<List<ScoredValue<String>>> counts() {
        if (!availability.usable()) {
            return Uni.createFrom().item(List.of());
        }
        return availability.guard(ranking.zunionWithScores(windowKeys(clock.today())))
                .onFailure().recoverWithItem(List.of());
    }

    /** The days the ranking unites, today back: one ZUNION, so one hash tag (RedisClusterKeyLayoutTest). */
    static String[] windowKeys(LocalDate today) {
        return IntStream.range(0, WINDOW_DAYS).mapToObj(d -> dayKey(today.minusDays(d))).toArray(String[]::new);
    }

    private static String dayKey(LocalDate day) {
        return KEY_PREFIX + day;
    }

    private Uni<HotList> ranked(List<ScoredValue<String>> counted, int limit) {
        // Retired or unknown codes are dropped after the lookup, so ask for a few more than needed.
        List<ScoredValue<String>> top = byScore(counted).limit(limit * 2L).toList();
        return items.findActive(top.stream().map(ScoredValue::value).toList()).map(found -> {
            Map<String, ServiceItem> byCode = found.stream().collect(Collectors.toMap(i -> i.code, Function.identity()));
            List<HotItem> hot = new ArrayList<>();
            for (ScoredValue<String> entry : top) {
                ServiceItem item = byCode.get(entry.value());
                if (item != null && hot.size() < limit) {
                    hot.add(hotItem(hot.size() + 1, item, (long) entry.score()));
                }
            }
            return new HotList().source(HotList.SourceEnum.RANKING).windowDays(WINDOW_DAYS).items(hot);
        });
    }

    private Uni<HotList> featured(int limit) {
        return items.featured(limit).map(found -> new HotList().source(HotList.SourceEnum.FEATURED)
                .windowDays(WINDOW_DAYS)
                .items(IntStream.range(0, found.size()).mapToObj(n -> hotItem(n + 1, found.get(n), 0)).toList()));
    }

    private static HotItem hotItem(int rank, ServiceItem item, long applications) {
        return new HotItem().rank(rank).code(item.code).name(item.name).departmentName(item.department.name)
                .applications(applications);
    }
}
