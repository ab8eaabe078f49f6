package app.banhao.application.core;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.hibernate.reactive.common.AffectedEntities;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.transaction.SqlStatement;
import app.banhao.resident.Residents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What one resident may keep (OWASP API4, issue 10 point 13): open drafts ({@code banhao.applications.max-open-drafts},
 * 20) and bytes of uploaded files over all their applications ({@code banhao.applications.max-stored-bytes},
 * 200 MiB). Each check locks the resident's row first and counts in the same transaction, so a burst of parallel
 * creates or uploads queues on that lock and the last one past the limit sees everyone before it.
 */
@ApplicationScoped
public class ResidentQuotas {

    private static final AffectedEntities APPLICATIONS = new AffectedEntities(Application.class);
    private static final String OPEN_DRAFTS = "SELECT count(*) FROM application WHERE resident_id = ?1 AND parent_id IS NULL"
            + " AND state = '" + ApplicationStatus.DRAFT.name() + "'";

    private final Residents residents;
    private final int maxOpenDrafts;
    private final long maxStoredBytes;

    public ResidentQuotas(Residents residents, @ConfigProperty(name = "banhao.applications.max-open-drafts", defaultValue = "20") int maxOpenDrafts,
            @ConfigProperty(name = "banhao.applications.max-stored-bytes", defaultValue = "209715200") long maxStoredBytes) {
        this.residents = residents;
        this.maxOpenDrafts = maxOpenDrafts;
        this.maxStoredBytes = maxStoredBytes;
    }

    /** Room for one more draft (a bundle's parent counts once, its children not), or 422 {@code DRAFT_LIMIT_REACHED}. */
    public Uni<Void> requireDraftRoom(UUID residentId) {
        return residents.lock(residentId).chain(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                // The state written into the query, not bound: only then can the prepared statement's generic plan
                // count from the partial index of open drafts (V870) rather than every draft of the resident.
                "select count(*) from Application a where a.residentId = :resident and a.parentId is null and a.state = "
                        + ApplicationStatus.class.getName() + ".DRAFT",
                Long.class).setParameter("resident", residentId).getSingleResult()))
                .invoke(this::requireDraftRoom).replaceWithVoid();
    }

    /**
     * The count of {@link #requireDraftRoom(UUID)}, for a writer that sends its statements itself on the reactive SQL
     * client: sent after the resident's lock ({@code Residents#lockedDisplayName}) in the same transaction, its one value
     * goes to {@link #requireDraftRoom(long)}. The state is written into the text for the partial index, as above.
     */
    public SqlStatement openDrafts(UUID residentId) {
        return SqlStatement.of(OPEN_DRAFTS, APPLICATIONS, residentId);
    }

    /** 422 {@code DRAFT_LIMIT_REACHED} when {@code open} drafts leave no room for another. */
    public void requireDraftRoom(long open) {
        if (open >= maxOpenDrafts) {
            throw ApiException.of(ApplicationErrors.DRAFT_LIMIT_REACHED, String.valueOf(maxOpenDrafts));
        }
    }

    /**
     * Room for an upload of {@code size} bytes that replaces any earlier file named {@code name} on the application,
     * or 422 {@code STORAGE_QUOTA_EXCEEDED} naming {@code file}.
     */
    public Uni<Void> requireStorageRoom(UUID residentId, String applicationNo, String name, long size) {
        return residents.lock(residentId).chain(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                "select coalesce(sum(m.sizeBytes), 0) from ApplicationMaterial m join Application a on a.id = m.applicationId"
                        + " where a.residentId = :resident and m.kind = :upload and not (a.applicationNo = :no and m.name = :name)",
                Long.class).setParameter("resident", residentId).setParameter("upload", ApplicationMaterial.Kind.UPLOAD)
                .setParameter("no", applicationNo).setParameter("name", name).getSingleResult()))
                .invoke(stored -> {
                    if (stored + size > maxStoredBytes) {
                        throw new ApiException(ApplicationErrors.STORAGE_QUOTA_EXCEEDED,
                                java.util.List.of(String.valueOf(maxStoredBytes / (1024 * 1024))),
                                java.util.List.of(FieldError.of("file", FieldCode.TOO_LARGE)), java.util.Map.of());
                    }
                }).replaceWithVoid();
    }
}
