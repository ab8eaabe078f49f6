package app.banhao.wallet.presentation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;

import app.banhao.platform.startup.StartupTask;
import app.banhao.wallet.IssuerKeyRepository;
import app.banhao.wallet.IssuerKeys;
import app.banhao.wallet.Sm2Signatures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The keys of presentations: the service's own SM2 key that signs every token, kept and rotated like an issuing
 * department's (under the pseudo department {@link #SERVICE}, so it is published at {@code /wallet/issuer-keys} beside
 * the issuers' keys), and the published public keys by key id, held in memory once read: a key's public half never
 * changes, so a verification checks two signatures without a query for either. Only whether a key was retired can
 * change (rotation on any node): a current key is read again after {@link #RECHECK_CURRENT}.
 */
@ApplicationScoped
public class PresentationKeys implements StartupTask {

    /** The department code the service's presentation key is published under; no issuing department has it. */
    public static final String SERVICE = "BANHAO-PRESENTATION";
    static final String SERVICE_NAME = "办好亮证服务";

    /** How long a node trusts that a current key was not retired elsewhere. */
    static final Duration RECHECK_CURRENT = Duration.ofMinutes(1);

    /** A published key: whose it is, its public half, when it was retired (null while current) and when it was read. */
    record Published(String departmentCode, ECPublicKeyParameters key, OffsetDateTime validTo, Instant readAt) {

        /**
         * Whether a token signed with this service key can still be alive at {@code now}: none made before the key's
         * retirement outlives it by more than a presentation's longest life, so a retired (perhaps leaked) key stops
         * verifying then.
         */
        boolean signsLiveTokensAt(OffsetDateTime now) {
            return validTo == null || now.isBefore(validTo.plusSeconds(PresentationService.MAX_LIFETIME_SECONDS));
        }
    }

    private final IssuerKeys keys;
    private final IssuerKeyRepository repository;
    private final Map<String, Published> published = new ConcurrentHashMap<>();

    public PresentationKeys(IssuerKeys keys, IssuerKeyRepository repository) {
        this.keys = keys;
        this.repository = repository;
    }

    /** Makes the service key at start, so the first presentations do not race to make it. */
    @Override
    public Uni<Void> atStart() {
        return Panache.withTransaction(this::signer).invoke(signer -> Log.debugf("Presentations are signed with %s", signer.keyId()))
                .replaceWithVoid().onFailure().recoverWithItem(e -> {
                    // Another node made it at the same moment (one current key per department), or the database is not
                    // there yet: the first presentation finds or makes it.
                    Log.warnf("The presentation key was not made at start: %s", e.toString());
                    return null;
                });
    }

    /** The service's current signing key (made on first use). Runs in the caller's transaction. */
    Uni<IssuerKeys.Signer> signer() {
        return keys.signer(SERVICE, SERVICE_NAME);
    }

    /**
     * The published key {@code keyId}, or null when no key of that id was ever published. Reads it in the caller's
     * session, or in one of its own when there is none (a verification opens none while the keys are known).
     */
    Uni<Published> published(String keyId) {
        Published known = published.get(keyId);
        if (known != null && (known.validTo() != null || known.readAt().plus(RECHECK_CURRENT).isAfter(Instant.now()))) {
            return Uni.createFrom().item(known);
        }
        return Panache.withSession(() -> repository.findById(keyId)).map(k -> {
            if (k == null) {
                return null;
            }
            Published found = known != null ? new Published(known.departmentCode(), known.key(), k.validTo, Instant.now())
                    : new Published(k.departmentCode, Sm2Signatures.publicKey(k.publicKey), k.validTo, Instant.now());
            published.put(keyId, found);
            return found;
        });
    }
}
