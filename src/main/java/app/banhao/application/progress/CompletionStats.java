package app.banhao.application.progress;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.Workflow;
import app.banhao.application.progress.CompletionPrediction.History;
import app.banhao.platform.startup.StartupTask;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * How long each item took lately (DESIGN.md §5, issue 11), for {@link CompletionForecast}: per item and department,
 * the decided cases of the last {@value CompletionPrediction#WINDOW_DAYS} days and their P80 in working days.
 *
 * <p>Why this shape: a detail read must not scan a popular item's half year of cases. Each decided case carries its
 * own working-day count ({@code decision_working_days}, counted on the official calendar when it was decided), so the
 * refresh is one group-by in PostgreSQL over an index (item, department, working days → cases: a few dozen rows per
 * item, the sorted durations in short); the P80 is taken from those counts by the pure rule and written to
 * {@code item_completion_stats}. One node refreshes at a time ({@code LOCK TABLE ... IN EXCLUSIVE MODE}, which lets
 * readers through) and only when the table is older than half the period; every node then holds the table in memory,
 * so a prediction costs no query.
 */
@ApplicationScoped
public class CompletionStats implements StartupTask {

    private static final List<ApplicationStatus> DECIDED = List.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED,
            ApplicationStatus.NOT_ACCEPTED);
    private static final int FILL_BATCH = 500;

    /** An item's figures as every node holds them. */
    public record ItemStats(History history, int promisedDays, int legalDays) {
    }

    private final Workflow workflow;
    private final Duration every;
    private final BusinessClock clock;
    private volatile Map<ItemCompletionStats.Key, ItemStats> byItem = Map.of();

    public CompletionStats(Workflow workflow,
            @ConfigProperty(name = "banhao.applications.completion-stats.every", defaultValue = "10m") Duration every, BusinessClock clock) {
        this.clock = clock;
        this.workflow = workflow;
        this.every = every;
    }

    @Override
    public Uni<Void> atStart() {
        return reload();
    }

    /** What the decided cases of {@code itemCode} in {@code departmentCode} say; {@link History#NONE} when there are none. */
    public ItemStats of(String itemCode, String departmentCode) {
        ItemStats stats = byItem.get(new ItemCompletionStats.Key(itemCode, departmentCode));
        return stats != null ? stats : new ItemStats(History.NONE, 0, 0);
    }

    /** Every item whose trusted P80 (capped by its legal days) is beyond its promise: all its running cases look late. */
    public List<String> itemsSlowerThanPromised() {
        return byItem.entrySet().stream().filter(e -> {
            ItemStats s = e.getValue();
            return s.history().trusted() && Math.min(s.history().p80WorkingDays(), s.legalDays()) > s.promisedDays();
        }).map(e -> e.getKey().itemCode).distinct().sorted().toList();
    }

    @Scheduled(every = "${banhao.applications.completion-stats.every:10m}",
            delayed = "${banhao.applications.completion-stats.delay:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return refresh(false).onFailure().recoverWithUni(e -> {
            Log.warnf("Completion statistics refresh failed, the next run retries: %s", e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** Counts what is uncounted, recomputes the table (if stale, or {@code force}) and loads it on this node. */
    public Uni<Void> refresh(boolean force) {
        return countUncounted().chain(() -> recompute(force)).chain(this::reload);
    }

    /** Reads the table into memory. */
    public Uni<Void> reload() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createSelectionQuery("from ItemCompletionStats", ItemCompletionStats.class).getResultList()))
                .invoke(rows -> {
                    Map<ItemCompletionStats.Key, ItemStats> loaded = new HashMap<>();
                    for (ItemCompletionStats r : rows) {
                        loaded.put(new ItemCompletionStats.Key(r.itemCode, r.departmentCode),
                                new ItemStats(new History(r.caseCount, r.p80WorkingDays), r.promisedDays, r.legalDays));
                    }
                    byItem = Map.copyOf(loaded);
                }).replaceWithVoid();
    }

    /**
     * Cases decided in the window before their working days were recorded (before V420) get them now, counted in Java on
     * the official calendar, batch by batch. A plain update: a derived figure, not a change of the case (no version).
     */
    Uni<Void> countUncounted() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                "from Application a where a.decisionWorkingDays is null and a.decidedAt is not null and a.submittedAt is not null"
                        + " and a.decidedAt >= :since order by a.decidedAt, a.id", Application.class)
                .setParameter("since", windowStart()).setMaxResults(FILL_BATCH).getResultList()
                .call(rows -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(a -> s.createMutationQuery(
                        "update Application set decisionWorkingDays = :days where id = :id and decisionWorkingDays is null")
                        .setParameter("days", workflow.workingDaysTaken(a, Workflow.businessDay(a.decidedAt)))
                        .setParameter("id", a.id).executeUpdate()).collect().last())
                .map(List::size)))
                .chain(n -> n < FILL_BATCH ? Uni.createFrom().voidItem() : countUncounted());
    }

    private Uni<Void> recompute(boolean force) {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("LOCK TABLE item_completion_stats IN EXCLUSIVE MODE").executeUpdate()
                .chain(() -> s.createSelectionQuery("select max(s.refreshedAt) from ItemCompletionStats s", OffsetDateTime.class)
                        .getSingleResultOrNull())
                .chain(last -> {
                    if (!force && last != null && last.isAfter(now.minus(every.dividedBy(2)))) {
                        return Uni.createFrom().voidItem(); // another node has just done it
                    }
                    return s.createSelectionQuery("select a.itemCode, a.departmentCode, i.promisedDays, i.legalDays,"
                            + " a.decisionWorkingDays, count(*) from Application a join ServiceItem i on i.code = a.itemCode"
                            + " where a.decidedAt >= :since and a.state in :decided and a.decisionWorkingDays is not null"
                            + " group by a.itemCode, a.departmentCode, i.promisedDays, i.legalDays, a.decisionWorkingDays",
                            Object[].class)
                            .setParameter("since", windowStart()).setParameter("decided", DECIDED).getResultList()
                            .chain(rows -> s.createMutationQuery("delete from ItemCompletionStats").executeUpdate()
                                    .chain(() -> s.persistAll(toStats(rows, now).toArray())))
                            .invoke(() -> Log.debugf("Completion statistics recomputed at %s", now));
                })));
    }

    /** Grouped rows (item, department, promised, legal, working days, cases) → one row per item and department. */
    private static List<ItemCompletionStats> toStats(List<Object[]> rows, OffsetDateTime now) {
        Map<ItemCompletionStats.Key, ItemCompletionStats> stats = new LinkedHashMap<>();
        Map<ItemCompletionStats.Key, TreeMap<Integer, Long>> counts = new HashMap<>();
        for (Object[] row : rows) {
            var key = new ItemCompletionStats.Key((String) row[0], (String) row[1]);
            ItemCompletionStats s = stats.computeIfAbsent(key, k -> new ItemCompletionStats());
            s.itemCode = key.itemCode;
            s.departmentCode = key.departmentCode;
            s.promisedDays = (Integer) row[2];
            s.legalDays = (Integer) row[3];
            s.refreshedAt = now;
            counts.computeIfAbsent(key, k -> new TreeMap<>()).merge((Integer) row[4], (Long) row[5], Long::sum);
        }
        List<ItemCompletionStats> out = new ArrayList<>();
        stats.forEach((key, s) -> {
            History h = History.of(counts.get(key));
            s.caseCount = h.caseCount();
            s.p80WorkingDays = h.p80WorkingDays();
            out.add(s);
        });
        return out;
    }

    private OffsetDateTime windowStart() {
        return clock.now().minusDays(CompletionPrediction.WINDOW_DAYS);
    }
}
