package app.banhao.rating;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import app.banhao.api.StaffRatingsApi;
import app.banhao.api.model.RatingAppealInput;
import app.banhao.api.model.Rectification;
import app.banhao.api.model.RectificationFixInput;
import app.banhao.api.model.RectificationFollowUpInput;
import app.banhao.api.model.RectificationPage;
import app.banhao.api.model.StaffRating;
import app.banhao.api.model.StaffRatingNoticePage;
import app.banhao.api.model.StaffRatingPage;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/** /api/v1/staff/ratings, rectifications and notices: reviewers, for their own department only (another's is 404). */
@RolesAllowed(TokenClaims.REVIEWER)
public class StaffRatingsResource implements StaffRatingsApi {

    private final RectificationService department;
    private final AppealService appeals;
    private final CurrentActor actor;

    @Context
    HttpHeaders headers;

    public StaffRatingsResource(RectificationService department, AppealService appeals, CurrentActor actor) {
        this.department = department;
        this.appeals = appeals;
        this.actor = actor;
    }

    @Override
    public Uni<StaffRatingPage> listStaffRatings(Boolean bad, String cursor, Integer limit) {
        return department.ratings(departmentCode(), Boolean.TRUE.equals(bad), PageRequest.of(cursor, limit));
    }

    @Override
    @SuccessStatus(201)
    public Uni<StaffRating> appealRating(UUID ratingId, RatingAppealInput body) {
        return appeals.appeal(departmentCode(), actor.uuid(), ratingId, body.getReason());
    }

    @Override
    public Uni<RectificationPage> listStaffRectifications(Boolean overdue, String cursor, Integer limit) {
        return department.rectifications(departmentCode(), Boolean.TRUE.equals(overdue), PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<Rectification> getStaffRectification(UUID rectificationId) {
        return department.get(departmentCode(), rectificationId);
    }

    @Override
    public Uni<Rectification> recordRectificationFix(UUID rectificationId, RectificationFixInput body, String ifMatch) {
        return department.fix(departmentCode(), actor.uuid(), rectificationId, ifMatch, body.getAction());
    }

    @Override
    public Uni<Rectification> recordRectificationFollowUp(UUID rectificationId, RectificationFollowUpInput body, String ifMatch) {
        return department.followUp(departmentCode(), actor.uuid(), rectificationId, ifMatch, body);
    }

    @Override
    public Uni<StaffRatingNoticePage> listStaffRatingNotices(String cursor, Integer limit) {
        return department.notices(departmentCode(), PageRequest.of(cursor, limit), Messages.languageOf(headers));
    }

    private String departmentCode() {
        return actor.requiredDepartment();
    }
}
