package app.banhao.wallet;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The issuing departments' SM2 keys: generated on a department's first certificate, the private half kept SM4-GCM
 * encrypted (the data key of {@code banhao.crypto}), the public half published with its key id. Rotation retires the
 * current key (it keeps verifying what it signed) and starts a new one. Runs in the caller's transaction.
 */
@ApplicationScoped
public class IssuerKeys {

    /** A department's signing key, ready to sign. */
    public record Signer(String keyId, ECPrivateKeyParameters key) {

        public byte[] sign(byte[] data) {
            return Sm2Signatures.sign(key, data);
        }
    }

    private final IssuerKeyRepository keys;
    private final DataProtection crypto;
    private final BusinessClock clock;

    public IssuerKeys(IssuerKeyRepository keys, DataProtection crypto, BusinessClock clock) {
        this.keys = keys;
        this.crypto = crypto;
        this.clock = clock;
    }

    /** The department's current key, made on the department's first certificate. */
    public Uni<Signer> signer(String departmentCode, String issuerName) {
        return keys.current(departmentCode).chain(key -> key != null ? Uni.createFrom().item(key) : create(departmentCode, issuerName))
                .map(key -> new Signer(key.keyId, privateKey(key)));
    }

    /** The department's current key, or null when it has none (it has issued nothing): a read never makes a key. */
    Uni<Signer> currentSigner(String departmentCode) {
        return keys.current(departmentCode).map(key -> key == null ? null : new Signer(key.keyId, privateKey(key)));
    }

    /** Retires the department's current key and makes a new one: what it signs from now on verifies with the new one. */
    public Uni<IssuerKey> rotate(String departmentCode) {
        return keys.current(departmentCode).chain(old -> {
            if (old != null) {
                old.validTo = clock.now();
            }
            // The retirement must reach the database before the new key (one current key per department).
            return keys.flush().chain(() -> create(departmentCode, old != null ? old.issuerName : departmentCode));
        });
    }

    /** Every key, current and retired, for {@code /wallet/issuer-keys}. */
    Uni<List<IssuerKey>> published() {
        return keys.published();
    }

    private Uni<IssuerKey> create(String departmentCode, String issuerName) {
        AsymmetricCipherKeyPair pair = Sm2Signatures.generate();
        IssuerKey key = new IssuerKey();
        key.keyId = departmentCode + "-" + clock.today().toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        key.departmentCode = departmentCode;
        key.issuerName = issuerName;
        key.publicKey = Sm2Signatures.encoded((ECPublicKeyParameters) pair.getPublic());
        key.privateKeyEnc = crypto.encrypt(Base64.getEncoder().encodeToString(
                Sm2Signatures.encoded((ECPrivateKeyParameters) pair.getPrivate())));
        key.validFrom = clock.now();
        Log.infof("Made SM2 issuer key %s for department %s", key.keyId, departmentCode);
        return keys.persist(key);
    }

    private ECPrivateKeyParameters privateKey(IssuerKey key) {
        return Sm2Signatures.privateKey(Base64.getDecoder().decode(crypto.decrypt(key.privateKeyEnc)));
    }
}
