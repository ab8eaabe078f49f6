package app.banhao.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.ProgressLookupEvent;
import app.banhao.api.model.ProgressLookupRequest;
import app.banhao.api.model.ProgressLookupResult;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.ratelimit.RateLimiter;
import app.banhao.platform.ratelimit.RateLimiter.Limit;
import app.banhao.resident.ResidentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * 办件查询 without login: the application number and the last 4 digits of the applicant's phone show the
 * state, dates and timeline, nothing personal. A wrong number, wrong digits and a draft are the same 404.
 * Limited in Redis (so across nodes) per client IP, every lookup, and per application number, failed
 * lookups: past {@link #FAILED_PER_NUMBER} the number answers 429 whatever the digits, so the 10,000
 * combinations cannot be tried.
 */
@ApplicationScoped
public class ProgressLookupService {

    static final Limit FAILED_PER_NUMBER = new Limit("progress-failed-number", 5, Duration.ofHours(1));

    private final ApplicationRepository applications;
    private final ApplicationEventRepository events;
    private final ResidentRepository residents;
    private final DataProtection crypto;
    private final RateLimiter limiter;
    private final Limit perIp;

    public ProgressLookupService(ApplicationRepository applications, ApplicationEventRepository events, ResidentRepository residents,
            DataProtection crypto, RateLimiter limiter,
            @ConfigProperty(name = "banhao.progress-lookup.per-ip-per-hour", defaultValue = "60") int perIpPerHour) {
        this.applications = applications;
        this.events = events;
        this.residents = residents;
        this.crypto = crypto;
        this.limiter = limiter;
        this.perIp = new Limit("progress-ip-hour", perIpPerHour, Duration.ofHours(1));
    }

    Limit perIp() {
        return perIp;
    }

    @WithSession
    public Uni<ProgressLookupResult> lookup(String clientIp, ProgressLookupRequest request) {
        String no = request.getApplicationNo();
        return limiter.hit(perIp, clientIp)
                .chain(() -> limiter.check(FAILED_PER_NUMBER, no))
                .chain(() -> find(no, request.getPhoneLast4()))
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : limiter.hit(FAILED_PER_NUMBER, no).map(counted -> {
                            throw ApiException.of(ErrorCode.NOT_FOUND);
                        }));
    }

    /** The result, or null when the number, the digits or the state do not allow it (all alike). */
    private Uni<ProgressLookupResult> find(String no, String last4) {
        return applications.find("applicationNo", no).firstResult().chain(a -> {
            if (a == null || a.state == ApplicationStatus.DRAFT) {
                return Uni.createFrom().nullItem();
            }
            return residents.findById(a.residentId).chain(r -> {
                String phone = r == null ? "" : crypto.decrypt(r.phoneEnc);
                String actual = phone.length() < 4 ? "" : phone.substring(phone.length() - 4);
                if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8), last4.getBytes(StandardCharsets.UTF_8))) {
                    return Uni.createFrom().nullItem();
                }
                return events.timeline(a.id).map(list -> new ProgressLookupResult()
                        .applicationNo(a.applicationNo)
                        .itemName(a.itemName)
                        .state(ApplicationMapper.state(a.state))
                        .submittedDate(a.submittedAt == null ? null
                                : a.submittedAt.atZoneSameInstant(ApplicationNumbers.ZONE).toLocalDate())
                        .dueDate(a.dueDate)
                        .timeline(list.stream().filter(e -> e.toState != null && e.fromState != null)
                                .map(e -> new ProgressLookupEvent().at(e.at.withOffsetSameInstant(java.time.ZoneOffset.UTC))
                                        .type(e.type)
                                        .fromState(ApplicationMapper.state(e.fromState))
                                        .toState(ApplicationMapper.state(e.toState)))
                                .toList()));
            });
        });
    }
}
