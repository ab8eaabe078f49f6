package app.banhao.video.proxy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.api.model.ProxyConsent;
import app.banhao.api.model.ProxyConsentList;
import app.banhao.api.model.ProxyConsentRequest;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.events.Outbox;
import app.banhao.platform.events.OutboxCommits;
import app.banhao.platform.time.BusinessClock;
import app.banhao.staff.StaffDirectory;
import app.banhao.video.appointment.Appointment;
import app.banhao.video.appointment.AppointmentRepository;
import app.banhao.video.appointment.AppointmentState;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The life of a 帮代办 consent: the agent of a video session asks (during it, or within {@code banhao.proxy.after-session}
 * after it), the resident approves or refuses, revokes at once; the agent may withdraw. Each step audited.
 */
@ApplicationScoped
public class ConsentService {

    /** The longest a consent may run. */
    static final Duration MAX_TERM = Duration.ofDays(7);

    private final ConsentRepository consents;
    private final AppointmentRepository appointments;
    private final ItemCatalog items;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final OutboxCommits commits;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final Duration afterSession;

    public ConsentService(ConsentRepository consents, AppointmentRepository appointments, ItemCatalog items, StaffDirectory staff,
            Outbox outbox, OutboxCommits commits, AuditTrail audit, BusinessClock clock,
            @ConfigProperty(name = "banhao.proxy.after-session", defaultValue = "PT24H") Duration afterSession) {
        this.consents = consents;
        this.appointments = appointments;
        this.items = items;
        this.staff = staff;
        this.outbox = outbox;
        this.commits = commits;
        this.audit = audit;
        this.clock = clock;
        this.afterSession = afterSession;
    }

    /** The agent asks; the resident's inbox message goes out right after the commit. */
    public Uni<ProxyConsent> request(UUID agentId, String department, ProxyConsentRequest request) {
        OffsetDateTime now = clock.now();
        if (!request.getExpiresAt().isAfter(now) || request.getExpiresAt().isAfter(now.plus(MAX_TERM))) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("expiresAt", FieldCode.NOT_ALLOWED));
        }
        return commits.commitThenDeliver(() -> appointments.findById(request.getAppointmentId()).chain(a -> {
            requireSession(a, agentId, department, now);
            return inDepartment(request.getItemCodes(), department).chain(() -> staff.member(agentId)).chain(member -> {
                Consent c = new Consent();
                c.id = UUID.randomUUID();
                c.appointmentId = a.id;
                c.residentId = a.residentId;
                c.agentStaffId = agentId;
                c.agentName = member == null ? "工作人员" : member.displayName();
                c.departmentCode = department;
                c.itemCodes = String.join(",", request.getItemCodes());
                c.actions = String.join(",", request.getActions().stream().map(Object::toString).toList());
                c.state = ConsentState.REQUESTED;
                c.expiresAt = request.getExpiresAt();
                c.requestedAt = now;
                return consents.persist(c)
                        .call(() -> outbox.publish(new ConsentEvent(c.id, c.residentId, c.agentName, department, now)))
                        .call(() -> audited("requested", c))
                        .map(saved -> ConsentMapper.toView(c, now));
            });
        }));
    }

    @WithSession
    public Uni<ProxyConsent> ofAgent(UUID agentId, String department, UUID consentId) {
        return consents.findById(consentId).map(c -> ConsentMapper.toView(ConsentGuard.ownedBy(c, agentId, department), clock.now()));
    }

    @WithTransaction
    public Uni<ProxyConsent> withdraw(UUID agentId, String department, UUID consentId) {
        return consents.findForUpdate(consentId).chain(c -> move(ConsentGuard.ownedBy(c, agentId, department), ConsentState.WITHDRAWN));
    }

    @WithSession
    public Uni<ProxyConsentList> mine(UUID residentId) {
        OffsetDateTime now = clock.now();
        return consents.ofResident(residentId)
                .map(list -> new ProxyConsentList().items(list.stream().map(c -> ConsentMapper.toView(c, now)).toList()));
    }

    /** The resident approves, refuses or revokes their own consent (another resident's is 404). */
    @WithTransaction
    public Uni<ProxyConsent> decide(UUID residentId, UUID consentId, ConsentState to) {
        return consents.findForUpdate(consentId).chain(c -> {
            if (c == null || !c.residentId.equals(residentId)) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            if (to == ConsentState.ACTIVE && c.stateAt(clock.now()) == ConsentState.EXPIRED) {
                throw ApiException.of(ConsentErrors.PROXY_CONSENT_EXPIRED, c.expiresAt.toString());
            }
            return move(c, to);
        });
    }

    private Uni<ProxyConsent> move(Consent c, ConsentState to) {
        OffsetDateTime now = clock.now();
        ConsentState.require(c.stateAt(now), to);
        c.state = to;
        if (to == ConsentState.ACTIVE || to == ConsentState.REFUSED) {
            c.decidedAt = now;
        } else {
            c.endedAt = now;
        }
        return audited(to.name().toLowerCase(), c).map(v -> ConsentMapper.toView(c, now));
    }

    /** The agent held this session, of their department, and it is on or ended within {@link #afterSession}. */
    private void requireSession(Appointment a, UUID agentId, String department, OffsetDateTime now) {
        boolean theirs = a != null && agentId.equals(a.agentStaffId) && department.equals(a.departmentCode);
        boolean current = theirs && (a.state == AppointmentState.IN_SESSION
                || a.state == AppointmentState.FINISHED && a.finishedAt != null && a.finishedAt.plus(afterSession).isAfter(now));
        if (!current) {
            throw ApiException.of(ConsentErrors.PROXY_SESSION_REQUIRED);
        }
    }

    /** Every item active and the department's own: 422 naming {@code itemCodes} otherwise. */
    private Uni<Void> inDepartment(java.util.Collection<String> codes, String department) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String code : codes) {
            chain = chain.chain(() -> items.any(code)).invoke(item -> {
                if (item == null || !item.active() || !department.equals(item.departmentCode())) {
                    throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of("itemCodes", FieldCode.NOT_ALLOWED));
                }
            }).replaceWithVoid();
        }
        return chain;
    }

    private Uni<Void> audited(String step, Consent c) {
        return audit.record(AuditEvent.of("proxy.consent." + step).target("proxy-consent", c.id.toString())
                .details(Map.of("residentId", c.residentId.toString(), "agentId", c.agentStaffId.toString(),
                        "department", c.departmentCode, "items", c.itemCodes, "actions", c.actions)));
    }
}
