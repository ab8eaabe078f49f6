package app.banhao.application.core;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import io.smallrye.mutiny.Uni;

/**
 * A resident's case as another feature may know it (postal delivery): its number, item and state, as a read-only
 * record. Never the entity: other features do not touch the application's persistence.
 */
@ApplicationScoped
public class CaseLookup {

    /** The case: {@code itemCode} is null for a bundle's parent (一件事), which has no result of its own. */
    public record OwnedCase(UUID id, String applicationNo, UUID residentId, String itemCode, ApplicationStatus state,
            String departmentCode) {

        /** Whether the result is still to come: any state before a decision. */
        public boolean beforeResult() {
            return state == ApplicationStatus.DRAFT || ApplicationStatus.OPEN.contains(state);
        }
    }

    private final ApplicationRepository applications;

    public CaseLookup(ApplicationRepository applications) {
        this.applications = applications;
    }

    /**
     * The caller's own case, its row locked to the end of the caller's transaction, so a decision cannot slip in between
     * a check of its state and what the caller writes on the strength of it; 404 for anyone else's (no existence leak).
     */
    public Uni<OwnedCase> ownedForUpdate(UUID residentId, String applicationNo) {
        return applications.findOwnedForUpdate(applicationNo, residentId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .map(a -> new OwnedCase(a.id, a.applicationNo, a.residentId, a.itemCode, a.state, a.departmentCode));
    }

    /**
     * A case of the staff member's department, its row locked to the end of the caller's transaction; 404 for another
     * department's case or a draft (staff see no drafts).
     */
    public Uni<OwnedCase> inDepartmentForUpdate(String departmentCode, String applicationNo) {
        return applications.findInDepartmentForUpdate(applicationNo, departmentCode)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .map(a -> new OwnedCase(a.id, a.applicationNo, a.residentId, a.itemCode, a.state, a.departmentCode));
    }

    /** The caller's own case, unlocked; 404 for anyone else's. */
    public Uni<OwnedCase> owned(UUID residentId, String applicationNo) {
        return applications.findOwned(applicationNo, residentId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .map(a -> new OwnedCase(a.id, a.applicationNo, a.residentId, a.itemCode, a.state, a.departmentCode));
    }
}
