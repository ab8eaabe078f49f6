package app.banhao.wallet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, UUID> {

    private final Pool pool;

    public CertificateRepository(Pool pool) {
        this.pool = pool;
    }

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

    /** A certificate as {@link #validOfTypes} gives it: which one, its type and name, and its last valid day (null: none). */
    public record Usable(UUID id, String typeCode, String name, LocalDate validTo) {
    }

    private static final String VALID_OF_TYPES = "SELECT id, type_code, name, valid_to FROM wallet_certificate"
            + " WHERE holder_id = $1 AND type_code = ANY($2) AND status = '" + Certificate.Status.VALID.name() + "'"
            + " ORDER BY created_at DESC, id DESC";

    /**
     * The holder's certificates of these types that say VALID (expiry is the caller's to judge), newest first. The
     * answer to every draft of an item with a material a certificate can stand in for (免提交) asks it: on the reactive
     * SQL client underneath (the same pool), the four columns it needs, with no session to open for it (issue 16).
     */
    public Uni<List<Usable>> validOfTypes(UUID holderId, Set<String> types) {
        return pool.preparedQuery(VALID_OF_TYPES).execute(Tuple.of(holderId, types.toArray(String[]::new))).map(rows -> {
            List<Usable> usable = new ArrayList<>(rows.size());
            for (Row r : rows) {
                usable.add(new Usable(r.getUUID(0), r.getString(1), r.getString(2), r.getLocalDate(3)));
            }
            return usable;
        });
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
