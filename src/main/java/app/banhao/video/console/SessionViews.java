package app.banhao.video.console;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ApplicationPage;
import app.banhao.api.model.AssistedResident;
import app.banhao.api.model.CertificatePage;
import app.banhao.api.model.RealNameLevel;
import app.banhao.application.core.ResidentCases;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.paging.PageRequest;
import app.banhao.resident.Residents;
import app.banhao.staff.StaffDirectory;
import app.banhao.video.appointment.Appointment;
import app.banhao.wallet.AssistedWallet;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What the session's agent may see of the resident while the session is open (IN_SESSION, and theirs): the masked
 * profile, the applications and the masked wallet certificates, through each feature's own entry class. Every view is
 * an audited read of another person's data (DESIGN.md §7); a certificate shown is also a line of the resident's usage
 * ledger, written in the same transaction.
 */
@ApplicationScoped
public class SessionViews {

    private final AgentAppointments found;
    private final Residents residents;
    private final ResidentCases cases;
    private final AssistedWallet wallet;
    private final StaffDirectory staff;
    private final AuditTrail audit;

    public SessionViews(AgentAppointments found, Residents residents, ResidentCases cases, AssistedWallet wallet,
            StaffDirectory staff, AuditTrail audit) {
        this.found = found;
        this.residents = residents;
        this.cases = cases;
        this.wallet = wallet;
        this.staff = staff;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<AssistedResident> resident(String department, UUID agent, UUID id) {
        return found.openSession(department, agent, id).call(a -> audited(a, "profile"))
                .chain(a -> residents.summary(a.residentId)).map(r -> {
                    if (r == null) {
                        throw ApiException.of(ErrorCode.NOT_FOUND);
                    }
                    return new AssistedResident().id(r.id()).level(RealNameLevel.fromValue(r.level().name()))
                            .name(r.maskedName()).phone(r.maskedPhone()).idNumber(r.maskedIdNumber());
                });
    }

    @WithTransaction
    public Uni<ApplicationPage> applications(String department, UUID agent, UUID id, PageRequest page) {
        return found.openSession(department, agent, id).call(a -> audited(a, "applications"))
                .chain(a -> cases.list(a.residentId, null, page));
    }

    @WithTransaction
    public Uni<CertificatePage> certificates(String department, UUID agent, UUID id, PageRequest page) {
        return found.openSession(department, agent, id).call(a -> audited(a, "certificates"))
                .chain(a -> staff.member(agent).chain(member -> wallet.shownToAgent(a.residentId, department,
                        member == null ? CaseNotes.UNNAMED_AGENT : member.displayName(), a.id, page)));
    }

    private Uni<Void> audited(Appointment a, String view) {
        return audit.record(AuditEvent.of("video.session.view").target("resident", a.residentId.toString())
                .details(Map.of("view", view, "appointment", a.id.toString())));
    }
}
