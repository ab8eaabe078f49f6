package app.banhao.testing.contract;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Empties the coverage record when surefire starts its test run (registered through
 * {@code META-INF/services}), so an operation counts as tested only if a test of this run called it.
 */
public class SpecCoverageSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        SpecCoverage.reset();
    }
}
