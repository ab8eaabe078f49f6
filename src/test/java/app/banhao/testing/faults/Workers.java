package app.banhao.testing.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Threads that repeat a step until closed: the clients of a fault scenario. */
final class Workers implements AutoCloseable {

    /** One iteration of a client; {@code running} turns false when the scenario ends. */
    interface Step {
        void run(AtomicBoolean running) throws Exception;
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> crashes = new ArrayList<>();

    Workers(String name, int count, Step step) {
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        step.run(running);
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                } catch (Exception | AssertionError e) {
                    synchronized (crashes) {
                        crashes.add(e);
                    }
                }
            }, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** What made a client give up, as failures of the scenario. */
    List<String> crashes() {
        synchronized (crashes) {
            return crashes.stream().map(e -> "client crashed: " + e).toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }
}
