package app.banhao.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which operations of the contract the API tests called successfully. Surefire's JVM appends to
 * {@code target/spec-coverage/operations.txt} (system property {@value #RECORD_TO}); a fresh test run
 * starts it empty ({@link SpecCoverageSession}); {@code SpecCoverageIT}, run by failsafe afterwards,
 * reads it ({@value #READ_FROM}). A file, because the writers are test classes that Quarkus loads anew
 * for every application start, and the reader runs in another JVM.
 */
public final class SpecCoverage {

    public static final String RECORD_TO = "banhao.spec-coverage.record-to";
    public static final String READ_FROM = "banhao.spec-coverage.read-from";
    static final String FILE = "operations.txt";

    private SpecCoverage() {
    }

    /** Notes an operation as covered; does nothing outside surefire's run of the API tests. */
    public static void record(String operationId) {
        String dir = System.getProperty(RECORD_TO);
        if (dir == null) {
            return;
        }
        synchronized (SpecCoverage.class) {
            try {
                Path file = Files.createDirectories(Path.of(dir)).resolve(FILE);
                Files.writeString(file, operationId + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Forgets an earlier run's record, so that only this run's tests count. */
    static void reset() {
        String dir = System.getProperty(RECORD_TO);
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(dir).resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operations recorded in {@code dir}; null when no test run recorded anything there. */
    public static Set<String> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        return new TreeSet<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }
}
