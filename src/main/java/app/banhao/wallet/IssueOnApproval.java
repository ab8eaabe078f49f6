package app.banhao.wallet;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.application.core.CaseEvent;
import app.banhao.catalog.ItemCatalog;
import app.banhao.platform.events.EventConsumer;
import app.banhao.platform.events.PublishedEvent;
import app.banhao.platform.time.BusinessClock;
import app.banhao.resident.Residents;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Issues the result certificate of an approved application whose item names one (ServiceItem
 * {@code resultCertificateType}), in the applicant's name, signed by the item's department, and announces it
 * ({@link CertificateIssued}: the case timeline and the inbox hear of it). Once per application and type: a
 * redelivered approval finds the certificate it issued. An applicant without real-name verification has no name and
 * ID number to put on a certificate: nothing is issued, and the log says so.
 */
@ApplicationScoped
public class IssueOnApproval implements EventConsumer {

    private final ItemCatalog items;
    private final Residents residents;
    private final CertificateIssuer issuer;

    public IssueOnApproval(ItemCatalog items, Residents residents, CertificateIssuer issuer) {
        this.items = items;
        this.residents = residents;
        this.issuer = issuer;
    }

    @Override
    public String name() {
        return "wallet-issue";
    }

    @Override
    public boolean accepts(String type) {
        return CaseEvent.APPROVED.equals(type);
    }

    @Override
    public Uni<Void> handle(PublishedEvent event) {
        CaseEvent approved = event.as(CaseEvent.class);
        return items.resultCertificate(approved.itemCode()).chain(result -> {
            if (result == null) {
                return Uni.createFrom().voidItem();
            }
            return residents.verifiedIdentity(approved.residentId()).chain(holder -> {
                if (holder == null) {
                    Log.warnf("No certificate for %s: its applicant has no verified name and ID number", approved.applicationNo());
                    return Uni.createFrom().voidItem();
                }
                LocalDate on = approved.at().atZoneSameInstant(BusinessClock.ZONE).toLocalDate();
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("持证人", holder.name());
                fields.put("事项", result.itemName());
                fields.put("办件编号", approved.applicationNo());
                CertificateDraft draft = new CertificateDraft(result.certificateType(), approved.residentId(), holder.name(),
                        holder.idNumber(), Certificate.CITIZEN_ID, null, result.departmentCode(), result.departmentName(), fields,
                        on, on, Certificate.Source.ISSUED, approved.applicationNo());
                return issuer.issue(draft).replaceWithVoid();
            });
        });
    }
}
