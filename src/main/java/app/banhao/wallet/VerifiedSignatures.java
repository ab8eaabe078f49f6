package app.banhao.wallet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * SM2 signatures this node already found valid, remembered by exactly what was checked. An issuing department's
 * signature over a certificate's digest document travels unchanged in every presentation of that certificate, and an
 * SM2 check is a pure function of key, bytes and signature: checking the same triple again proves nothing new (the idea
 * of Bitcoin Core's signature cache). Only successes are kept, keyed by a SHA-256 over key id, data and signature with
 * their lengths, so one changed byte anywhere is a miss and is checked in full. A key's public half never changes under
 * its id; whether the key may still be used is the caller's question, asked on every call.
 */
@ApplicationScoped
public class VerifiedSignatures {

    /** A few hundred bytes each: the certificates shown in the last while, bounded. */
    static final int ENTRIES = 10_000;

    private final Cache<ByteBuffer, Boolean> valid = Caffeine.newBuilder().maximumSize(ENTRIES).build();

    /** Whether {@code signature} is {@code keyId}'s ({@code key}'s) SM2 signature of {@code data}. */
    public boolean verify(String keyId, ECPublicKeyParameters key, byte[] data, byte[] signature) {
        ByteBuffer checked = fingerprint(keyId, data, signature);
        if (valid.getIfPresent(checked) != null) {
            return true;
        }
        boolean ok = Sm2Signatures.verify(key, data, signature);
        if (ok) {
            valid.put(checked, Boolean.TRUE);
        }
        return ok;
    }

    long remembered() {
        valid.cleanUp();
        return valid.estimatedSize();
    }

    private static ByteBuffer fingerprint(String keyId, byte[] data, byte[] signature) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
            for (byte[] part : new byte[][] { id, data, signature }) {
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
                sha.update(part);
            }
            return ByteBuffer.wrap(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
