package app.banhao.rating;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.RectificationFollowUpInput;
import app.banhao.api.model.RectificationPage;
import app.banhao.api.model.StaffRatingNotice;
import app.banhao.api.model.StaffRatingNoticePage;
import app.banhao.api.model.StaffRatingPage;
import app.banhao.platform.cache.CacheAside;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.events.OutboxCommits;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import app.banhao.staff.StaffDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The department's side: its ratings (the rater never shown), its rectifications, recording the fix and the follow-up
 * (回访), and its notices. Everything is looked up within the caller's department: another's is 404.
 */
@ApplicationScoped
public class RectificationService {

    private static final String TEXTS = Messages.bundleOf(RectificationService.class);

    private final RatingRepository ratings;
    private final RectificationRepository rectifications;
    private final StaffNoticeRepository notices;
    private final Rectifications steps;
    private final RatingMapper mapper;
    private final StaffDirectory staff;
    private final OutboxCommits commits;
    private final CacheAside cache;
    private final BusinessClock clock;

    public RectificationService(RatingRepository ratings, RectificationRepository rectifications, StaffNoticeRepository notices,
            Rectifications steps, RatingMapper mapper, StaffDirectory staff, OutboxCommits commits, CacheAside cache,
            BusinessClock clock) {
        this.ratings = ratings;
        this.rectifications = rectifications;
        this.notices = notices;
        this.steps = steps;
        this.mapper = mapper;
        this.staff = staff;
        this.commits = commits;
        this.cache = cache;
        this.clock = clock;
    }

    @WithSession
    public Uni<StaffRatingPage> ratings(String department, boolean badOnly, PageRequest page) {
        return ratings.ofDepartment(department, badOnly, page).chain(rows -> staffPage(rows, page));
    }

    /** A page of ratings as staff see them, with the id of each one's rectification. */
    Uni<StaffRatingPage> staffPage(List<Rating> rows, PageRequest page) {
        Page<Rating> p = Page.from(rows, page, r -> new PageRequest.Cursor(cursorTime(r), r.id.toString()));
        List<UUID> ids = p.items().stream().map(r -> r.id).toList();
        Uni<List<Rectification>> fixes = ids.isEmpty() ? Uni.createFrom().item(List.of())
                : rectifications.list("ratingId in ?1", ids);
        return fixes.map(found -> {
            Map<UUID, UUID> byRating = found.stream().collect(Collectors.toMap(x -> x.ratingId, x -> x.id));
            return new StaffRatingPage().items(p.items().stream().map(r -> mapper.forStaff(r, byRating.get(r.id))).toList())
                    .nextCursor(p.nextCursor());
        });
    }

    private static String cursorTime(Rating r) {
        return (r.appealState == Rating.AppealState.PENDING && r.appealedAt != null ? r.appealedAt : r.ratedAt).toString();
    }

    @WithSession
    public Uni<RectificationPage> rectifications(String department, boolean overdueOnly, PageRequest page) {
        return rectifications.ofDepartment(department, overdueOnly, page).chain(rows -> rectificationPage(rows, page));
    }

    /** A page of rectifications with the ratings they answer. */
    Uni<RectificationPage> rectificationPage(List<Rectification> rows, PageRequest page) {
        Page<Rectification> p = Page.from(rows, page, x -> new PageRequest.Cursor(x.openedAt.toString(), x.id.toString()));
        List<UUID> ids = p.items().stream().map(x -> x.ratingId).toList();
        Uni<List<Rating>> rated = ids.isEmpty() ? Uni.createFrom().item(List.of()) : ratings.list("id in ?1", ids);
        return rated.map(found -> {
            Map<UUID, Rating> byId = found.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
            return new RectificationPage().items(p.items().stream().map(x -> mapper.forStaff(x, byId.get(x.ratingId))).toList())
                    .nextCursor(p.nextCursor());
        });
    }

    @WithSession
    public Uni<app.banhao.api.model.Rectification> get(String department, UUID id) {
        return owned(department, id).chain(x -> ratings.findById(x.ratingId).map(r -> mapper.forStaff(x, r)));
    }

    public Uni<app.banhao.api.model.Rectification> fix(String department, UUID staffId, UUID id, String ifMatch, String action) {
        return change(department, id, ifMatch, staffId,
                (r, x, name) -> steps.fix(r, x, action, staffId, name, clock.now()));
    }

    public Uni<app.banhao.api.model.Rectification> followUp(String department, UUID staffId, UUID id, String ifMatch,
            RectificationFollowUpInput input) {
        return change(department, id, ifMatch, staffId, (r, x, name) -> steps.followUp(r, x, input.getChannel().name(),
                input.getContactedAt(), input.getResult(), name, clock.now()));
    }

    /** A step on a rectification of the department, at the version the caller saw, by a named staff member. */
    interface Step {
        Uni<Void> apply(Rating r, Rectification x, String staffName);
    }

    private Uni<app.banhao.api.model.Rectification> change(String department, UUID id, String ifMatch, UUID staffId, Step step) {
        return commits.commitThenDeliver(() -> owned(department, id).chain(x -> {
            app.banhao.platform.web.IfMatch.requireCurrent(ifMatch, x.version);
            return ratings.findById(x.ratingId).chain(r -> staff.member(staffId)
                    .chain(m -> step.apply(r, x, m == null ? "工作人员" : m.displayName())).replaceWith(x.id));
        }))
                .call(() -> cache.invalidate(RatingCache.NAMESPACE))
                .chain(done -> Panache.withSession(() -> get(department, done)));
    }

    private Uni<Rectification> owned(String department, UUID id) {
        return rectifications.ofDepartment(id, department).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND));
    }

    @WithSession
    public Uni<StaffRatingNoticePage> notices(String department, PageRequest page, Messages.Language language) {
        return notices.ofDepartment(department, page)
                .map(rows -> Page.from(rows, page, n -> new PageRequest.Cursor(n.createdAt.toString(), n.id.toString()))
                        .map(n -> new StaffRatingNotice().id(n.id).topic(n.topic)
                                .title(Messages.textIn(language, TEXTS, "notice." + n.topic + ".title"))
                                .body(Messages.textIn(language, TEXTS, "notice." + n.topic + ".body", n.itemName, n.subjectId,
                                        String.valueOf(n.dueOn)))
                                .rectificationId(n.rectificationId).createdAt(RatingMapper.utc(n.createdAt))))
                .map(p -> new StaffRatingNoticePage().items(p.items()).nextCursor(p.nextCursor()));
    }
}
