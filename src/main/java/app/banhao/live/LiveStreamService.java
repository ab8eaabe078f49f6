package app.banhao.live;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.LiveStream;
import app.banhao.api.model.LiveStreamInput;
import app.banhao.api.model.LiveStreamPage;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.web.IfMatch;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The department's side of its streams: scheduling, SCHEDULED → LIVE → ENDED (each transition under the stream's row
 * lock, with its version in If-Match; flushed before answering, so the answer carries the version the commit gives)
 * and its list. Callers bump the cache after commit ({@link LiveCache#changed()}).
 * Another department's stream is 404, as if it did not exist.
 */
@ApplicationScoped
public class LiveStreamService {

    private final LiveSessionRepository streams;
    private final SubscriberRepository subscribers;
    private final LiveViews views;
    private final ItemCatalog catalog;
    private final ViewerCounts viewers;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final BusinessClock clock;

    public LiveStreamService(LiveSessionRepository streams, SubscriberRepository subscribers, LiveViews views,
            ItemCatalog catalog, ViewerCounts viewers, Outbox outbox, AuditTrail audit, Idempotency idempotency,
            BusinessClock clock) {
        this.streams = streams;
        this.subscribers = subscribers;
        this.views = views;
        this.catalog = catalog;
        this.viewers = viewers;
        this.outbox = outbox;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<LiveStream> schedule(String department, UUID staffId, LiveStreamInput in, String idempotencyKey) {
        return idempotency.once("staff:" + staffId + ":scheduleLiveStream", idempotencyKey, in, LiveStream.class,
                () -> create(department, staffId, in));
    }

    private Uni<LiveStream> create(String department, UUID staffId, LiveStreamInput in) {
        if (!in.getEndsAt().isAfter(in.getStartsAt())) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("endsAt", FieldCode.INVALID));
        }
        LiveSession s = new LiveSession();
        s.id = UUID.randomUUID();
        s.departmentCode = department;
        s.title = in.getTitle().strip();
        s.description = in.getDescription();
        s.playUrl = LiveUrls.playUrl(in.getPlayUrl());
        s.startsAt = in.getStartsAt();
        s.endsAt = in.getEndsAt();
        s.state = LiveSession.State.SCHEDULED;
        s.createdBy = staffId;
        s.createdAt = clock.now();
        List<String> codes = in.getTopicItemCodes() == null ? List.of() : List.copyOf(in.getTopicItemCodes());
        s.topicItemCodes = String.join(",", codes);
        // Each topic must be an item offered now: the stream links to applying for it.
        return Multi.createFrom().iterable(codes).onItem().transformToUniAndConcatenate(catalog::active).collect().last()
                .chain(() -> streams.persist(s)).call(streams::flush)
                .call(() -> audit.record(AuditEvent.of("live.stream.schedule").target("live-stream", s.id.toString())
                        .details(Map.of("department", department, "title", s.title))))
                .chain(() -> views.view(s));
    }

    @WithSession
    public Uni<LiveStreamPage> list(String department, PageRequest page) {
        return streams.ofDepartment(department, page).chain(rows -> {
            Page<LiveSession> p = Page.from(rows, page, s -> new PageRequest.Cursor(s.startsAt.toString(), s.id.toString()));
            return views.views(p.items()).map(items -> new LiveStreamPage().items(items).nextCursor(p.nextCursor()));
        });
    }

    /** SCHEDULED → LIVE; every subscriber not yet told gets one message, in this transaction. */
    @WithTransaction
    public Uni<LiveStream> start(String department, UUID id, String ifMatch) {
        return transition(department, id, ifMatch, LiveSession.State.LIVE).chain(s -> {
            s.startedAt = clock.now();
            return catalog.departmentName(s.departmentCode)
                    .chain(departmentName -> subscribers.toNotify(s.id).chain(waiting -> Multi.createFrom().iterable(waiting)
                            .onItem().transformToUniAndConcatenate(sub -> outbox.publish(
                                    new LiveStarted(s.id, sub.residentId, s.title, departmentName, s.startedAt)))
                            .collect().last()
                            .chain(() -> subscribers.markNotified(s.id, s.startedAt))
                            .call(() -> audit.record(AuditEvent.of("live.stream.start").target("live-stream", id.toString())
                                    .details(Map.of("subscribersNotified", waiting.size()))))))
                    .call(streams::flush)
                    .chain(() -> views.view(s));
        });
    }

    /** LIVE → ENDED with the replay; the unique-viewer figure is copied from Redis (left empty if Redis cannot say). */
    @WithTransaction
    public Uni<LiveStream> end(String department, UUID id, String ifMatch, String replayUrl) {
        String replay = LiveUrls.replayUrl(replayUrl);
        return transition(department, id, ifMatch, LiveSession.State.ENDED).chain(s -> {
            s.endedAt = clock.now();
            s.replayUrl = replay;
            return viewers.read(id).map(figures -> figures.getUniqueViewers()).onFailure().recoverWithNull()
                    .invoke(unique -> s.uniqueViewers = unique)
                    .call(() -> audit.record(AuditEvent.of("live.stream.end").target("live-stream", id.toString())))
                    .call(streams::flush)
                    .chain(() -> views.view(s));
        });
    }

    private Uni<LiveSession> transition(String department, UUID id, String ifMatch, LiveSession.State to) {
        return streams.lockedOfDepartment(id, department).map(s -> {
            if (s == null) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            IfMatch.requireCurrent(ifMatch, s.version);
            LiveSession.State allowedFrom = to == LiveSession.State.LIVE ? LiveSession.State.SCHEDULED : LiveSession.State.LIVE;
            if (s.state != allowedFrom) {
                throw ApiException.of(LiveErrors.LIVE_TRANSITION_NOT_ALLOWED, s.state.name(), to.name());
            }
            s.state = to;
            return s;
        });
    }
}
