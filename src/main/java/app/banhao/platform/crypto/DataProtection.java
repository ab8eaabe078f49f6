package app.banhao.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Personal data at rest (DESIGN.md §7): SM4-GCM encryption and an HMAC-SM3 blind index for values that
 * must be looked up (phone, ID number) without being stored in clear. Both through Bouncy Castle.
 *
 * <p>Ciphertext layout: {@code [version=1][key id][12-byte IV][ciphertext + 16-byte tag]}; the key id
 * lets a later key rotation decrypt old rows.
 */
@ApplicationScoped
public class DataProtection {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PROVIDER = "BC";

    private final SecretKeySpec dataKey;
    private final SecretKeySpec indexKey;
    private final byte keyId;
    private final SecureRandom random = new SecureRandom();

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
        this.dataKey = new SecretKeySpec(data, "SM4");
        this.indexKey = new SecretKeySpec(index, "HMACSM3");
        this.keyId = keyId;
    }

    public byte[] encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(new byte[] { VERSION, keyId });
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(2 + IV_BYTES + sealed.length).put(VERSION).put(keyId).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        if (stored.length < 2 + IV_BYTES + TAG_BITS / 8 || stored[0] != VERSION || stored[1] != keyId) {
            throw new IllegalStateException("Unknown ciphertext format or key id");
        }
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
            cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, stored, 2, IV_BYTES));
            cipher.updateAAD(stored, 0, 2);
            return new String(cipher.doFinal(stored, 2 + IV_BYTES, stored.length - 2 - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4-GCM decryption failed (tampered or wrong key)", e);
        }
    }

    /** A deterministic keyed hash for equality lookups; {@code purpose} keeps indexes of different fields apart. */
    public byte[] blindIndex(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HMACSM3", PROVIDER);
            mac.init(indexKey);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SM3 failed", e);
        }
    }

    /** The blind index as URL-safe text, for Redis keys. */
    public String blindIndexText(String purpose, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(blindIndex(purpose, value));
    }
}
