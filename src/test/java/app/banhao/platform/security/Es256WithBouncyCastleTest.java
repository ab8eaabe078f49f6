package app.banhao.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Random;

import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.InvalidKeyException;
import org.junit.jupiter.api.Test;

/** Bouncy Castle's ES256 check says what the JDK's says, for good signatures and spoiled ones. */
class Es256WithBouncyCastleTest {

    private static final BigInteger P256_ORDER = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private final Es256WithBouncyCastle es256 = new Es256WithBouncyCastle();
    private final Random random = new Random(20261206);

    @Test
    void agreesWithTheJdkOnGoodTamperedAndForeignSignatures() throws Exception {
        KeyPair key = keyPair("secp256r1");
        KeyPair other = keyPair("secp256r1");
        for (int i = 0; i < 200; i++) {
            byte[] input = new byte[1 + random.nextInt(600)];
            random.nextBytes(input);
            byte[] signature = jdkSign(key, input);
            assertTrue(es256.verifySignature(signature, key.getPublic(), input, null), "a good signature, round " + i);

            byte[] tamperedInput = input.clone();
            tamperedInput[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
            byte[] tamperedSignature = signature.clone();
            tamperedSignature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            assertEquals(jdkVerify(key, tamperedInput, signature), es256.verifySignature(signature, key.getPublic(), tamperedInput, null));
            assertEquals(jdkVerify(key, input, tamperedSignature), es256.verifySignature(tamperedSignature, key.getPublic(), input, null));
            assertFalse(es256.verifySignature(signature, other.getPublic(), input, null), "another key's check");
        }
    }

    @Test
    void refusesSignaturesOutsideTheirRangeOrLength() throws Exception {
        KeyPair key = keyPair("secp256r1");
        byte[] input = "header.claims".getBytes(StandardCharsets.US_ASCII);
        byte[] good = jdkSign(key, input);
        assertTrue(es256.verifySignature(good, key.getPublic(), input, null));

        byte[] zeroS = good.clone();
        Arrays.fill(zeroS, 32, 64, (byte) 0);
        assertFalse(es256.verifySignature(zeroS, key.getPublic(), input, null), "s = 0");
        // s + n is the same residue: a check that reduced s first would accept it; ECDSA must not (malleability).
        byte[] sPlusN = good.clone();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(good, 32, 64)).add(P256_ORDER);
        if (s.bitLength() <= 256) {
            byte[] sBytes = s.toByteArray();
            System.arraycopy(sBytes, sBytes.length - 32, sPlusN, 32, 32);
            assertFalse(es256.verifySignature(sPlusN, key.getPublic(), input, null), "s ≥ n");
        }
        assertFalse(es256.verifySignature(Arrays.copyOf(good, 63), key.getPublic(), input, null), "63 bytes");
        assertFalse(es256.verifySignature(Arrays.copyOf(good, 65), key.getPublic(), input, null), "65 bytes");
        assertFalse(es256.verifySignature(new byte[0], key.getPublic(), input, null), "empty");
    }

    @Test
    void refusesKeysThatAreNotP256() throws Exception {
        byte[] input = "header.claims".getBytes(StandardCharsets.US_ASCII);
        KeyPair p384 = keyPair("secp384r1");
        assertThrows(InvalidKeyException.class, () -> es256.verifySignature(new byte[64], p384.getPublic(), input, null));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertThrows(InvalidKeyException.class, () -> es256.verifySignature(new byte[64], rsa.generateKeyPair().getPublic(), input, null));
    }

    @Test
    void onceRegisteredItChecksEveryJose4jEs256Signature() throws Exception {
        Es256WithBouncyCastle.register();
        Es256WithBouncyCastle.register();
        assertInstanceOf(Es256WithBouncyCastle.class,
                AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(Es256WithBouncyCastle.ALGORITHM));

        KeyPair key = keyPair("secp256r1");
        String token = token(key, "resident");

        JsonWebSignature read = new JsonWebSignature();
        read.setCompactSerialization(token);
        read.setKey(key.getPublic());
        assertInstanceOf(Es256WithBouncyCastle.class, read.getAlgorithm());
        assertTrue(read.verifySignature());

        // Another subject's claims under this token's signature.
        String[] parts = token.split("\\.");
        String[] admin = token(key, "admin").split("\\.");
        JsonWebSignature forged = new JsonWebSignature();
        forged.setCompactSerialization(parts[0] + "." + admin[1] + "." + parts[2]);
        forged.setKey(key.getPublic());
        assertFalse(forged.verifySignature());
    }

    /** An ES256 token signed by jose4j (the JDK's signature), as a relying party or a test would make one. */
    private static String token(KeyPair key, String subject) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        JsonWebSignature signed = new JsonWebSignature();
        signed.setPayload(claims.toJson());
        signed.setAlgorithmHeaderValue(Es256WithBouncyCastle.ALGORITHM);
        signed.setKey(key.getPrivate());
        return signed.getCompactSerialization();
    }

    private static KeyPair keyPair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve), new SecureRandom());
        return generator.generateKeyPair();
    }

    /** The JDK's ES256: DER from the JCA turned into R and S of 32 bytes each, as JWS has it. */
    private static byte[] jdkSign(KeyPair key, byte[] input) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(input);
        return EcdsaUsingShaAlgorithm.convertDerToConcatenated(signer.sign(), 64);
    }

    private static boolean jdkVerify(KeyPair key, byte[] input, byte[] concatenated) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key.getPublic());
        verifier.update(input);
        try {
            return verifier.verify(EcdsaUsingShaAlgorithm.convertConcatenatedToDer(concatenated));
        } catch (java.security.SignatureException e) {
            return false;
        }
    }
}
