package app.banhao.rating;

import jakarta.annotation.security.RolesAllowed;

import app.banhao.api.RatingsApi;
import app.banhao.api.model.Rating;
import app.banhao.api.model.RatingInput;
import app.banhao.api.model.RatingInvitationPage;
import app.banhao.api.model.RatingSubjectKind;
import app.banhao.api.model.RectificationVerdictInput;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.security.CurrentActor;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.web.SuccessStatus;
import io.smallrye.mutiny.Uni;

/** /api/v1/me/ratings and invitations: the resident's own ratings. Residents only: staff cannot rate (403). */
@RolesAllowed(TokenClaims.RESIDENT)
public class RatingsResource implements RatingsApi {

    private final RatingService ratings;
    private final CurrentActor actor;

    public RatingsResource(RatingService ratings, CurrentActor actor) {
        this.ratings = ratings;
        this.actor = actor;
    }

    @Override
    public Uni<RatingInvitationPage> listMyRatingInvitations(String cursor, Integer limit) {
        return ratings.invitations(actor.uuid(), PageRequest.of(cursor, limit));
    }

    @Override
    public Uni<Rating> getMyRating(RatingSubjectKind subjectKind, String subjectId) {
        return ratings.get(actor.uuid(), kind(subjectKind), subjectId);
    }

    @Override
    @SuccessStatus(201)
    public Uni<Rating> rateService(RatingSubjectKind subjectKind, String subjectId, RatingInput body) {
        return ratings.rate(actor.uuid(), kind(subjectKind), subjectId, body);
    }

    @Override
    public Uni<Rating> amendMyRating(RatingSubjectKind subjectKind, String subjectId, RatingInput body) {
        return ratings.amend(actor.uuid(), kind(subjectKind), subjectId, body);
    }

    @Override
    public Uni<Rating> rateRectification(RatingSubjectKind subjectKind, String subjectId, RectificationVerdictInput body) {
        return ratings.rateFix(actor.uuid(), kind(subjectKind), subjectId, body.getVerdict().name());
    }

    private static SubjectKind kind(RatingSubjectKind kind) {
        return SubjectKind.valueOf(kind.name());
    }
}
