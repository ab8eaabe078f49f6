package app.banhao.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Behind a trusted load balancer every client is one socket address; per-IP limits and the audit log must
 * see the address the balancer forwards instead.
 */
@QuarkusTest
@TestProfile(ForwardedClientAddressTest.BehindTrustedProxy.class)
class ForwardedClientAddressTest {

    public static class BehindTrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
                    "banhao.otp.per-ip-per-hour", "3",
                    "banhao.wallet.verify-per-ip-per-minute", "3");
        }
    }

    @Inject
    DataSource jdbc;

    @Test
    void perIpLimitCountsEachForwardedClientOnItsOwn() {
        String busy = ForwardedAddresses.freshClient();
        for (int i = 0; i < 3; i++) {
            ForwardedAddresses.sendOtp(busy, ForwardedAddresses.newRequestId()).then().statusCode(202);
        }
        ForwardedAddresses.sendOtp(busy, ForwardedAddresses.newRequestId()).then().statusCode(429);

        String other = ForwardedAddresses.freshClient();
        ForwardedAddresses.sendOtp(other, ForwardedAddresses.newRequestId()).then().statusCode(202);
    }

    @Test
    void publicVerificationsAreLimitedPerForwardedClient() {
        String busy = ForwardedAddresses.freshClient();
        for (int i = 0; i < 3; i++) {
            verify(busy).then().statusCode(200).body("reason", org.hamcrest.Matchers.equalTo("MALFORMED"));
        }
        verify(busy).then().statusCode(429).body("code", org.hamcrest.Matchers.equalTo("RATE_LIMITED"));

        String other = ForwardedAddresses.freshClient();
        verify(other).then().statusCode(200);
    }

    private static io.restassured.response.Response verify(String client) {
        return io.restassured.RestAssured.given().header("X-Forwarded-For", client).contentType("application/json")
                .body("{\"token\":\"BHP1.not-a-token.at-all\"}").post("/api/v1/wallet/presentations/verify");
    }

    @Test
    void auditLogRecordsTheForwardedClient() throws Exception {
        String client = ForwardedAddresses.freshClient();
        String requestId = ForwardedAddresses.newRequestId();
        ForwardedAddresses.sendOtp(client, requestId).then().statusCode(202);
        assertEquals(client, ForwardedAddresses.auditedClientIp(jdbc, requestId));
    }
}
