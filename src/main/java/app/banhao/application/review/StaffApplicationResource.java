package app.banhao.application.review;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import app.banhao.api.StaffApplicationsApi;
import app.banhao.api.model.ApplicationEventList;
import app.banhao.api.model.ApplicationEventView;
import app.banhao.api.model.ApplicationState;
import app.banhao.api.model.StaffApplication;
import app.banhao.api.model.StaffNote;
import app.banhao.api.model.StaffReason;
import app.banhao.api.model.StaffTimelineNote;
import app.banhao.api.model.SupplementRequest;
import app.banhao.api.model.WorklistPage;
import app.banhao.application.core.ApplicationMapper;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.Transition;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/** /api/v1/staff/applications: reviewers, for their own department's applications. */
@RolesAllowed(TokenClaims.REVIEWER)
public class StaffApplicationResource implements StaffApplicationsApi {

    private final ReviewService review;
    private final ApplicationMapper mapper;
    private final CurrentActor actor;
    private final BusinessClock clock;

    @Context
    HttpHeaders headers;

    public StaffApplicationResource(ReviewService review, ApplicationMapper mapper, CurrentActor actor, BusinessClock clock) {
        this.clock = clock;
        this.review = review;
        this.mapper = mapper;
        this.actor = actor;
    }

    @Override
    public Uni<WorklistPage> listStaffApplications(ApplicationState state, String cursor, Integer limit) {
        return review.worklist(department(), state == null ? null : ApplicationStatus.valueOf(state.toString()),
                PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<StaffApplication> getStaffApplication(String applicationNo) {
        return review.detail(department(), applicationNo);
    }

    @Override
    public Uni<ApplicationEventList> listStaffApplicationTimeline(String applicationNo) {
        return review.timeline(department(), applicationNo, Messages.languageOf(headers));
    }

    @Override
    @SuccessStatus(201)
    public Uni<ApplicationEventView> addStaffApplicationNote(String applicationNo, StaffTimelineNote body) {
        return review.addNote(department(), me(), applicationNo, body.getText(), Messages.languageOf(headers));
    }

    @Override
    public Uni<StaffApplication> acceptApplication(String applicationNo, String ifMatch, StaffNote body) {
        return review.transition(department(), me(), applicationNo, ifMatch, Transition.ACCEPT, note(body),
                a -> a.acceptedAt = clock.now());
    }

    @Override
    public Uni<StaffApplication> notAcceptApplication(String applicationNo, StaffReason body, String ifMatch) {
        return review.transition(department(), me(), applicationNo, ifMatch, Transition.NOT_ACCEPT, body.getReason(), a -> {
        });
    }

    @Override
    public Uni<StaffApplication> requestApplicationSupplement(String applicationNo, SupplementRequest body, String ifMatch) {
        int days = body.getDeadlineWorkingDays() == null ? 5 : body.getDeadlineWorkingDays();
        String note = "补正：" + String.join("、", body.getMissing())
                + (body.getNote() == null || body.getNote().isBlank() ? "" : "；" + body.getNote());
        return review.transition(department(), me(), applicationNo, ifMatch, Transition.REQUEST_SUPPLEMENT, note, a -> {
            a.resumeState = a.state;
            a.supplementMissing = mapper.writeJson(body.getMissing().stream().map(String::strip).distinct().toList());
            a.supplementNote = body.getNote();
            a.supplementRequestedAt = clock.now();
            a.supplementDeadline = mapper.deadline(days);
        });
    }

    @Override
    public Uni<StaffApplication> suspendApplication(String applicationNo, StaffReason body, String ifMatch) {
        return review.transition(department(), me(), applicationNo, ifMatch, Transition.SUSPEND, body.getReason(), a -> {
        });
    }

    @Override
    public Uni<StaffApplication> resumeApplication(String applicationNo, String ifMatch, StaffNote body) {
        return review.transition(department(), me(), applicationNo, ifMatch, Transition.RESUME, note(body), a -> {
        });
    }

    @Override
    public Uni<StaffApplication> approveApplication(String applicationNo, String ifMatch, StaffNote body) {
        return review.transition(department(), me(), applicationNo, ifMatch, Transition.APPROVE, note(body), a -> {
        });
    }

    @Override
    public Uni<StaffApplication> rejectApplication(String applicationNo, StaffReason body, String ifMatch) {
        return review.transition(department(), me(), applicationNo, ifMatch, Transition.REJECT, body.getReason(), a -> {
        });
    }

    private String department() {
        return actor.requiredDepartment();
    }

    private UUID me() {
        return actor.uuid();
    }

    private static String note(StaffNote body) {
        return body == null ? null : body.getNote();
    }
}
