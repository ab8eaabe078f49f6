package app.banhao.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

import app.banhao.platform.local.LocalMode;

/**
 * The demo accounts' published passwords and TOTP secrets exist in local mode only: outside it the start-up
 * step does nothing at all (it gets no database, no hasher, nothing to create them with, and needs none).
 * The packaged app outside local mode shows the same from the outside: {@code EmbeddedStartIT} finds no staff.
 */
class DemoAccountsTest {

    @Test
    void outsideLocalModeNoDemoAccountIsCreated() {
        DemoAccounts demo = new DemoAccounts(new LocalMode(false), true, "HN-SCJ", null, null, null, null, null);
        assertDoesNotThrow(() -> demo.atStart().await().indefinitely());
    }
}
