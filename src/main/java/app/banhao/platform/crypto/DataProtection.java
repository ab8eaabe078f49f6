package app.banhao.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Personal data at rest (DESIGN.md §7): SM4-GCM encryption and an HMAC-SM3 blind index for values that
 * must be looked up (phone, ID number) without being stored in clear. Both through Bouncy Castle's own API rather than
 * its JCA provider: the same bytes (DataProtectionTest checks them against the provider), without building the
 * provider's every algorithm at start or looking the cipher up by name on every call.
 *
 * <p>Ciphertext layout: {@code [version=1][key id][12-byte IV][ciphertext + 16-byte tag]}; the key id
 * lets a later key rotation decrypt old rows.
 */
@ApplicationScoped
public class DataProtection {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyParameter dataKey;
    private final KeyParameter indexKey;
    private final byte keyId;
    private final SecureRandom random = new SecureRandom();
    /**
     * A cipher a thread (one is not thread-safe), initialised afresh for every call. Bouncy Castle keeps a cipher's
     * 4-KB multiplication table while its key stays the same; a new cipher a call computed it (and allocated its 257
     * arrays) every time: 2.3% of the JVM's CPU in a profile of submissions, two thirds of each decryption (issue 16).
     */
    private final ThreadLocal<GCMModeCipher> ciphers = ThreadLocal.withInitial(() -> GCMBlockCipher.newInstance(new SM4Engine()));

    public DataProtection(@ConfigProperty(name = "banhao.crypto.data-key") String dataKey,
            @ConfigProperty(name = "banhao.crypto.index-key") String indexKey,
            @ConfigProperty(name = "banhao.crypto.data-key-id", defaultValue = "1") byte keyId) {
        byte[] data = Base64.getDecoder().decode(dataKey.trim());
        byte[] index = Base64.getDecoder().decode(indexKey.trim());
        if (data.length != 16) {
            throw new IllegalArgumentException("banhao.crypto.data-key must be 16 bytes (SM4), base64");
        }
        if (index.length < 32) {
            throw new IllegalArgumentException("banhao.crypto.index-key must be at least 32 bytes, base64");
        }
        this.dataKey = new KeyParameter(data);
        this.indexKey = new KeyParameter(index);
        this.keyId = keyId;
    }

    public byte[] encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] text = plain.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher cipher = sm4Gcm(true, iv, new byte[] { VERSION, keyId });
        byte[] stored = new byte[2 + IV_BYTES + cipher.getOutputSize(text.length)];
        ByteBuffer.wrap(stored).put(VERSION).put(keyId).put(iv);
        int at = 2 + IV_BYTES + cipher.processBytes(text, 0, text.length, stored, 2 + IV_BYTES);
        try {
            cipher.doFinal(stored, at);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        return stored;
    }

    public String decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        if (stored.length < 2 + IV_BYTES + TAG_BITS / 8 || stored[0] != VERSION || stored[1] != keyId) {
            throw new IllegalStateException("Unknown ciphertext format or key id");
        }
        byte[] iv = Arrays.copyOfRange(stored, 2, 2 + IV_BYTES);
        GCMModeCipher cipher = sm4Gcm(false, iv, new byte[] { stored[0], stored[1] });
        int sealed = stored.length - 2 - IV_BYTES;
        byte[] plain = new byte[cipher.getOutputSize(sealed)];
        try {
            int length = cipher.processBytes(stored, 2 + IV_BYTES, sealed, plain, 0);
            length += cipher.doFinal(plain, length);
            return new String(plain, 0, length, StandardCharsets.UTF_8);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM decryption failed (tampered or wrong key)", e);
        }
    }

    /** A deterministic keyed hash for equality lookups; {@code purpose} keeps indexes of different fields apart. */
    public byte[] blindIndex(String purpose, String value) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(indexKey);
        byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        mac.update(p, 0, p.length);
        mac.update((byte) 0);
        mac.update(v, 0, v.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** The blind index as URL-safe text, for Redis keys. */
    public String blindIndexText(String purpose, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(blindIndex(purpose, value));
    }

    /**
     * SM4 in GCM mode with a 128-bit tag over {@code aad}: this thread's cipher, used by the caller to the end before
     * anything else on the thread asks for it (nothing between them calls back into this class).
     */
    private GCMModeCipher sm4Gcm(boolean encrypt, byte[] iv, byte[] aad) {
        GCMModeCipher cipher = ciphers.get();
        cipher.init(encrypt, new AEADParameters(dataKey, TAG_BITS, iv, aad));
        return cipher;
    }
}
