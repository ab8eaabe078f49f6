package app.banhao.wallet;

import java.time.LocalDate;
import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxCommits;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Tells holders, once, that a valid certificate reaches its last day within 30 days ({@link CertificateExpiringSoon},
 * an inbox notice). Batches are taken with {@code SKIP LOCKED}, so several nodes share the work without telling anyone
 * twice.
 */
@ApplicationScoped
public class ExpiryNotices {

    static final Period AHEAD = Period.ofDays(30);
    static final int BATCH = 200;

    private final OutboxCommits commits;
    private final Outbox outbox;
    private final BusinessClock clock;

    public ExpiryNotices(OutboxCommits commits, Outbox outbox, BusinessClock clock) {
        this.commits = commits;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${banhao.wallet.expiry-notices.every:1h}", delayed = "${banhao.wallet.expiry-notices.delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return noticeDue().invoke(n -> {
            if (n > 0) {
                Log.infof("Expiry notices: %d holders told a certificate expires within %s", n, AHEAD);
            }
        }).replaceWithVoid().onFailure().recoverWithUni(e -> {
            Log.warnf("Expiry notices failed, the next run retries: %s", e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** Tells every holder whose valid certificate expires within {@link #AHEAD}, batch by batch; how many. */
    public Uni<Integer> noticeDue() {
        return batch().chain(n -> n < BATCH ? Uni.createFrom().item(n) : noticeDue().map(more -> n + more));
    }

    private Uni<Integer> batch() {
        LocalDate today = clock.today();
        return commits.commitThenDeliver(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                "from Certificate c where c.expiryNoticedAt is null and c.status = :valid and c.validTo >= :today"
                        + " and c.validTo <= :until order by c.validTo, c.id", Certificate.class)
                .setParameter("valid", Certificate.Status.VALID).setParameter("today", today)
                .setParameter("until", today.plus(AHEAD)).setMaxResults(BATCH)
                .setLockMode("c", LockMode.UPGRADE_SKIPLOCKED).getResultList())
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(c -> {
                    c.expiryNoticedAt = clock.now();
                    // Counted by what publishing answers, not by its (null) item, which a Multi would drop.
                    return outbox.publish(new CertificateExpiringSoon(c.id, c.holderId, c.name, c.validTo, c.expiryNoticedAt))
                            .replaceWith(1);
                }).collect().asList().map(java.util.List::size)));
    }
}
