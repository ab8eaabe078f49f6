package app.banhao.platform.web;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A forwarded address from a caller that is not a trusted proxy is a claim, not a fact: it is ignored. */
@QuarkusTest
@TestProfile(UntrustedForwardedHeaderTest.ProxyElsewhere.class)
class UntrustedForwardedHeaderTest {

    public static class ProxyElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "192.0.2.10");
        }
    }

    @Inject
    DataSource jdbc;

    @Test
    void aClientCannotChooseItsOwnAddress() throws Exception {
        String claimed = ForwardedAddresses.freshClient();
        String requestId = ForwardedAddresses.newRequestId();
        ForwardedAddresses.sendOtp(claimed, requestId).then().statusCode(202);
        String recorded = ForwardedAddresses.auditedClientIp(jdbc, requestId);
        assertNotNull(recorded);
        assertNotEquals(claimed, recorded);
    }
}
