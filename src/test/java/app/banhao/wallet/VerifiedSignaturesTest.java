package app.banhao.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.Test;

/** A remembered success must never make a different key, document or signature pass. */
class VerifiedSignaturesTest {

    private static final byte[] DOCUMENT = "{\"digests\":[\"a\",\"b\"]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aValidSignatureIsRememberedOnceAndAnyChangeIsCheckedInFull() {
        AsymmetricCipherKeyPair issuerPair = Sm2Signatures.generate();
        AsymmetricCipherKeyPair otherPair = Sm2Signatures.generate();
        ECPublicKeyParameters issuer = (ECPublicKeyParameters) issuerPair.getPublic();
        ECPublicKeyParameters other = (ECPublicKeyParameters) otherPair.getPublic();
        byte[] signature = Sm2Signatures.sign((ECPrivateKeyParameters) issuerPair.getPrivate(), DOCUMENT);
        VerifiedSignatures signatures = new VerifiedSignatures();

        assertTrue(signatures.verify("HN-GAT-1", issuer, DOCUMENT, signature));
        assertTrue(signatures.verify("HN-GAT-1", issuer, DOCUMENT, signature));
        assertEquals(1, signatures.remembered(), "the same triple is remembered once");

        byte[] changed = DOCUMENT.clone();
        changed[3] ^= 1;
        assertFalse(signatures.verify("HN-GAT-1", issuer, changed, signature), "a changed document");
        byte[] forged = Sm2Signatures.sign((ECPrivateKeyParameters) otherPair.getPrivate(), DOCUMENT);
        assertFalse(signatures.verify("HN-GAT-1", issuer, DOCUMENT, forged), "another key's signature");
        assertFalse(signatures.verify("HN-GAT-2", other, DOCUMENT, signature), "the same bytes under another key id");
        assertEquals(1, signatures.remembered(), "failures are not remembered");
    }
}
