package app.banhao.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * SM2 keys and SM3withSM2 signatures (GB/T 32918, GB/T 32905) through Bouncy Castle's own API, nothing hand-written.
 * The signer id is the GB/T 35276 default {@code 1234567812345678}, which verifiers must use too; signatures are DER,
 * keys travel as X.509 SubjectPublicKeyInfo and PKCS#8 with the named curve sm2p256v1, exactly as the JCA provider
 * writes them.
 *
 * <p>Not the JCA provider: registering it builds every algorithm and curve it knows, about a second of every start on
 * a 2-core machine, for the three operations used here.
 */
public final class Sm2Signatures {

    public static final String ALGORITHM = "SM3withSM2";
    public static final String USER_ID = "1234567812345678";
    private static final byte[] USER_ID_BYTES = USER_ID.getBytes(StandardCharsets.US_ASCII);
    private static final ECNamedDomainParameters CURVE = ECNamedDomainParameters.lookup(GMObjectIdentifiers.sm2p256v1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2Signatures() {
    }

    /** A fresh key pair on the curve sm2p256v1. */
    public static AsymmetricCipherKeyPair generate() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(CURVE, RANDOM));
        return generator.generateKeyPair();
    }

    public static byte[] sign(ECPrivateKeyParameters key, byte[] data) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, RANDOM), USER_ID_BYTES));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    public static boolean verify(ECPublicKeyParameters key, byte[] data, byte[] signatureDer) {
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ParametersWithID(key, USER_ID_BYTES));
        signer.update(data, 0, data.length);
        return signer.verifySignature(signatureDer);
    }

    /** A public key from its X.509 SubjectPublicKeyInfo DER, as published. */
    public static ECPublicKeyParameters publicKey(byte[] spki) {
        try {
            if (PublicKeyFactory.createKey(spki) instanceof ECPublicKeyParameters ec && isSm2(ec.getParameters())) {
                return ec;
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Not an SM2 public key", e);
        }
        throw new IllegalStateException("Not an SM2 public key");
    }

    /** A private key from its PKCS#8 DER. */
    public static ECPrivateKeyParameters privateKey(byte[] pkcs8) {
        try {
            if (PrivateKeyFactory.createKey(pkcs8) instanceof ECPrivateKeyParameters ec && isSm2(ec.getParameters())) {
                return ec;
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Not an SM2 private key", e);
        }
        throw new IllegalStateException("Not an SM2 private key");
    }

    /** The public key as published: X.509 SubjectPublicKeyInfo DER naming the curve. */
    public static byte[] encoded(ECPublicKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("SM2 public key encoding failed", e);
        }
    }

    /** The private key as kept (encrypted): PKCS#8 DER naming the curve. */
    public static byte[] encoded(ECPrivateKeyParameters key) {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("SM2 private key encoding failed", e);
        }
    }

    private static boolean isSm2(ECDomainParameters parameters) {
        return parameters.getCurve().equals(CURVE.getCurve()) && parameters.getG().equals(CURVE.getG());
    }
}
