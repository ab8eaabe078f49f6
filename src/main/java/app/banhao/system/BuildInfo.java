package app.banhao.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/** Version and build time, stamped into {@code banhao-build.properties} by Maven resource filtering. */
@ApplicationScoped
public class BuildInfo {

    private final String version;
    private final Instant buildTime;

    public BuildInfo() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream("banhao-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = p.getProperty("version", "unknown");
        this.buildTime = parse(p.getProperty("buildTime"));
    }

    private static Instant parse(String value) {
        try {
            return value == null ? Instant.EPOCH : Instant.parse(value);
        } catch (RuntimeException unfiltered) {
            return Instant.EPOCH;
        }
    }

    public String version() {
        return version;
    }

    public Instant buildTime() {
        return buildTime;
    }
}
