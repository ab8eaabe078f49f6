package app.banhao.wallet.presentation;

import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.banhao.wallet.IssuerKeyRepository;
import app.banhao.wallet.IssuerKeys;
import app.banhao.wallet.Sm2Signatures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The keys of presentations: the service's own SM2 key that signs every token, kept and rotated like an issuing
 * department's (under the pseudo department {@link #SERVICE}, so it is published at {@code /wallet/issuer-keys} beside
 * the issuers' keys), and the published public keys by key id, held in memory once read: a key's public half never
 * changes, so a verification checks two signatures without a query for either.
 */
@ApplicationScoped
public class PresentationKeys {

    /** The department code the service's presentation key is published under; no issuing department has it. */
    public static final String SERVICE = "BANHAO-PRESENTATION";
    static final String SERVICE_NAME = "办好亮证服务";

    /** A published key: whose it is, and its public half. */
    record Published(String departmentCode, PublicKey key) {
    }

    private final IssuerKeys keys;
    private final IssuerKeyRepository repository;
    private final Map<String, Published> published = new ConcurrentHashMap<>();

    public PresentationKeys(IssuerKeys keys, IssuerKeyRepository repository) {
        this.keys = keys;
        this.repository = repository;
    }

    /** Makes the service key at start, so the first presentations do not race to make it. */
    void onStart(@Observes StartupEvent start) {
        try {
            String keyId = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::signer)).keyId();
            Log.debugf("Presentations are signed with %s", keyId);
        } catch (Throwable e) {
            // Another node made it at the same moment (one current key per department), or the database is not there
            // yet: the first presentation finds or makes it.
            Log.warnf("The presentation key was not made at start: %s", e.toString());
        }
    }

    /** The service's current signing key (made on first use). Runs in the caller's transaction. */
    Uni<IssuerKeys.Signer> signer() {
        return keys.signer(SERVICE, SERVICE_NAME);
    }

    /** The published key {@code keyId}, or null when no key of that id was ever published. Runs in the caller's session. */
    Uni<Published> published(String keyId) {
        Published known = published.get(keyId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return repository.findById(keyId).map(k -> {
            if (k == null) {
                return null;
            }
            Published found = new Published(k.departmentCode, Sm2Signatures.publicKey(k.publicKey));
            published.put(keyId, found);
            return found;
        });
    }
}
