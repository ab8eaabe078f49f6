package app.banhao.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import app.banhao.application.ApplicationFixtures;
import app.banhao.testing.TestIdNumbers;
import app.banhao.testing.access.AccessMatrix;
import app.banhao.testing.access.AccessRule;
import app.banhao.testing.access.Caller;
import app.banhao.testing.access.Target;
import app.banhao.testing.contract.ApiContract;
import app.banhao.testing.contract.SpecOperation;
import app.banhao.testing.faults.ParallelWrites;
import app.banhao.testing.faults.PlausibleCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Ten identical copies of every write of the contract at once never get a 5xx (issue 10, point 26: ten parallel
 * {@code PATCH /me} gave 500s from optimistic-lock failures). Each write is made real: operations on an object
 * reuse the authorization matrix's cases (the owner's object, body and headers), the others a plausible request
 * from the fuzzer, sent by a real resident or staff member, with a fixture body where a random one would only be
 * refused before any write.
 */
@QuarkusTest
class ParallelWritesTest {

    private static final String STRONG_PASSWORD = "Parallel-Writes-2026!";
    private final PlausibleCalls calls = new PlausibleCalls(ApiContract.main());

    @Test
    void tenIdenticalWritesAtOnceAreNeverA5xx() throws Exception {
        List<String> failures = ParallelWrites.run(ApiContract.main(), this::prepare);
        assertTrue(failures.isEmpty(), failures.size() + " parallel-write failures:\n  - " + String.join("\n  - ", failures));
    }

    private Supplier<Response> prepare(SpecOperation operation) {
        AccessRule rule = AccessMatrixCases.REGISTRY.rules().get(operation.operationId());
        if (rule instanceof AccessRule.Owned owned) {
            Caller owner = owned.owner() == AccessRule.Owner.RESIDENT ? Caller.resident("owner")
                    : Caller.staff("owner", Caller.OWNER_DEPARTMENT);
            Target target = owned.create().apply(owner);
            return () -> AccessMatrix.call(operation, target, owner);
        }
        Caller caller = PlausibleCalls.callerFor(operation, true);
        return calls.call(operation, caller, fixtureBody(operation.operationId()));
    }

    /** Bodies a random value would not pass (a checksum, a catalogue item): the write itself must be reached. */
    private static String fixtureBody(String operationId) {
        return switch (operationId) {
            case "verifyRealName" -> "{\"name\":\"张三\",\"idNumber\":\"" + TestIdNumbers.unique() + "\"}";
            case "setMyPassword" -> "{\"newPassword\":\"" + STRONG_PASSWORD + "\"}";
            case "updateMe" -> "{\"nickname\":\"并发\",\"language\":\"en\"}";
            case "createApplication" -> "{\"itemCode\":\"" + ApplicationFixtures.department(false).item() + "\",\"formData\":"
                    + ApplicationFixtures.FORM + "}";
            default -> null;
        };
    }
}
