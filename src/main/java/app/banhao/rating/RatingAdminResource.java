package app.banhao.rating;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.RatingAdminApi;
import app.banhao.api.model.RatingAppealDecisionInput;
import app.banhao.api.model.RectificationPage;
import app.banhao.api.model.StaffRating;
import app.banhao.api.model.StaffRatingPage;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** /api/v1/admin: escalated rectifications and appeal decisions, province-wide (ADMIN). */
@RolesAllowed(TokenClaims.ADMIN)
public class RatingAdminResource implements RatingAdminApi {

    private final AppealService appeals;
    private final CurrentActor actor;

    public RatingAdminResource(AppealService appeals, CurrentActor actor) {
        this.appeals = appeals;
        this.actor = actor;
    }

    @Override
    public Uni<RectificationPage> listOverdueRectifications(String cursor, Integer limit) {
        return appeals.overdue(PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<StaffRatingPage> listPendingRatingAppeals(String cursor, Integer limit) {
        return appeals.pending(PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<StaffRating> decideRatingAppeal(UUID ratingId, RatingAppealDecisionInput body) {
        return appeals.decide(actor.uuid(), ratingId, body.getOutcome(), body.getReason());
    }
}
