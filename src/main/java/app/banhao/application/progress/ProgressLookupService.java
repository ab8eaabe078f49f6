package app.banhao.application.progress;

import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.ProgressLookupEvent;
import app.banhao.api.model.ProgressLookupRequest;
import app.banhao.api.model.ProgressLookupResult;
import app.banhao.application.core.ApplicationEventRepository;
import app.banhao.application.core.ApplicationMapper;
import app.banhao.application.core.ApplicationRepository;
import app.banhao.application.core.ApplicationStatus;
import app.banhao.application.core.QueryCodes;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.ratelimit.RateLimiter.Limit;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * 办件查询 without login: the application number and its random query code (on the receipt, see
 * {@link QueryCodes}) show the state, dates and timeline; nothing personal, not even the item. A wrong
 * number, a wrong code and a draft are the same 404.
 *
 * <p>Limited in Redis (so across nodes), every attempt counted before the work: per client IP, every
 * lookup, and per application number and client IP, failed lookups ({@link #FAILED_PER_NUMBER_AND_IP}; a
 * lookup that finds the application gives its hit back). Never per number alone: others' wrong guesses
 * must not lock the owner out of their own application (issue 10, point 14); with 32^8 codes, guessing
 * within the per-IP limits is hopeless.
 */
@ApplicationScoped
public class ProgressLookupService {

    public static final Limit FAILED_PER_NUMBER_AND_IP = new Limit("progress-failed-number-ip", 5, Duration.ofHours(1));

    private final ApplicationRepository applications;
    private final ApplicationEventRepository events;
    private final RateLimiter limiter;
    private final Limit perIp;

    public ProgressLookupService(ApplicationRepository applications, ApplicationEventRepository events, RateLimiter limiter,
            @ConfigProperty(name = "banhao.progress-lookup.per-ip-per-hour", defaultValue = "60") int perIpPerHour) {
        this.applications = applications;
        this.events = events;
        this.limiter = limiter;
        this.perIp = new Limit("progress-ip-hour", perIpPerHour, Duration.ofHours(1));
    }

    public Limit perIp() {
        return perIp;
    }

    @WithSession
    public Uni<ProgressLookupResult> lookup(String clientIp, ProgressLookupRequest request) {
        String no = request.getApplicationNo();
        String numberAndIp = no + ":" + clientIp;
        return limiter.hit(perIp, clientIp)
                .chain(() -> limiter.hit(FAILED_PER_NUMBER_AND_IP, numberAndIp))
                .chain(() -> find(no, request.getQueryCode()))
                .chain(found -> {
                    if (found == null) {
                        return Uni.createFrom().failure(ApiException.of(ErrorCode.NOT_FOUND));
                    }
                    return limiter.refund(FAILED_PER_NUMBER_AND_IP, numberAndIp).onFailure().recoverWithNull().replaceWith(found);
                });
    }

    /** The result, or null when the number, the code or the state do not allow it (all alike). */
    private Uni<ProgressLookupResult> find(String no, String queryCode) {
        return applications.find("applicationNo", no).firstResult().chain(a -> {
            if (a == null || a.state == ApplicationStatus.DRAFT || !QueryCodes.matches(a.queryCode, queryCode)) {
                return Uni.createFrom().nullItem();
            }
            return events.timeline(a.id).map(list -> new ProgressLookupResult()
                    .applicationNo(a.applicationNo)
                    .state(ApplicationMapper.state(a.state))
                    .submittedDate(a.submittedAt == null ? null
                            : a.submittedAt.atZoneSameInstant(BusinessClock.ZONE).toLocalDate())
                    .dueDate(a.dueDate)
                    .timeline(list.stream().filter(e -> e.toState != null && e.fromState != null)
                            .map(e -> new ProgressLookupEvent().at(e.at.withOffsetSameInstant(ZoneOffset.UTC))
                                    .type(e.type)
                                    .fromState(ApplicationMapper.state(e.fromState))
                                    .toState(ApplicationMapper.state(e.toState)))
                            .toList()));
        });
    }
}
