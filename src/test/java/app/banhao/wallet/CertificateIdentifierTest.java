package app.banhao.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 电子证照标识 and its ISO 7064 MOD 37,36 check character, against examples worked out by hand and seen in use. */
class CertificateIdentifierTest {

    @Test
    void theCheckCharacterOfWorkedExamples() {
        // "0": s = (36 + 0) mod 36 = 0 → 36; p = 2·36 mod 37 = 35; check = (37 − 35) mod 36 = 2.
        assertEquals('2', CertificateIdentifier.checkCharacter("0"));
        // "A" (10): s = (36 + 10) mod 36 = 10; p = 20; check = (37 − 20) mod 36 = 17 → 'H'.
        assertEquals('H', CertificateIdentifier.checkCharacter("A"));
        // "Z" (35): s = 35; p = 70 mod 37 = 33; check = 4.
        assertEquals('4', CertificateIdentifier.checkCharacter("Z"));
    }

    @Test
    void theIdentifierTheProvincialGuideQuotes() {
        // REFERENCES.md §电子证照: an identifier seen in use, check character F.
        CertificateIdentifier id = new CertificateIdentifier("11100000000013338W032", "11220000013544541J", "2430599", "001");
        assertEquals("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F", id.text());
        assertTrue(CertificateIdentifier.valid(id.text()));
    }

    @Test
    void aChangedCharacterIsCaught() {
        String good = new CertificateIdentifier("11100000000013338W032", "11430000006100084A", "00000000000000000042", "001").text();
        assertTrue(good.endsWith(".001.T"), good);
        assertFalse(CertificateIdentifier.valid(good.replace(".001.T", ".001.U")));
        assertFalse(CertificateIdentifier.valid(good.replace("0042", "0043")));
        assertFalse(CertificateIdentifier.valid("2.16.156.1.2.3"));
    }

    @Test
    void malformedPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CertificateIdentifier("111", "11430000006100084A", "1", "001"));
        assertThrows(IllegalArgumentException.class,
                () -> new CertificateIdentifier("11100000000013338W032", "11430000006100084A", "1", "1"));
        assertThrows(IllegalArgumentException.class,
                () -> new CertificateIdentifier("11100000000013338W032", "1143000000610008a4", "1", "001"));
    }
}
