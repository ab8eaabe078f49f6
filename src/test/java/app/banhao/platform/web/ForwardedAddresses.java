package app.banhao.platform.web;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.restassured.response.Response;

/** Requests as a load balancer forwards them, and the client address the audit log kept for them. */
final class ForwardedAddresses {

    private ForwardedAddresses() {
    }

    private static final String[] DOCUMENTATION_NETS = { "192.0.2.", "198.51.100.", "203.0.113." };
    private static final int ADDRESSES = DOCUMENTATION_NETS.length * 254;
    /** Counted, not drawn: a random pick among 762 addresses repeats one an earlier test spent its limit on. */
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(ADDRESSES));
    private static final AtomicInteger HANDED_OUT = new AtomicInteger();

    /** A documentation address (RFC 5737) no earlier request of this run has used. */
    static String freshClient() {
        if (HANDED_OUT.incrementAndGet() > ADDRESSES) {
            throw new IllegalStateException("every documentation address of this run is spent");
        }
        int n = Math.floorMod(NEXT.getAndIncrement(), ADDRESSES);
        return DOCUMENTATION_NETS[n / 254] + (n % 254 + 1);
    }

    static String freshPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Asks for a login code for a new phone, as {@code client} behind the proxy; the request id sent. */
    static Response sendOtp(String client, String requestId) {
        return given().header("X-Forwarded-For", client).header(RequestIds.HEADER, requestId)
                .contentType("application/json").body("{\"phone\":\"" + freshPhone() + "\"}")
                .post("/api/v1/auth/otp");
    }

    static String newRequestId() {
        return "fwd-" + UUID.randomUUID();
    }

    static String auditedClientIp(DataSource jdbc, String requestId) throws SQLException {
        try (Connection c = jdbc.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT client_ip FROM audit_log WHERE request_id = ?")) {
            s.setString(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
