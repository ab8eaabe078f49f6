package app.banhao.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Stops a server left running by an earlier process that was killed with -9: its PostgreSQL or Redis
 * child outlives it and would hold the data directory and port, blocking the next start.
 */
final class StaleProcesses {

    private static final Logger LOG = Logger.getLogger(StaleProcesses.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private StaleProcesses() {
    }

    static void stopPostmasterOf(Path dataDir) {
        stop(dataDir.resolve("postmaster.pid"), "postgres");
    }

    static void stopRedisOf(Path pidFile) {
        stop(pidFile, "redis-server");
    }

    private static void stop(Path pidFile, String expectedCommand) {
        Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(p -> commandLineOf(p).contains(expectedCommand));
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle stale = process.get();
        LOG.warnf("Stopping %s (pid %d) left running by an earlier, killed run", expectedCommand, stale.pid());
        // SIGTERM: PostgreSQL's smart shutdown (its clients died with the old JVM), Redis's clean exit.
        stale.destroy();
        try {
            stale.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("%s (pid %d) did not stop in %ds; killing it", expectedCommand, stale.pid(), STOP_WAIT_SECONDS);
            stale.destroyForcibly();
            stale.onExit().join();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandLineOf(ProcessHandle process) {
        // /proc keeps the full argv even where ProcessHandle.Info hides it (another user's process).
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(raw).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return process.info().commandLine().orElse("");
        }
    }
}
