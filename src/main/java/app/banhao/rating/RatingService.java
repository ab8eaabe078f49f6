package app.banhao.rating;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.BadRatingReason;
import app.banhao.api.model.RatingIndicators;
import app.banhao.api.model.RatingInput;
import app.banhao.api.model.RatingInvitationPage;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.events.CaseTimelineFact.ActorKind;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxCommits;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The resident's side of 好差评: rating a finished thing once (一事一评), amending once within 24 hours, reading it back
 * with its rectification, and rating the department's fix. A 差评 opens its rectification in the same transaction.
 */
@ApplicationScoped
public class RatingService {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final RatingInvitationRepository invitations;
    private final RatingRepository ratings;
    private final RectificationRepository rectifications;
    private final Rectifications opening;
    private final RatingMapper mapper;
    private final RatingSettings settings;
    private final RatingDeadlines deadlines;
    private final OutboxCommits commits;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final CacheAside cache;
    private final BusinessClock clock;

    public RatingService(RatingInvitationRepository invitations, RatingRepository ratings, RectificationRepository rectifications,
            Rectifications opening, RatingMapper mapper, RatingSettings settings, RatingDeadlines deadlines, OutboxCommits commits,
            Outbox outbox, AuditTrail audit, CacheAside cache, BusinessClock clock) {
        this.invitations = invitations;
        this.ratings = ratings;
        this.rectifications = rectifications;
        this.opening = opening;
        this.mapper = mapper;
        this.settings = settings;
        this.deadlines = deadlines;
        this.commits = commits;
        this.outbox = outbox;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    @WithSession
    public Uni<RatingInvitationPage> invitations(UUID residentId, PageRequest page) {
        return invitations.open(residentId, clock.now(), page)
                .map(rows -> Page.from(rows, page, i -> new PageRequest.Cursor(i.finishedAt.toString(), i.id.toString()))
                        .map(mapper::invitation))
                .map(p -> new RatingInvitationPage().items(p.items()).nextCursor(p.nextCursor()));
    }

    @WithSession
    public Uni<app.banhao.api.model.Rating> get(UUID residentId, SubjectKind kind, String subjectId) {
        return ratings.ofResident(kind, subjectId, residentId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(this::view);
    }

    public Uni<app.banhao.api.model.Rating> rate(UUID residentId, SubjectKind kind, String subjectId, RatingInput input) {
        Level level = Level.valueOf(input.getLevel().name());
        requireReasons(level, input);
        return commits.commitThenDeliver(() -> invitations.forResident(kind, subjectId, residentId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(invitation -> ratings.ofResident(kind, subjectId, residentId).chain(existing -> {
                    OffsetDateTime now = clock.now();
                    if (existing != null) {
                        throw ApiException.of(RatingErrors.RATING_EXISTS);
                    }
                    if (!now.isBefore(invitation.rateBy)) {
                        throw ApiException.of(RatingErrors.RATING_WINDOW_CLOSED, RatingMapper.utc(invitation.rateBy).toString());
                    }
                    Rating r = newRating(invitation, now);
                    apply(r, level, input);
                    invitation.rated = true;
                    RatingEvent rated = RatingEvent.about(RatingEvent.RATED, r, now)
                            .onTimeline("RATED", level.label(), ActorKind.RESIDENT, RatingEvent.RATER, null);
                    return ratings.persist(r).call(() -> outbox.publish(rated))
                            .call(() -> audit.record(AuditEvent.of("rating.create").target("rating", r.id.toString())
                                    .details(Map.of("subject", r.subjectKind + ":" + r.subjectId, "level", level.name()))))
                            .call(() -> r.bad ? opening.open(r, now) : Uni.createFrom().voidItem())
                            .replaceWith(r);
                })))
                .call(() -> cache.invalidate(RatingCache.NAMESPACE))
                .chain(this::viewInSession);
    }

    public Uni<app.banhao.api.model.Rating> amend(UUID residentId, SubjectKind kind, String subjectId, RatingInput input) {
        Level level = Level.valueOf(input.getLevel().name());
        requireReasons(level, input);
        return commits.commitThenDeliver(() -> ratings.ofResident(kind, subjectId, residentId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(r -> {
                    OffsetDateTime now = clock.now();
                    OffsetDateTime until = r.ratedAt.plus(settings.amendWithin());
                    if (r.amendedAt != null || !now.isBefore(until)) {
                        throw ApiException.of(RatingErrors.RATING_AMEND_NOT_ALLOWED, RatingMapper.utc(until).toString());
                    }
                    boolean wasBad = r.bad;
                    apply(r, level, input);
                    r.amendedAt = now;
                    RatingEvent amended = RatingEvent.about(RatingEvent.AMENDED, r, now)
                            .onTimeline("RATING_AMENDED", level.label(), ActorKind.RESIDENT, RatingEvent.RATER, null);
                    return outbox.publish(amended)
                            .call(() -> audit.record(AuditEvent.of("rating.amend").target("rating", r.id.toString())
                                    .details(Map.of("level", level.name()))))
                            .call(() -> wasBad == r.bad ? Uni.createFrom().voidItem()
                                    : r.bad ? opening.open(r, now) : opening.withdraw(r, now, "评价已修改为" + level.label()))
                            .replaceWith(r);
                }))
                .call(() -> cache.invalidate(RatingCache.NAMESPACE))
                .chain(this::viewInSession);
    }

    /** The resident on the department's fix: closes the rectification. */
    public Uni<app.banhao.api.model.Rating> rateFix(UUID residentId, SubjectKind kind, String subjectId, String verdict) {
        return commits.commitThenDeliver(() -> ratings.ofResident(kind, subjectId, residentId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(r -> rectifications.ofRating(r.id).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                        .chain(x -> opening.close(r, x, verdict, clock.now())).replaceWith(r)))
                .call(() -> cache.invalidate(RatingCache.NAMESPACE))
                .chain(this::viewInSession);
    }

    private Uni<app.banhao.api.model.Rating> viewInSession(Rating r) {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> ratings.findById(r.id).chain(this::view));
    }

    private Uni<app.banhao.api.model.Rating> view(Rating r) {
        OffsetDateTime until = r.ratedAt.plus(settings.amendWithin());
        OffsetDateTime amendable = r.amendedAt == null && clock.now().isBefore(until) ? until : null;
        return rectifications.ofRating(r.id).map(x -> mapper.forResident(r, x, amendable));
    }

    private Rating newRating(RatingInvitation invitation, OffsetDateTime now) {
        Rating r = new Rating();
        r.id = UUID.randomUUID();
        r.invitationId = invitation.id;
        r.describe(invitation);
        r.ratedAt = now;
        r.period = now.atZoneSameInstant(BusinessClock.ZONE).format(MONTH);
        r.counted = true;
        return r;
    }

    private void apply(Rating r, Level level, RatingInput input) {
        r.level = level;
        r.bad = level.bad();
        RatingIndicators i = input.getIndicators();
        r.efficiency = i == null || i.getEfficiency() == null ? null : Level.valueOf(i.getEfficiency().name());
        r.guideAccuracy = i == null || i.getGuideAccuracy() == null ? null : Level.valueOf(i.getGuideAccuracy().name());
        r.convenience = i == null || i.getConvenience() == null ? null : Level.valueOf(i.getConvenience().name());
        r.usability = i == null || i.getUsability() == null ? null : Level.valueOf(i.getUsability().name());
        // Reasons belong to a 差评 only; a good rating keeps none, whatever was sent.
        r.reasons = r.bad ? input.getReasons().stream().distinct().map(BadRatingReason::name).collect(Collectors.joining(",")) : null;
        r.comment = input.getComment() == null || input.getComment().isBlank() ? null : input.getComment().strip();
        r.appealBy = r.bad ? deadlines.appealBy(r.ratedAt.atZoneSameInstant(BusinessClock.ZONE).toLocalDate()) : null;
    }

    private static void requireReasons(Level level, RatingInput input) {
        if (level.bad() && (input.getReasons() == null || input.getReasons().isEmpty())) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("reasons", FieldCode.REQUIRED));
        }
    }
}
