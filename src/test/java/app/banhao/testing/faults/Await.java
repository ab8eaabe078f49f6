package app.banhao.testing.faults;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until a condition holds, failing with what was awaited when it does not in time. */
public final class Await {

    private Await() {
    }

    public static void until(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // e.g. a connection refused while a server restarts: keep polling
            }
            Thread.sleep(100);
        }
        fail("Waited " + limit.toSeconds() + " s for: " + what);
    }
}
