package app.banhao.wallet.presentation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** A retired presentation key verifies only while a token it signed before retiring can still be alive. */
class PresentationKeysTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aCurrentKeySignsLiveTokens() {
        assertTrue(key(null).signsLiveTokensAt(NOW));
    }

    @Test
    void aRetiredKeyStopsOnceTheLongestPresentationItCouldHaveSignedIsOver() {
        int longest = PresentationService.MAX_LIFETIME_SECONDS;
        assertTrue(key(NOW.minusSeconds(longest - 1)).signsLiveTokensAt(NOW), "a token made just before retiring may live");
        assertFalse(key(NOW.minusSeconds(longest)).signsLiveTokensAt(NOW), "no token it signed can be alive any more");
        assertFalse(key(NOW.minusDays(30)).signsLiveTokensAt(NOW));
    }

    private static PresentationKeys.Published key(OffsetDateTime retired) {
        return new PresentationKeys.Published(PresentationKeys.SERVICE, null, retired, Instant.now());
    }
}
