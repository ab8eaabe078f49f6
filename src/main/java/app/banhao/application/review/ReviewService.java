package app.banhao.application.review;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationEventList;
import app.banhao.api.model.ApplicationEventView;
import app.banhao.api.model.StaffApplication;
import app.banhao.api.model.WorklistPage;
import app.banhao.application.core.Application;
import app.banhao.application.core.ApplicationMapper;
import app.banhao.application.core.ApplicationMaterialRepository;
import app.banhao.application.core.ApplicationRepository;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.Transition;
import app.banhao.application.core.Workflow;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.web.IfMatch;
import app.banhao.resident.Residents;
import app.banhao.staff.StaffDirectory;
import app.banhao.timeline.CaseTimeline;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The department's side: the worklist and the reviewer's transitions. Only applications of the reviewer's
 * department exist for them (404 otherwise); a change names the version it read ({@code If-Match}); every
 * read of the applicant's data and every change is audited.
 */
@ApplicationScoped
public class ReviewService {

    private final ApplicationRepository applications;
    private final ApplicationMaterialRepository materials;
    private final Residents residents;
    private final StaffDirectory staff;
    private final ApplicationMapper mapper;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CaseTimeline timeline;
    private final BusinessClock clock;

    public ReviewService(ApplicationRepository applications, ApplicationMaterialRepository materials, Residents residents,
            StaffDirectory staff, ApplicationMapper mapper, Workflow workflow, AuditTrail audit, CaseTimeline timeline, BusinessClock clock) {
        this.clock = clock;
        this.applications = applications;
        this.materials = materials;
        this.residents = residents;
        this.staff = staff;
        this.mapper = mapper;
        this.workflow = workflow;
        this.audit = audit;
        this.timeline = timeline;
    }

    @WithSession
    public Uni<WorklistPage> worklist(String department, ApplicationStatus state, PageRequest page) {
        Set<ApplicationStatus> states = state == null ? ApplicationStatus.OPEN
                : state == ApplicationStatus.DRAFT ? EnumSet.noneOf(ApplicationStatus.class) : EnumSet.of(state);
        if (states.isEmpty()) {
            return Uni.createFrom().item(new WorklistPage().items(List.of()));
        }
        return applications.worklist(department, states, page)
                .map(rows -> Page.from(rows, page, a -> new PageRequest.Cursor(a.dueDate.toString(), a.id.toString()))
                        .map(mapper::toWorklistItem))
                .map(p -> new WorklistPage().items(p.items()).nextCursor(p.nextCursor()));
    }

    @WithTransaction
    public Uni<StaffApplication> detail(String department, String applicationNo) {
        return inDepartment(department, applicationNo)
                .call(a -> audit.record(AuditEvent.of("application.staff-read").target("application", a.applicationNo)
                        .details(Map.of("residentId", a.residentId.toString(), "department", department))))
                .chain(this::view);
    }

    /** The case timeline of an application of {@code department} (404 otherwise), with the department's notes. */
    @WithSession
    public Uni<ApplicationEventList> timeline(String department, String applicationNo, Messages.Language language) {
        return inDepartment(department, applicationNo).chain(a -> timeline.forStaff(a.applicationNo, language));
    }

    /** An internal note by {@code staffId} on an application of {@code department} (404 otherwise); audited. */
    @WithTransaction
    public Uni<ApplicationEventView> addNote(String department, UUID staffId, String applicationNo, String text,
            Messages.Language language) {
        if (text == null || text.isBlank()) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("text", FieldCode.REQUIRED));
        }
        return inDepartment(department, applicationNo).chain(a -> actor(staffId)
                .chain(me -> timeline.addStaffNote(a.applicationNo, staffId, me.display(), text, clock.now(), language))
                .call(() -> audit.record(AuditEvent.of("application.note").target("application", a.applicationNo)
                        .details(Map.of("department", department)))));
    }

    private Uni<Application> inDepartment(String department, String applicationNo) {
        return applications.findInDepartment(applicationNo, department)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND));
    }

    /**
     * Moves the application along {@code t} for a reviewer of {@code department}: 404 outside it, then 428/412
     * on the version, then 409 when the state machine has no such edge. {@code prepare} sets what the
     * transition records besides the state (reasons, deadlines).
     */
    public Uni<StaffApplication> transition(String department, UUID staffId, String applicationNo, String ifMatch, Transition t,
            String note, Consumer<Application> prepare) {
        return workflow.commitThenPublish(() -> applications.findInDepartmentForUpdate(applicationNo, department)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(a -> {
                    IfMatch.requireCurrent(ifMatch, a.version);
                    Workflow.require(a, t);
                    ApplicationStatus from = a.state;
                    prepare.accept(a);
                    return actor(staffId).chain(actor -> workflow.apply(a, t, actor, note))
                            .call(() -> audit.record(AuditEvent.of("application." + t.eventType().toLowerCase())
                                    .target("application", a.applicationNo)
                                    .details(Map.of("from", from.name(), "to", a.state.name(), "department", department))))
                            .chain(change -> view(a));
                }));
    }

    private Uni<Workflow.Actor> actor(UUID staffId) {
        return staff.member(staffId).map(member -> new Workflow.Actor("STAFF", staffId.toString(),
                member == null ? "审批人员" : member.displayName()));
    }

    private Uni<StaffApplication> view(Application a) {
        return materials.of(a.id).chain(list -> residents.summary(a.residentId).map(r -> new StaffApplication()
                .application(mapper.toApplication(a, list))
                .applicant(mapper.toApplicant(r))));
    }
}
