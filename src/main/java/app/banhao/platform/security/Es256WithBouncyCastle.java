package app.banhao.platform.security;

import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.jose4j.lang.InvalidKeyException;
import org.jose4j.lang.JoseException;

/**
 * jose4j's ES256 (RFC 7518 §3.4) with the signature check done by Bouncy Castle's ECDSA instead of the JDK's. Every
 * request with a token this node has not seen yet is checked once ({@link VerifiedTokens} keeps it after that), and in
 * a rush of residents each with a token of their own that check was a third of the JVM's CPU (the booking scenario:
 * 34% of the samples under {@code ECDSASignature.engineVerify}, about 1.2 ms a token on JDK 17; Bouncy Castle's, with
 * the base point's and the key's multiples precomputed once, about 0.2 ms on the same machine). Signing is left as it
 * is: {@link app.banhao.platform.session.AccessTokens} already signs with Bouncy Castle, and anything else jose4j signs
 * keeps the JDK's. As there, Bouncy Castle's own API is used, not its JCA provider (registering the provider costs a
 * second of start-up and would change what every other JCA user gets).
 *
 * <p>The check is the same: jose4j still resolves the key and checks that it is a P-256 public key before it calls
 * {@link #verifySignature}; the signature must be R and S of 32 bytes each, both in [1, n-1] (Bouncy Castle refuses
 * others), over the SHA-256 of the signing input.
 */
public final class Es256WithBouncyCastle extends EcdsaUsingShaAlgorithm.EcdsaP256UsingSha256 {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("P-256");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(),
            P256.getH());
    private static final int P256_BYTES = 32;
    static final String ALGORITHM = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;

    /**
     * The last key checked against, as Bouncy Castle's point: a point kept keeps its precomputed multiples, which is
     * most of the speed. A node checks against one key; while keys rotate, tokens of the two take turns and the point is
     * made again at each turn (slower for those minutes, never wrong).
     */
    private volatile KeyInUse lastKey;

    private record KeyInUse(ECPublicKey key, ECPublicKeyParameters parameters) {
    }

    /** Makes this the ES256 of every jose4j signature check in the process (idempotent). */
    public static void register() {
        var algorithms = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory();
        try {
            if (!(algorithms.getAlgorithm(ALGORITHM) instanceof Es256WithBouncyCastle)) {
                algorithms.registerAlgorithm(new Es256WithBouncyCastle());
            }
        } catch (JoseException e) {
            throw new IllegalStateException("jose4j has no ES256", e);
        }
    }

    @Override
    public boolean verifySignature(byte[] signatureBytes, Key key, byte[] securedInputBytes, ProviderContext providerContext)
            throws JoseException {
        if (!(key instanceof ECPublicKey ecKey)) {
            throw new InvalidKeyException("ES256 needs an EC public key, not " + (key == null ? null : key.getClass()));
        }
        if (signatureBytes == null || signatureBytes.length != 2 * P256_BYTES) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signatureBytes, 0, P256_BYTES));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signatureBytes, P256_BYTES, 2 * P256_BYTES));
        SHA256Digest sha = new SHA256Digest();
        sha.update(securedInputBytes, 0, securedInputBytes.length);
        byte[] digest = new byte[sha.getDigestSize()];
        sha.doFinal(digest, 0);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, parameters(ecKey));
        return verifier.verifySignature(digest, r, s);
    }

    private ECPublicKeyParameters parameters(ECPublicKey key) throws InvalidKeyException {
        KeyInUse last = lastKey;
        if (last != null && (last.key() == key || last.key().equals(key))) {
            return last.parameters();
        }
        // jose4j checks the key's curve unless told to relax its key checks (SmallRye JWT may be): checked here again.
        if (!DOMAIN.getN().equals(key.getParams().getOrder()) || key.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new InvalidKeyException("ES256 needs a P-256 key");
        }
        try {
            // validatePoint refuses a point that is not on P-256.
            ECPublicKeyParameters parameters = new ECPublicKeyParameters(
                    DOMAIN.getCurve().validatePoint(key.getW().getAffineX(), key.getW().getAffineY()), DOMAIN);
            lastKey = new KeyInUse(key, parameters);
            return parameters;
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("The ES256 key is not a point of P-256", e);
        }
    }
}
