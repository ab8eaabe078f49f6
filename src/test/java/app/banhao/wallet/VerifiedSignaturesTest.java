package app.banhao.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A remembered success must never make a different key, document or signature pass. */
class VerifiedSignaturesTest {

    private static final byte[] DOCUMENT = "{\"digests\":[\"a\",\"b\"]}".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void provider() {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    @Test
    void aValidSignatureIsRememberedOnceAndAnyChangeIsCheckedInFull() {
        KeyPair issuer = Sm2Signatures.generate();
        KeyPair other = Sm2Signatures.generate();
        byte[] signature = Sm2Signatures.sign(issuer.getPrivate(), DOCUMENT);
        VerifiedSignatures signatures = new VerifiedSignatures();

        assertTrue(signatures.verify("HN-GAT-1", issuer.getPublic(), DOCUMENT, signature));
        assertTrue(signatures.verify("HN-GAT-1", issuer.getPublic(), DOCUMENT, signature));
        assertEquals(1, signatures.remembered(), "the same triple is remembered once");

        byte[] changed = DOCUMENT.clone();
        changed[3] ^= 1;
        assertFalse(signatures.verify("HN-GAT-1", issuer.getPublic(), changed, signature), "a changed document");
        byte[] forged = Sm2Signatures.sign(other.getPrivate(), DOCUMENT);
        assertFalse(signatures.verify("HN-GAT-1", issuer.getPublic(), DOCUMENT, forged), "another key's signature");
        assertFalse(signatures.verify("HN-GAT-2", other.getPublic(), DOCUMENT, signature), "the same bytes under another key id");
        assertEquals(1, signatures.remembered(), "failures are not remembered");
    }
}
