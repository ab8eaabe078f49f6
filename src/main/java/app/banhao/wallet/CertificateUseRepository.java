package app.banhao.wallet;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CertificateUseRepository implements PanacheRepositoryBase<CertificateUse, UUID> {

    /** The holder's ledger, newest first, optionally of one certificate. */
    public Uni<List<CertificateUse>> ledger(UUID holderId, UUID certificateId, PageRequest page) {
        StringBuilder q = new StringBuilder("holderId = :holder");
        Parameters p = Parameters.with("holder", holderId);
        if (certificateId != null) {
            q.append(" and certificateId = :certificate");
            p.and("certificate", certificateId);
        }
        q.append(page.newestFirstAfter("at", p));
        q.append(" order by at desc, id desc");
        return find(q.toString(), p).range(0, page.fetchSize() - 1).list();
    }
}
