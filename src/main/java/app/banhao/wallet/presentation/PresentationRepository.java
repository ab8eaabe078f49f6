package app.banhao.wallet.presentation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.paging.PageRequest;
import app.banhao.wallet.Certificate;
import app.banhao.wallet.CertificateUse;
import app.banhao.wallet.UsageLedger;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class PresentationRepository implements PanacheRepositoryBase<Presentation, UUID> {

    // The public verification is the hot path of presentations (a queue at a counter scanning codes): it runs on the
    // reactive SQL client underneath Hibernate (the same pool), as two autocommitted statements instead of a Hibernate
    // transaction of five round trips. The use is one conditional update: PostgreSQL re-checks the condition on the row
    // it locked, so of many verifications of a single-use presentation at once exactly one finds it unused; the ledger
    // line is inserted by the same statement, so a counted use always has its line and an uncounted one never does.
    private static final String VERIFIED = "SELECT p.single_use, p.revoked_at IS NOT NULL, c.name, c.status, c.valid_to"
            + " FROM wallet_presentation p JOIN wallet_certificate c ON c.id = p.certificate_id"
            + " WHERE p.id = $1";
    private static final String USE_AND_RECORD = "WITH used AS (UPDATE wallet_presentation"
            + " SET used_at = coalesce(used_at, $2), uses = uses + 1"
            + " WHERE id = $1 AND revoked_at IS NULL AND expires_at > $2 AND (NOT single_use OR used_at IS NULL)"
            + " RETURNING holder_id, certificate_id)"
            + " INSERT INTO wallet_certificate_use (id, holder_id, certificate_id, certificate_name, party_kind, party_code,"
            + " purpose, fields, channel, reference, at)"
            + " SELECT $3, holder_id, certificate_id, $4, $5, $6, $7, $8, $9, $1::text, $2 FROM used";
    private static final String REVOKE = "update Presentation set revokedAt = :now"
            + " where id = :id and holderId = :holder and revokedAt is null";

    private final Pool pool;

    public PresentationRepository(Pool pool) {
        this.pool = pool;
    }

    /** The holder's presentations a verifier can still use, newest first. */
    public Uni<List<Presentation>> active(UUID holderId, OffsetDateTime now, PageRequest page) {
        Parameters p = Parameters.with("holder", holderId).and("now", now);
        String q = "holderId = :holder and revokedAt is null and expiresAt > :now and (singleUse = false or usedAt is null)"
                + page.newestFirstAfter("createdAt", p) + " order by createdAt desc, id desc";
        return find(q, p).range(0, page.fetchSize() - 1).list();
    }

    /** What a verification needs to know of a presentation and the certificate it shows. */
    public record Verifiable(UUID id, boolean singleUse, boolean revoked, String certificateName, Certificate.Status certificateStatus, LocalDate certificateValidTo) {

        Certificate.Status certificateStatusOn(LocalDate today) {
            return Certificate.statusOn(certificateStatus, certificateValidTo, today);
        }
    }

    /** A public verifier's use of a presentation, as its holder's usage ledger records it. */
    public record PublicUse(String party, String purpose, String fields, OffsetDateTime at) {
    }

    /** Presentation {@code id} with its certificate's state, in one statement outside any transaction; null when unknown. */
    public Uni<Verifiable> verifiable(UUID id) {
        return pool.preparedQuery(VERIFIED).execute(Tuple.of(id)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row r = it.next();
            return new Verifiable(id, r.getBoolean(0), r.getBoolean(1), r.getString(2), Certificate.Status.valueOf(r.getString(3)),
                    r.getLocalDate(4));
        });
    }

    /**
     * Counts a public verification of {@code p} and writes its line to the holder's usage ledger, atomically (one
     * statement); false when the presentation may not be used (any more): then neither happens.
     */
    public Uni<Boolean> useAndRecord(Verifiable p, PublicUse use) {
        return pool.preparedQuery(USE_AND_RECORD).execute(Tuple.from(new Object[] {p.id(), use.at(), UUID.randomUUID(),
                p.certificateName(), UsageLedger.PUBLIC_VERIFIER, use.party(), use.purpose(), use.fields(),
                CertificateUse.Channel.PRESENTATION.name()})).map(rows -> rows.rowCount() == 1);
    }

    /** The presentation if {@code holderId} made it; null otherwise. */
    public Uni<Presentation> findHeld(UUID id, UUID holderId) {
        return find("id = ?1 and holderId = ?2", id, holderId).firstResult();
    }

    /** Marks the holder's presentation revoked unless it is already. */
    public Uni<Integer> revoke(UUID id, UUID holderId, OffsetDateTime now) {
        return getSession().chain(s -> s.createMutationQuery(REVOKE).setParameter("id", id).setParameter("holder", holderId)
                .setParameter("now", now).executeUpdate());
    }
}
