package app.banhao.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Security;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SM3 and SM3withSM2 through Bouncy Castle as {@link Sm2Signatures} uses them, against published vectors. */
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
        PublicKey key = Sm2Signatures.publicKey(HEX.parseHex("3059301306072a8648ce3d020106082a811ccf5501822d03420004"
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
        KeyPair pair = Sm2Signatures.generate();
        byte[] data = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2Signatures.sign(pair.getPrivate(), data);
        PublicKey published = Sm2Signatures.publicKey(pair.getPublic().getEncoded());
        assertTrue(Sm2Signatures.verify(published, data, signature));
        assertFalse(Sm2Signatures.verify(published, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), signature));
        assertTrue(Sm2Signatures.verify(Sm2Signatures.publicKey(pair.getPublic().getEncoded()), data,
                Sm2Signatures.sign(Sm2Signatures.privateKey(pair.getPrivate().getEncoded()), data)));
    }
}
