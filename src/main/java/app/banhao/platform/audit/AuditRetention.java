package app.banhao.platform.audit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Deletes audit lines older than the retention period (default 180 days, DESIGN.md §7). The table's
 * trigger refuses deletes unless this job's transaction says it is the purge, and only of rows that
 * are old enough; running on every node at once is harmless.
 */
@ApplicationScoped
public class AuditRetention {

    private final Duration retention;

    public AuditRetention(@ConfigProperty(name = "banhao.audit.retention", defaultValue = "P180D") Duration retention) {
        if (retention.compareTo(Duration.ofDays(180)) < 0) {
            throw new IllegalArgumentException("banhao.audit.retention must be at least 180 days (DESIGN.md §7)");
        }
        this.retention = retention;
    }

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        long days = retention.toDays();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT set_config('banhao.audit_purge', 'on', true)").getSingleResult()
                .chain(() -> s.createNativeQuery("DELETE FROM audit_log WHERE occurred_at < now() - make_interval(days => :days)")
                        .setParameter("days", (int) days).executeUpdate())))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Audit retention removed %d lines older than %d days", n, days);
                    }
                })
                .replaceWithVoid();
    }
}
