package app.banhao.wallet.grant;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.ComplaintState;
import app.banhao.api.model.DataUsageComplaint;
import app.banhao.api.model.DataUsageComplaintPage;
import app.banhao.platform.audit.AuditEvent;
import app.banhao.platform.audit.AuditTrail;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.Transactions;
import app.banhao.wallet.CertificateUse;
import app.banhao.wallet.CertificateUseRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Complaints about uses residents do not recognise (report-a-use): opened by the holder of the ledger line, listed and
 * closed with a note by administrators, every step audited. The ledger line is only read, never changed.
 */
@ApplicationScoped
public class UsageComplaints {

    static final String TARGET = "data-usage-complaint";

    private final UsageComplaintRepository complaints;
    private final CertificateUseRepository uses;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public UsageComplaints(UsageComplaintRepository complaints, CertificateUseRepository uses, AuditTrail audit, BusinessClock clock) {
        this.complaints = complaints;
        this.uses = uses;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens a complaint on the holder's own ledger line: another's is 404; a second one on the same line 409 (two at
     * once: the loser runs again and finds the winner's).
     */
    public Uni<DataUsageComplaint> report(UUID holderId, UUID usageId, String reason) {
        return Transactions.retryingConflicts(() -> uses.findById(usageId).chain(use -> {
            if (use == null || !use.holderId.equals(holderId)) {
                throw ApiException.of(ErrorCode.NOT_FOUND);
            }
            return complaints.ofUsage(usageId).chain(existing -> {
                if (existing != null) {
                    throw ApiException.of(ErrorCode.CONFLICT);
                }
                UsageComplaint c = new UsageComplaint();
                c.id = UUID.randomUUID();
                c.usageId = usageId;
                c.holderId = holderId;
                c.reason = reason.strip();
                c.state = UsageComplaint.State.OPEN;
                c.createdAt = clock.now();
                // The unique usage_id makes a concurrent second report fail at the flush, not slip through.
                return complaints.persistAndFlush(c)
                        .call(() -> audit.record(AuditEvent.of("wallet.data-usage.report").target(TARGET, c.id.toString())
                                .details(Map.of("usageId", usageId.toString(), "party", use.partyCode))))
                        .map(saved -> toApi(c, use));
            });
        }));
    }

    @WithSession
    public Uni<DataUsageComplaintPage> list(ComplaintState state, PageRequest page) {
        return complaints.page(state == null ? null : UsageComplaint.State.valueOf(state.name()), page).chain(rows -> {
            Set<UUID> ids = rows.stream().map(c -> c.usageId).collect(Collectors.toSet());
            return uses.list("id in ?1", ids.isEmpty() ? Set.of(new UUID(0, 0)) : ids)
                    .map(list -> list.stream().collect(Collectors.toMap(u -> u.id, Function.identity())))
                    .map(byId -> {
                        Page<DataUsageComplaint> p = Page.from(rows, page, c -> new PageRequest.Cursor(c.createdAt.toString(), c.id.toString()))
                                .map(c -> toApi(c, byId.get(c.usageId)));
                        return new DataUsageComplaintPage().items(p.items()).nextCursor(p.nextCursor());
                    });
        });
    }

    /** Closes an open complaint with what was found and done; a closed one stays closed (409). */
    @WithTransaction
    public Uni<DataUsageComplaint> close(String adminId, UUID complaintId, String note) {
        return complaints.findById(complaintId).onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .chain(c -> {
                    if (c.state == UsageComplaint.State.CLOSED) {
                        throw ApiException.of(ErrorCode.CONFLICT);
                    }
                    c.state = UsageComplaint.State.CLOSED;
                    c.closedAt = clock.now();
                    c.closedBy = adminId;
                    c.closeNote = note.strip();
                    return audit.record(AuditEvent.of("wallet.data-usage.complaint.close").target(TARGET, c.id.toString()))
                            .chain(() -> uses.findById(c.usageId)).map(use -> toApi(c, use));
                });
    }

    private static DataUsageComplaint toApi(UsageComplaint c, CertificateUse use) {
        return new DataUsageComplaint().id(c.id).usageId(c.usageId).certificateName(use.certificateName)
                .partyCode(use.partyCode).partyName(use.partyName).purpose(use.purpose).channel(use.channel.name())
                .usedAt(use.at.withOffsetSameInstant(ZoneOffset.UTC)).reason(c.reason)
                .state(ComplaintState.fromValue(c.state.name())).createdAt(c.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .closedAt(c.closedAt == null ? null : c.closedAt.withOffsetSameInstant(ZoneOffset.UTC)).closeNote(c.closeNote);
    }
}
