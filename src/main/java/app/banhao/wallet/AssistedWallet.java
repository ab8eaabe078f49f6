package app.banhao.wallet;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.CertificatePage;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import io.smallrye.mutiny.Uni;

/**
 * The wallet as an agent sees it during a video session (远程视频帮办): the holder's certificates, masked, each one shown
 * written to the holder's usage ledger in the caller's transaction, so the resident sees who looked and why.
 */
@ApplicationScoped
public class AssistedWallet {

    /** The purpose every ledger line of a video session names. */
    public static final String PURPOSE = "远程视频帮办";
    /** What a masked list row shows of a certificate. */
    static final List<String> LISTED_FIELDS = List.of("证照名称", "证照编号", "持证主体", "有效期");

    private final CertificateRepository certificates;
    private final WalletMapper mapper;
    private final UsageLedger ledger;
    private final BusinessClock clock;

    public AssistedWallet(CertificateRepository certificates, WalletMapper mapper, UsageLedger ledger, BusinessClock clock) {
        this.certificates = certificates;
        this.mapper = mapper;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * A page of the holder's certificates, masked, seen by {@code agentName} of {@code department} in the session
     * {@code appointmentId}; call in a transaction (the ledger lines are written in it).
     */
    public Uni<CertificatePage> shownToAgent(UUID holderId, String department, String agentName, UUID appointmentId,
            PageRequest page) {
        return certificates.held(holderId, null, page).call(rows -> {
            Uni<Void> lines = Uni.createFrom().voidItem();
            for (Certificate c : rows.subList(0, Math.min(rows.size(), page.limit()))) {
                lines = lines.chain(() -> ledger.agentRead(c, department, agentName, PURPOSE, LISTED_FIELDS,
                        appointmentId.toString()));
            }
            return lines;
        }).map(rows -> Page.from(rows, page, c -> new PageRequest.Cursor(c.createdAt.toString(), c.id.toString()))
                .map(c -> mapper.toSummary(c, clock.today())))
                .map(p -> new CertificatePage().items(p.items()).nextCursor(p.nextCursor()));
    }
}
