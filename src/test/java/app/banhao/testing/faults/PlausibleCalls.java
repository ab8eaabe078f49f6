package app.banhao.testing.faults;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.function.Supplier;

import app.banhao.testing.access.Caller;
import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.contract.SpecOperation;
import app.banhao.testing.fuzz.FuzzRequest;
import app.banhao.testing.fuzz.RequestFuzzer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One plausible call of any operation of the contract (the fuzzer's unattacked case: every parameter and the body
 * valid by the schema), made by a caller of the kind the operation is for: the passes that must reach every
 * operation (an outage, parallel writes) start from it. Sent through REST Assured, so the contract filter holds
 * every answer to the contract.
 */
public final class PlausibleCalls {

    private final RequestFuzzer fuzzer;

    public PlausibleCalls(ApiContract contract) {
        this.fuzzer = new RequestFuzzer(contract);
    }

    /**
     * Staff (every role) for the staff console's and administrators' operations, a resident for the others, nobody
     * for public ones. {@code real} residents log in through the API (they exist in the database); otherwise the
     * token names a resident that does not, which is enough while the database is down.
     */
    public static Caller callerFor(SpecOperation operation, boolean real) {
        if (operation.isPublic()) {
            return Caller.anonymous();
        }
        if (operation.path().startsWith("/api/v1/admin/") || operation.path().startsWith("/api/v1/staff/")) {
            return Caller.staff("staff", Caller.OWNER_DEPARTMENT);
        }
        if (real) {
            return Caller.resident("resident");
        }
        String id = java.util.UUID.randomUUID().toString();
        return new Caller("resident", id, null, app.banhao.testing.TestTokens.resident(id));
    }

    /** The call, sendable any number of times; {@code body} replaces the generated one when not null. */
    public Supplier<Response> call(SpecOperation operation, Caller caller, String body) {
        FuzzRequest plausible = fuzzer.generate(operation, 10L, 0);
        return () -> {
            RequestSpecification request = caller.authorize(given().urlEncodingEnabled(false));
            for (Map.Entry<String, String> header : plausible.headers()) {
                if (!header.getKey().equalsIgnoreCase("Authorization")) {
                    request = request.header(header.getKey(), header.getValue());
                }
            }
            if (body != null) {
                request = request.body(body);
            } else if (plausible.body() != null) {
                request = request.body(plausible.body());
            }
            return request.request(plausible.method(), plausible.pathAndQuery());
        };
    }
}
