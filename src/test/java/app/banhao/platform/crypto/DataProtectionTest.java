package app.banhao.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bytes at rest are those Bouncy Castle's JCA provider makes and reads (what every row written before was
 * encrypted and indexed with): the provider is the independent reference here, the service does not register it.
 */
class DataProtectionTest {

    private static final byte[] DATA_KEY = new byte[16];
    private static final byte[] INDEX_KEY = new byte[32];
    private static final String PHONE = "13800138000";

    private final DataProtection protection = new DataProtection(Base64.getEncoder().encodeToString(DATA_KEY),
            Base64.getEncoder().encodeToString(INDEX_KEY), (byte) 1);

    @BeforeAll
    static void keysAndProvider() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(DATA_KEY);
        random.nextBytes(INDEX_KEY);
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    @Test
    void whatTheProviderEncryptedDecryptsAndWhatIsEncryptedTheProviderDecrypts() throws Exception {
        String name = "王小明 430104199003071234";
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher jca = Cipher.getInstance("SM4/GCM/NoPadding", "BC");
        jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(DATA_KEY, "SM4"), new GCMParameterSpec(128, iv));
        jca.updateAAD(new byte[] { 1, 1 });
        byte[] sealed = jca.doFinal(name.getBytes(StandardCharsets.UTF_8));
        byte[] stored = ByteBuffer.allocate(2 + 12 + sealed.length).put((byte) 1).put((byte) 1).put(iv).put(sealed).array();
        assertEquals(name, protection.decrypt(stored));

        byte[] ours = protection.encrypt(name);
        assertEquals(2 + 12 + name.getBytes(StandardCharsets.UTF_8).length + 16, ours.length);
        jca.init(Cipher.DECRYPT_MODE, new SecretKeySpec(DATA_KEY, "SM4"), new GCMParameterSpec(128, ours, 2, 12));
        jca.updateAAD(ours, 0, 2);
        assertEquals(name, new String(jca.doFinal(ours, 14, ours.length - 14), StandardCharsets.UTF_8));
        assertNotEquals(Arrays.toString(ours), Arrays.toString(protection.encrypt(name)), "a fresh IV every time");
        assertEquals("", protection.decrypt(protection.encrypt("")));
    }

    @Test
    void aChangedByteOrAnotherKeyIdIsRefused() {
        byte[] stored = protection.encrypt(PHONE);
        for (int at : new int[] { 1, 5, 14, stored.length - 1 }) {
            byte[] changed = stored.clone();
            changed[at] ^= 1;
            assertThrows(IllegalStateException.class, () -> protection.decrypt(changed), "byte " + at);
        }
        assertThrows(IllegalStateException.class, () -> protection.decrypt(Arrays.copyOf(stored, 20)));
    }

    /**
     * Each thread reuses one cipher (DataProtection#ciphers): a refused decryption leaves nothing behind for the next
     * call, two services with different keys on one thread keep to their own, and threads at once never mix their
     * calls.
     */
    @Test
    void aThreadsCipherServesOneCallAfterAnotherWhateverTheCallBeforeAndThreadsAtOnce() throws Exception {
        byte[] stored = protection.encrypt(PHONE);
        byte[] tampered = stored.clone();
        tampered[stored.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> protection.decrypt(tampered));
        assertEquals(PHONE, protection.decrypt(stored));

        byte[] otherKey = new byte[16];
        new SecureRandom().nextBytes(otherKey);
        DataProtection other = new DataProtection(Base64.getEncoder().encodeToString(otherKey),
                Base64.getEncoder().encodeToString(INDEX_KEY), (byte) 1);
        byte[] theirs = other.encrypt(PHONE);
        assertEquals(PHONE, protection.decrypt(protection.encrypt(PHONE)));
        assertEquals(PHONE, other.decrypt(theirs));
        assertThrows(IllegalStateException.class, () -> protection.decrypt(theirs), "another key's ciphertext");
        assertEquals(PHONE, protection.decrypt(stored));

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String mine = "住址 " + t + " 号";
                done.add(threads.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String value = mine + i;
                        assertEquals(value, protection.decrypt(protection.encrypt(value)));
                        assertEquals(PHONE, protection.decrypt(stored));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> d : done) {
                assertEquals(2_000, d.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theBlindIndexIsTheProvidersHmacSm3OfPurposeAndValue() throws Exception {
        Mac mac = Mac.getInstance("HMACSM3", "BC");
        mac.init(new SecretKeySpec(INDEX_KEY, "HMACSM3"));
        mac.update("phone".getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        assertArrayEquals(mac.doFinal(PHONE.getBytes(StandardCharsets.UTF_8)), protection.blindIndex("phone", PHONE));
        assertArrayEquals(protection.blindIndex("phone", PHONE), protection.blindIndex("phone", PHONE));
        assertNotEquals(protection.blindIndexText("phone", PHONE), protection.blindIndexText("id", PHONE));
    }
}
