package app.banhao.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.banhao.platform.local.LocalMode;
import app.banhao.resident.IdNumbers;

/** The certificate library stand-in runs in local mode only; outside it there is none (it imports nothing). */
class ProvincialLibrariesTest {

    @Test
    void theDemoHoldersIdNumberPassesRealNameVerification() {
        // The walk-throughs have the demo resident verify their real name with the wallet's holder (README).
        assertTrue(IdNumbers.valid(DemoWallet.HOLDER_ID_NUMBER, LocalDate.now()));
    }

    @Test
    void theStandInRunsInLocalModeOnly() {
        ProvincialCertificateLibrary local = ProvincialLibraries.select(new LocalMode(true));
        assertInstanceOf(LocalProvincialLibrary.class, local);
        List<ProvincialCertificateLibrary.Held> held = local.heldBy(DemoWallet.HOLDER_ID_NUMBER, "测试").await().indefinitely();
        assertEquals(List.of("RESIDENT_ID_CARD", "HOUSEHOLD_REGISTER", "DRIVING_LICENCE", "MARRIAGE_CERT", "BUSINESS_LICENSE"),
                held.stream().map(ProvincialCertificateLibrary.Held::typeCode).toList());
        assertThrows(IllegalStateException.class, () -> new LocalProvincialLibrary(new LocalMode(false)));
    }

    @Test
    void outsideLocalModeNothingIsImported() {
        ProvincialCertificateLibrary none = ProvincialLibraries.select(new LocalMode(false));
        assertSame(ProvincialLibraries.NONE, none);
        assertTrue(none.heldBy(DemoWallet.HOLDER_ID_NUMBER, "测试").await().indefinitely().isEmpty());
    }
}
