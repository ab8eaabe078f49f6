package app.banhao.wallet;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.query.InList;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, UUID> {

    /** The holder's certificates, newest first, optionally of one type. */
    public Uni<List<Certificate>> held(UUID holderId, String type, PageRequest page) {
        StringBuilder q = new StringBuilder("holderId = :holder");
        Parameters p = Parameters.with("holder", holderId);
        if (type != null) {
            q.append(" and typeCode = :type");
            p.and("type", type);
        }
        q.append(page.newestFirstAfter("createdAt", p));
        q.append(" order by createdAt desc, id desc");
        return find(q.toString(), p).range(0, page.fetchSize() - 1).list();
    }

    /** The holder's certificates of these types that say VALID (expiry is the caller's to judge), newest first. */
    public Uni<List<Certificate>> validOfTypes(UUID holderId, java.util.Set<String> types) {
        return list("holderId = :holder and typeCode in " + InList.of("type", types.size()) + " and status = :status"
                + " order by createdAt desc, id desc",
                InList.bind(Parameters.with("holder", holderId).and("status", Certificate.Status.VALID), "type", types));
    }

    /** The certificate if {@code holderId} holds it; null otherwise (someone else's looks like none). */
    public Uni<Certificate> findHeld(UUID id, UUID holderId) {
        return find("id = ?1 and holderId = ?2", id, holderId).firstResult();
    }

    /** The certificate if {@code department} issued it; null otherwise. */
    public Uni<Certificate> findIssuedBy(UUID id, String department) {
        return find("id = ?1 and issuerDepartment = ?2", id, department).firstResult();
    }

    /** What an earlier issue or import from the same source left, or null. */
    public Uni<Certificate> fromSource(Certificate.Source source, String sourceRef, String typeCode) {
        return find("source = ?1 and sourceRef = ?2 and typeCode = ?3", source, sourceRef, typeCode).firstResult();
    }

    /** The next place in the status lists: never reused, so a bit always means one certificate. */
    public Uni<Long> nextStatusIndex() {
        return next("select cast(function('nextval', 'wallet_status_index_seq') as Long)");
    }

    /** The next serial of the 电子证照标识 of a certificate Banhao issues. */
    public Uni<Long> nextSerial() {
        return next("select cast(function('nextval', 'wallet_certificate_serial_seq') as Long)");
    }

    // HQL, not a native select: Hibernate caches a new plan for every native select it runs.
    private static Uni<Long> next(String hql) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }
}
