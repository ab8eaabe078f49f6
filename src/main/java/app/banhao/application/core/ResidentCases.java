package app.banhao.application.core;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationEventList;
import app.banhao.api.model.ApplicationPage;
import app.banhao.api.model.ApplicationView;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.resident.Residents;
import app.banhao.timeline.CaseTimeline;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The resident's own applications: finding one (another resident's is a 404), the view of it, the list and the
 * case timeline, and the resident as the actor of a change.
 */
@ApplicationScoped
public class ResidentCases {

    private final ApplicationRepository applications;
    private final ApplicationMaterialRepository materials;
    private final CaseTimeline timeline;
    private final Residents residents;
    private final ApplicationMapper mapper;

    public ResidentCases(ApplicationRepository applications, ApplicationMaterialRepository materials,
            CaseTimeline timeline, Residents residents, ApplicationMapper mapper) {
        this.applications = applications;
        this.materials = materials;
        this.timeline = timeline;
        this.residents = residents;
        this.mapper = mapper;
    }
    @WithSession
    public Uni<ApplicationView> get(UUID residentId, String applicationNo) {
        return owned(residentId, applicationNo, false).chain(this::view);
    }
    /** A page of the resident's own applications (no session: ApplicationRepository#mine reads it on the pool). */
    public Uni<ApplicationPage> list(UUID residentId, ApplicationStatus state, PageRequest page) {
        return applications.mine(residentId, state, page)
                .map(rows -> Page.from(rows, page, a -> new PageRequest.Cursor(a.createdAt().toString(), a.id().toString()))
                        .map(mapper::toSummary))
                .map(p -> new ApplicationPage().items(p.items()).nextCursor(p.nextCursor()));
    }
    /** The case timeline of the caller's own application (404 for anyone else's), oldest first. */
    @WithSession
    public Uni<ApplicationEventList> timeline(UUID residentId, String applicationNo, Messages.Language language) {
        return owned(residentId, applicationNo, false).chain(a -> timeline.forResident(a.applicationNo, language));
    }
    public Uni<Application> owned(UUID residentId, String applicationNo, boolean forUpdate) {
        return (forUpdate ? applications.findOwnedForUpdate(applicationNo, residentId) : applications.findOwned(applicationNo, residentId))
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND));
    }
    /** The resident's view: with its children and their progress for a bundle's parent, its parent's number for a child. */
    public Uni<ApplicationView> view(Application a) {
        return materials.of(a.id).map(list -> mapper.toApplication(a, list)).chain(v -> {
            if (isParent(a)) {
                return applications.children(a.id).map(children -> v.bundle(mapper.toBundleProgress(children)));
            }
            if (a.parentId != null) {
                return applications.findById(a.parentId).map(parent -> v.parentApplicationNo(parent.applicationNo));
            }
            return Uni.createFrom().item(v);
        });
    }
    /** A bundle's parent (一件事): no item of its own. */
    public static boolean isParent(Application a) {
        return a.itemCode == null && a.bundleCode != null;
    }
    public Uni<Residents.ResidentSummary> resident(UUID residentId) {
        return residents.summary(residentId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.UNAUTHORIZED));
    }
    public Workflow.Actor residentActor(Residents.ResidentSummary r) {
        return residentActor(r.id(), r.displayName());
    }
    public Workflow.Actor residentActor(UUID residentId, String displayName) {
        return new Workflow.Actor("RESIDENT", residentId.toString(), displayName);
    }
}
