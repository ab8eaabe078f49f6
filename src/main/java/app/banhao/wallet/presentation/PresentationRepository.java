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
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class PresentationRepository implements PanacheRepositoryBase<Presentation, UUID> {

    // The public verification is the hot path of presentations (a queue at a counter scanning codes): it runs on the
    // reactive SQL client underneath Hibernate (the same pool), as one autocommitted statement instead of a Hibernate
    // transaction of five round trips. It reads the presentation and its certificate, counts the use when the
    // certificate is valid today (Certificate.statusOn, the same rule; today is the caller's) and the presentation may
    // still be used, and writes the ledger line for a counted use only. The count is a conditional update: PostgreSQL
    // re-checks the condition on the row it locked, so of many verifications of a single-use presentation at once
    // exactly one finds it unused. Only the token as issued finds its presentation (its digest, kept at issue); one made
    // before digests were kept is found only once the caller checked the token's signature.
    private static final String VERIFY_AND_USE = "WITH p AS (SELECT p.id, p.single_use, p.revoked_at IS NOT NULL AS revoked,"
            + " p.holder_id, p.certificate_id, c.name, c.status, c.valid_to"
            + " FROM wallet_presentation p JOIN wallet_certificate c ON c.id = p.certificate_id"
            + " WHERE p.id = $1 AND (p.token_digest = $10 OR ($11 AND p.token_digest IS NULL))),"
            + " used AS (UPDATE wallet_presentation w SET used_at = coalesce(w.used_at, $2), uses = w.uses + 1 FROM p"
            + " WHERE w.id = p.id AND p.status = 'VALID' AND (p.valid_to IS NULL OR p.valid_to >= $3)"
            + " AND w.revoked_at IS NULL AND w.expires_at > $2 AND (NOT w.single_use OR w.used_at IS NULL) RETURNING w.id),"
            + " line AS (INSERT INTO wallet_certificate_use (id, holder_id, certificate_id, certificate_name, party_kind,"
            + " party_code, purpose, fields, channel, reference, at)"
            + " SELECT $4, p.holder_id, p.certificate_id, p.name, $5, $6, $7, $8, $9, p.id::text, $2 FROM p JOIN used USING (id))"
            + " SELECT p.single_use, p.revoked, p.status, p.valid_to, EXISTS (SELECT 1 FROM used) FROM p";
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

    /** A public verifier's use of a presentation, as its holder's usage ledger records it. */
    public record PublicUse(String party, String purpose, String fields, OffsetDateTime at, LocalDate today) {
    }

    /** What a verification found: the presentation, its certificate's status that day, and whether the use counted. */
    public record Verified(boolean singleUse, boolean revoked, Certificate.Status certificateStatus, boolean used) {
    }

    /**
     * Verifies presentation {@code id} for a public verifier and, when it may be used, counts the use and writes the
     * holder's ledger line, in one statement outside any transaction; null when no presentation was made with a token
     * of digest {@code tokenDigest} (or, when {@code signatureChecked}, before digests were kept).
     */
    public Uni<Verified> verifyAndUse(UUID id, byte[] tokenDigest, boolean signatureChecked, PublicUse use) {
        return pool.preparedQuery(VERIFY_AND_USE).execute(Tuple.from(new Object[] {id, use.at(), use.today(), UUID.randomUUID(),
                UsageLedger.PUBLIC_VERIFIER, use.party(), use.purpose(), use.fields(), CertificateUse.Channel.PRESENTATION.name(),
                Buffer.buffer(tokenDigest), signatureChecked}))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row r = it.next();
                    Certificate.Status status = Certificate.statusOn(Certificate.Status.valueOf(r.getString(2)),
                            r.getLocalDate(3), use.today());
                    return new Verified(r.getBoolean(0), r.getBoolean(1), status, r.getBoolean(4));
                });
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
