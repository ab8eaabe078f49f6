package app.banhao.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void forwardingWithoutTrustedProxiesIsRefusedNamingTheSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TrustedProxies.require(true, Optional.empty()));
        assertTrue(refused.getMessage().contains("quarkus.http.proxy.trusted-proxies"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> TrustedProxies.require(true, Optional.of(List.of(" "))));
    }

    @Test
    void forwardingWithTrustedProxiesOrNoForwardingStarts() {
        assertDoesNotThrow(() -> TrustedProxies.require(true, Optional.of(List.of("10.0.0.0/8"))));
        assertDoesNotThrow(() -> TrustedProxies.require(false, Optional.empty()));
    }
}
