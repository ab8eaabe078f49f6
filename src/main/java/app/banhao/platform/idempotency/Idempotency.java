package app.banhao.platform.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.common.AffectedEntities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * {@code Idempotency-Key} for create operations (DESIGN.md §6): the same key and body give the same
 * answer, the same key with another body is a 422. Runs inside the caller's transaction, so the record
 * and what it created commit together.
 *
 * <p>Concurrent retries are serialised by PostgreSQL itself: the second insert of a key waits on the
 * primary key until the first transaction ends, then finds its committed response (or, if the first
 * rolled back, proceeds as the first).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 128;
    /**
     * What the statements below touch. Without it Hibernate treats a native statement as touching every table
     * and flushes the whole session before running it.
     */
    private static final AffectedEntities RECORDS = new AffectedEntities(IdempotencyRecord.class);

    private final ObjectMapper json;
    /** Sorted keys: two bodies that differ only in property order are the same request. */
    private final ObjectMapper canonical = JsonMapper.builder().findAndAddModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true).build();

    public Idempotency(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Creates once per {@code scope} and {@code key}; without a key, simply creates.
     *
     * @param scope who and which operation, e.g. {@code resident:<id>:addMyAddress}
     */
    public <T> Uni<T> once(String scope, String key, Object request, Class<T> type, Supplier<Uni<T>> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.field(ErrorCode.INVALID_PARAMETER, FieldError.of(HEADER, FieldCode.INVALID_FORMAT));
        }
        byte[] hash = hash(request);
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO idempotency_record (scope, idem_key, request_hash) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT DO NOTHING", RECORDS)
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? create.get().call(result -> session
                                .createNativeQuery("UPDATE idempotency_record SET response = ?1 "
                                        + "WHERE scope = ?2 AND idem_key = ?3", RECORDS)
                                .setParameter(1, write(result)).setParameter(2, scope).setParameter(3, key)
                                .executeUpdate())
                        : replay(session, scope, key, hash, type)));
    }

    private <T> Uni<T> replay(org.hibernate.reactive.mutiny.Mutiny.Session session, String scope, String key, byte[] hash,
            Class<T> type) {
        return session.find(IdempotencyRecord.class, IdempotencyRecord.Key.of(scope, key))
                .map(record -> {
                    if (!Arrays.equals(record.requestHash, hash)) {
                        throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED);
                    }
                    return read(record.response, type);
                });
    }

    private byte[] hash(Object request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
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
