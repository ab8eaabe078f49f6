package app.banhao.wallet;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * SM2 keys and SM3withSM2 signatures (GB/T 32918, GB/T 32905) through Bouncy Castle, nothing hand-written. The
 * signer id is Bouncy Castle's default, the GB/T 35276 {@code 1234567812345678}, which verifiers must use too.
 */
public final class Sm2Signatures {

    public static final String ALGORITHM = "SM3withSM2";
    public static final String USER_ID = "1234567812345678";
    private static final String PROVIDER = "BC";

    private Sm2Signatures() {
    }

    /** A fresh key pair on the curve sm2p256v1. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key generation failed (is Bouncy Castle registered?)", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, PROVIDER);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signatureDer) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, PROVIDER);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureDer);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A public key from its X.509 SubjectPublicKeyInfo DER, as published. */
    public static PublicKey publicKey(byte[] spki) {
        try {
            return KeyFactory.getInstance("EC", PROVIDER).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an SM2 public key", e);
        }
    }

    /** A private key from its PKCS#8 DER. */
    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC", PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an SM2 private key", e);
        }
    }
}
