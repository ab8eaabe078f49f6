package app.banhao.application.submission;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.common.AffectedEntities;

import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationRepository;
import app.banhao.application.core.FormPrivacy;
import app.banhao.catalog.ItemCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Seals personal form values written in clear: those of applications filed before their item's schema marked the
 * field {@code x-personal} (the seeded schemas were marked by migration V241), or before an admin marked it. New
 * writes seal as they go ({@link FormPrivacy}); this catches up on the rest, a batch of {@value #BATCH} rows per
 * transaction, rows another node holds skipped, so it is safe on every node.
 */
@ApplicationScoped
public class FormSealing {

    static final int BATCH = 100;
    /** Applications with a value in clear in a field their item (a bundle parent: any child's item) marks personal. */
    private static final String PENDING = "SELECT a.id FROM application a WHERE EXISTS ("
            + "SELECT 1 FROM catalog_item c CROSS JOIN LATERAL jsonb_each(c.form_schema -> 'properties') p "
            + "WHERE (c.code = a.item_code OR c.code IN (SELECT ch.item_code FROM application ch WHERE ch.parent_id = a.id)) "
            + "AND p.value -> 'x-personal' = 'true'::jsonb "
            + "AND jsonb_typeof(a.form_data -> p.key) NOT IN ('null', 'object')) "
            + "LIMIT " + BATCH + " FOR UPDATE OF a SKIP LOCKED";
    private static final AffectedEntities APPLICATIONS = new AffectedEntities(Application.class);

    private final ApplicationRepository applications;
    private final ItemCatalog items;
    private final FormPrivacy privacy;

    public FormSealing(ApplicationRepository applications, ItemCatalog items, FormPrivacy privacy) {
        this.applications = applications;
        this.items = items;
        this.privacy = privacy;
    }

    @Scheduled(every = "${banhao.applications.form-sealing.every:24h}", delayed = "${banhao.applications.form-sealing.delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return sealFrom(0).invoke(n -> {
            if (n > 0) {
                Log.infof("Sealed the personal form values of %d applications", n);
            }
        }).replaceWithVoid();
    }

    /** Seals batch after batch until one comes back short; the number of applications sealed. */
    public Uni<Long> sealFrom(long sealedSoFar) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(PENDING, UUID.class, APPLICATIONS).getResultList())
                .call(this::sealAll)
                .map(List::size))
                .chain(n -> n < BATCH ? Uni.createFrom().item(sealedSoFar + n) : sealFrom(sealedSoFar + n));
    }

    private Uni<Void> sealAll(List<UUID> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            chain = chain.chain(() -> applications.findById(id)).chain(a -> personal(a).invoke(fields -> {
                a.formData = privacy.seal(privacy.open(a.formData), fields);
            })).replaceWithVoid();
        }
        return chain;
    }

    /** The fields {@code a}'s item marks personal; for a bundle's parent, those of any child's item. */
    private Uni<Set<String>> personal(Application a) {
        if (a.itemCode != null) {
            return items.any(a.itemCode).map(item -> privacy.personal(item.formSchema()));
        }
        return applications.children(a.id).chain(children -> {
            Set<String> all = new LinkedHashSet<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Application child : children) {
                chain = chain.chain(() -> items.any(child.itemCode)).invoke(item -> all.addAll(privacy.personal(item.formSchema())))
                        .replaceWithVoid();
            }
            return chain.replaceWith(all);
        });
    }
}
