package app.banhao.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SM3 and SM3withSM2 through Bouncy Castle as {@link Sm2Signatures} uses them, against published vectors and against
 * Bouncy Castle's JCA provider (what the keys kept by earlier versions were made and encoded with, and what an outside
 * verifier may use).
 */
class Sm2KnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void provider() {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    @Test
    void sm3OfAbc() throws Exception {
        // GB/T 32905-2016 附录A 示例1.
        assertArrayEquals(HEX.parseHex("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
                MessageDigest.getInstance("SM3", "BC").digest("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theStandardsSm2SignatureVerifies() throws Exception {
        // GM/T 0003.5-2012 / GB/T 32918.5 signature example on sm2p256v1: d = 3945208F…4DF7C5B8, ID 1234567812345678,
        // message "message digest", k = 59276E27…DEAC1BC21 → (r, s) below.
        // The public key as published: X.509 SubjectPublicKeyInfo (id-ecPublicKey, sm2p256v1) around 04 || x || y.
        ECPublicKeyParameters key = Sm2Signatures.publicKey(HEX.parseHex("3059301306072a8648ce3d020106082a811ccf5501822d03420004"
                + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
                + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13"));
        ASN1EncodableVector rs = new ASN1EncodableVector();
        rs.add(new ASN1Integer(new BigInteger("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", 16)));
        rs.add(new ASN1Integer(new BigInteger("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", 16)));
        byte[] signature = new DERSequence(rs).getEncoded();
        byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);
        assertTrue(Sm2Signatures.verify(key, message, signature));
        assertFalse(Sm2Signatures.verify(key, "message digesT".getBytes(StandardCharsets.US_ASCII), signature));
    }

    @Test
    void whatIsSignedVerifiesWithThePublishedEncodingOnly() {
        AsymmetricCipherKeyPair pair = Sm2Signatures.generate();
        byte[] data = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2Signatures.sign((ECPrivateKeyParameters) pair.getPrivate(), data);
        byte[] spki = Sm2Signatures.encoded((ECPublicKeyParameters) pair.getPublic());
        ECPublicKeyParameters published = Sm2Signatures.publicKey(spki);
        assertTrue(Sm2Signatures.verify(published, data, signature));
        assertFalse(Sm2Signatures.verify(published, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), signature));
        byte[] pkcs8 = Sm2Signatures.encoded((ECPrivateKeyParameters) pair.getPrivate());
        assertTrue(Sm2Signatures.verify(published, data, Sm2Signatures.sign(Sm2Signatures.privateKey(pkcs8), data)));
    }

    @Test
    void keysAndSignaturesAreThoseOfTheJcaProvider() throws Exception {
        byte[] data = "{\"digests\":[\"x\"]}".getBytes(StandardCharsets.UTF_8);
        // A key made and encoded by the provider (as issuer keys were kept before) signs for the provider's verifier.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "BC");
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair jca = generator.generateKeyPair();
        byte[] ours = Sm2Signatures.sign(Sm2Signatures.privateKey(jca.getPrivate().getEncoded()), data);
        Signature verifier = Signature.getInstance(Sm2Signatures.ALGORITHM, "BC");
        verifier.initVerify(jca.getPublic());
        verifier.update(data);
        assertTrue(verifier.verify(ours), "our signature with a provider-made key, checked by the provider");
        Signature signer = Signature.getInstance(Sm2Signatures.ALGORITHM, "BC");
        signer.initSign(jca.getPrivate());
        signer.update(data);
        assertTrue(Sm2Signatures.verify(Sm2Signatures.publicKey(jca.getPublic().getEncoded()), data, signer.sign()),
                "the provider's signature, checked by ours");

        // A key made and encoded here reads back in the provider, in the same encodings.
        AsymmetricCipherKeyPair pair = Sm2Signatures.generate();
        KeyFactory factory = KeyFactory.getInstance("EC", "BC");
        byte[] spki = Sm2Signatures.encoded((ECPublicKeyParameters) pair.getPublic());
        byte[] pkcs8 = Sm2Signatures.encoded((ECPrivateKeyParameters) pair.getPrivate());
        assertArrayEquals(spki, factory.generatePublic(new X509EncodedKeySpec(spki)).getEncoded());
        signer.initSign(factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        signer.update(data);
        assertTrue(Sm2Signatures.verify(Sm2Signatures.publicKey(spki), data, signer.sign()));
    }

    @Test
    void aKeyOnAnotherCurveIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "BC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = generator.generateKeyPair();
        assertThrows(IllegalStateException.class, () -> Sm2Signatures.publicKey(p256.getPublic().getEncoded()));
        assertThrows(IllegalStateException.class, () -> Sm2Signatures.privateKey(p256.getPrivate().getEncoded()));
        assertThrows(IllegalStateException.class, () -> Sm2Signatures.publicKey(new byte[] { 1, 2, 3 }));
    }
}
