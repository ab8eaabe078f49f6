package app.banhao.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.common.AffectedEntities;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import app.banhao.platform.transaction.SqlStatement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * {@code Idempotency-Key} for create operations (DESIGN.md §6): the same key and body give the same
 * answer, the same key with another body is a 422. Runs inside the caller's transaction, so the record
 * and what it created commit together.
 *
 * <p>Concurrent retries are serialised by PostgreSQL itself: the second insert of a key waits on the
 * primary key until the first transaction ends, then finds its committed response (or, if the first
 * rolled back, proceeds as the first).
 *
 * <p>A record holds no secret and no personal data in clear: the request is kept only as a keyed HMAC-SM3
 * fingerprint (an unkeyed hash of a body holding a password or an ID number could be brute-forced), the
 * answer is sealed with SM4-GCM like the profile, and an answer that carries a secret meant to be shown
 * once (a TOTP enrolment) is not kept at all ({@link #onceWithoutReplay}). A record lives
 * {@code banhao.idempotency.retention} (24 h): past it the key is free again and {@link IdempotencyRetention}
 * deletes the row.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 128;
    private static final String FINGERPRINT_PURPOSE = "idempotency-request";
    /**
     * What the statements below touch. Without it Hibernate treats a native statement as touching every table
     * and flushes the whole session before running it.
     */
    private static final AffectedEntities RECORDS = new AffectedEntities(IdempotencyRecord.class);
    /**
     * Takes the key, or takes over a record past its retention that the purge has not reached yet (so a key
     * means the same on every node whatever the purge's progress). One row affected: this caller creates. The answer
     * goes in with the claim when the caller knows it before it writes ({@link #claimOf(String, String, Object, Object)}),
     * else (null) it is written after.
     */
    private static final String CLAIM = "INSERT INTO idempotency_record (scope, idem_key, request_hash, response) VALUES (?1, ?2, ?3, ?4) "
            + "ON CONFLICT (scope, idem_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, response = EXCLUDED.response, "
            + "created_at = now() WHERE idempotency_record.created_at < now() - make_interval(secs => ?5)";
    private static final String STORE = "UPDATE idempotency_record SET response = ?1 WHERE scope = ?2 AND idem_key = ?3";
    /** Whether the key has a record, and if so whether it is past its retention (true: free to take over). */
    private static final String LOOKUP = "SELECT created_at < now() - make_interval(secs => ?3) FROM idempotency_record"
            + " WHERE scope = ?1 AND idem_key = ?2";
    /**
     * The key's own lock, to the end of the transaction, for a {@link Check} under no lock of the scope: PostgreSQL's
     * advisory lock on a 32-bit hash of scope and key in a space of its own (the two-number form; the slot locks use the
     * one-number form), no row written. Two keys sharing a hash only wait for each other.
     */
    private static final String KEY_LOCK = "SELECT pg_advisory_xact_lock(" + 0x1DE3 + ", hashtext(?1 || ' ' || ?2))";
    /** A key's record written once ({@link Check}): a duplicate fails the transaction, which then runs again. */
    private static final String RECORD = "INSERT INTO idempotency_record (scope, idem_key, request_hash, response)"
            + " VALUES (?1, ?2, ?3, ?4)";

    /** A key being claimed: who and which operation, the key, the request's fingerprint, and the claiming statement. */
    public record Claim(String scope, String key, byte[] fingerprint, SqlStatement statement) {
    }

    /**
     * A key looked up rather than claimed, for a writer that sends its statements itself: its record is written once,
     * with its answer, among the writer's writes ({@link #recordOf}), where a claim at the start and the answer at the
     * end are two versions of one row, the second the whole sealed answer again in the write-ahead log (issue 16).
     *
     * <p>The lookup runs under a lock that every request of the key takes before it: the key's own
     * ({@link #checkOf}), or one the writer takes anyway ({@link #checkUnderLockOf}: a submission's scope is one draft,
     * whose row each submission locks first). A retry sent while the first request runs waits there, then finds the
     * first's record, and {@link #requireFree} sends it to the replay before anything else is decided. Without the lock
     * it would look before the first committed and see the first's effects in a later statement (an appointment already
     * open, a slot full): a refusal instead of the first answer. The record's primary key still guards the rest: a
     * duplicate fails the transaction (23505), which {@link app.banhao.platform.transaction.Transactions} runs again.
     *
     * @param statements what to send, in order, before anything of the request itself; the last one's rows go to
     *        {@link #requireFree} and {@link #recordOf}
     */
    public record Check(String scope, String key, byte[] fingerprint, List<SqlStatement> statements) {
    }

    /**
     * Thrown by a writer that sends its statements itself when its {@link Claim} changed no row: the key was someone
     * else's, so it rolls back and answers {@link #replay(Claim, Class)}.
     */
    public static final class KeyTaken extends RuntimeException {
        public KeyTaken() {
            super(null, null, false, false);
        }
    }

    private final ObjectMapper json;
    private final DataProtection crypto;
    private final Duration retention;
    /** Sorted keys: two bodies that differ only in property order are the same request. */
    private final ObjectMapper canonical = JsonMapper.builder().findAndAddModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true).build();

    public Idempotency(ObjectMapper json, DataProtection crypto,
            @ConfigProperty(name = "banhao.idempotency.retention", defaultValue = "PT24H") Duration retention) {
        this.json = json;
        this.crypto = crypto;
        this.retention = retention;
    }

    /**
     * Creates once per {@code scope} and {@code key}; without a key, simply creates. A retry gets the first answer.
     *
     * @param scope who and which operation, e.g. {@code resident:<id>:addMyAddress}
     */
    public <T> Uni<T> once(String scope, String key, Object request, Class<T> type, Supplier<Uni<T>> create) {
        return claim(scope, key, request, type, create, true);
    }

    /**
     * As {@link #once}, for an answer that carries a secret shown once (a TOTP enrolment): it is never stored,
     * so a retry with the same key and body creates nothing and gets 409 {@code IDEMPOTENT_RESPONSE_WITHHELD}.
     */
    public <T> Uni<T> onceWithoutReplay(String scope, String key, Object request, Class<T> type, Supplier<Uni<T>> create) {
        return claim(scope, key, request, type, create, false);
    }

    private <T> Uni<T> claim(String scope, String key, Object request, Class<T> type, Supplier<Uni<T>> create, boolean replayable) {
        Claim claim = claimOf(scope, key, request);
        if (claim == null) {
            return create.get();
        }
        return Panache.getSession().chain(session -> claim.statement().executeOn(session)
                .chain(claimed -> {
                    if (claimed != 1) {
                        return replay(session, claim, type);
                    }
                    return replayable ? create.get().call(result -> answer(claim, result).executeOn(session)) : create.get();
                }));
    }

    /**
     * A key to claim in the caller's transaction, for a writer that sends its statements itself (on the reactive SQL
     * client) and knows its answer before it writes: {@link Claim#statement()} keeps {@code answer} with the key and
     * changes one row when this caller creates; any other count means the key was used, and the caller rolls back and
     * answers {@link #replay(Claim, Class)}. A rollback takes the answer back with the claim. Null without a key.
     */
    public Claim claimOf(String scope, String key, Object request, Object answer) {
        return claim(scope, key, request, crypto.encrypt(write(answer)));
    }

    /**
     * As {@link #claimOf(String, String, Object, Object)}, for a writer that learns its answer only after reading: the
     * answer goes in later in the same transaction ({@link #answer}).
     */
    public Claim claimOf(String scope, String key, Object request) {
        return claim(scope, key, request, null);
    }

    private Claim claim(String scope, String key, Object request, byte[] sealedAnswer) {
        if (key == null) {
            return null;
        }
        byte[] fingerprint = fingerprintOfKeyed(key, request);
        return new Claim(scope, key, fingerprint,
                SqlStatement.of(CLAIM, RECORDS, scope, key, fingerprint, sealedAnswer, retention.toSeconds()));
    }

    /** The request's fingerprint, once the key is one a client may send (a 400 otherwise). */
    private byte[] fingerprintOfKeyed(String key, Object request) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.field(ErrorCode.INVALID_PARAMETER, FieldError.of(HEADER, FieldCode.INVALID_FORMAT));
        }
        return fingerprint(request);
    }

    /**
     * A key to look up in the caller's transaction under the key's own lock ({@link Check}): send
     * {@link Check#statements()} first, then hand the last one's rows to {@link #requireFree} and {@link #recordOf}.
     * Null without a key.
     */
    public Check checkOf(String scope, String key, Object request) {
        return key == null ? null : new Check(scope, key, fingerprintOfKeyed(key, request),
                List.of(SqlStatement.of(KEY_LOCK, RECORDS, scope, key), lookup(scope, key)));
    }

    /**
     * As {@link #checkOf}, for a writer that has already taken a lock every request of the scope takes first (send
     * {@link Check#statements()} after it): the lookup alone.
     */
    public Check checkUnderLockOf(String scope, String key, Object request) {
        return key == null ? null : new Check(scope, key, fingerprintOfKeyed(key, request), List.of(lookup(scope, key)));
    }

    private SqlStatement lookup(String scope, String key) {
        return SqlStatement.of(LOOKUP, RECORDS, scope, key, retention.toSeconds());
    }

    /**
     * The statement that writes the checked key's record with {@code answer}, given what the lookup of
     * {@link Check#statements()} found: a new row, or the one past its retention taken over. Throws {@link KeyTaken}
     * when the key is in use: the caller rolls back and answers {@link #replay(Check, Class)}.
     */
    public SqlStatement recordOf(Check check, RowSet<Row> found, Object answer) {
        requireFree(found);
        byte[] sealed = crypto.encrypt(write(answer));
        return found.size() == 0 ? SqlStatement.of(RECORD, RECORDS, check.scope(), check.key(), check.fingerprint(), sealed)
                : SqlStatement.of(CLAIM, RECORDS, check.scope(), check.key(), check.fingerprint(), sealed, retention.toSeconds());
    }

    /**
     * Throws {@link KeyTaken} when what the lookup of {@link Check#statements()} found is a record in force. A writer
     * calls it before anything else it decides, so that a retry of a request that went through gets its answer, not a
     * refusal of the state the request itself brought about.
     */
    public void requireFree(RowSet<Row> found) {
        if (found.size() > 0 && !found.iterator().next().getBoolean(0)) {
            throw new KeyTaken();
        }
    }

    /** The statement that keeps {@code result} as the claimed key's answer, in the transaction that claimed it. */
    public SqlStatement answer(Claim claim, Object result) {
        return SqlStatement.of(STORE, RECORDS, crypto.encrypt(write(result)), claim.scope(), claim.key());
    }

    /** The answer kept for a key someone else claimed (read in a session of its own), or the 422/409 it calls for. */
    public <T> Uni<T> replay(Claim claim, Class<T> type) {
        return replay(claim.scope(), claim.key(), claim.fingerprint(), type);
    }

    /** As {@link #replay(Claim, Class)}, for a key {@link #recordOf} found in use. */
    public <T> Uni<T> replay(Check check, Class<T> type) {
        return replay(check.scope(), check.key(), check.fingerprint(), type);
    }

    private <T> Uni<T> replay(String scope, String key, byte[] fingerprint, Class<T> type) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> replay(session, scope, key, fingerprint, type)));
    }

    private <T> Uni<T> replay(Mutiny.Session session, Claim claim, Class<T> type) {
        return replay(session, claim.scope(), claim.key(), claim.fingerprint(), type);
    }

    private <T> Uni<T> replay(Mutiny.Session session, String scope, String key, byte[] fingerprint, Class<T> type) {
        return session.find(IdempotencyRecord.class, IdempotencyRecord.Key.of(scope, key))
                .map(record -> {
                    if (!Arrays.equals(record.requestHash, fingerprint)) {
                        throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED);
                    }
                    if (record.response == null) {
                        throw ApiException.of(ErrorCode.IDEMPOTENT_RESPONSE_WITHHELD);
                    }
                    return read(crypto.decrypt(record.response), type);
                });
    }

    /** HMAC-SM3 under the index key of the canonical body: equal for equal requests, useless to anyone without the key. */
    byte[] fingerprint(Object request) {
        try {
            return crypto.blindIndex(FINGERPRINT_PURPOSE, new String(canonical.writeValueAsBytes(request), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }

    private String write(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store the response for replay", e);
        }
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent response is unreadable", e);
        }
    }
}
