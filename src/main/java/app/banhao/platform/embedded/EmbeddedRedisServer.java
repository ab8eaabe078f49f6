package app.banhao.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import app.banhao.platform.security.LocalKeys;
import redis.embedded.RedisServer;

/**
 * The embedded Redis of {@link EmbeddedServers}: asks for a password ({@code requirepass}) even on loopback, and can
 * be stopped and restarted on the same port for fault tests.
 */
final class EmbeddedRedisServer {

    /** Logged under {@link EmbeddedServers}: one category for the embedded servers' start-up lines. */
    private static final Logger LOG = Logger.getLogger(EmbeddedServers.class);

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Writes the configuration and unpacks the server's binary, without running it: {@link Prepared#start()} does. The
     * binary is written anew each time, and a process another thread forks while it is open for writing keeps it open
     * for a moment: executing it then fails with "Text file busy". So it is written before anything runs beside it.
     */
    static Prepared prepare(EmbeddedSettings settings) throws IOException {
        int port = settings.redisPort() > 0 ? settings.redisPort() : FreePorts.find();
        Path dir = settings.dataDir().resolve("redis").toAbsolutePath();
        Files.createDirectories(dir);
        Path pidFile = dir.resolve("redis.pid");
        StaleProcesses.stopRedisOf(pidFile);
        // The password goes in an owner-only file of its own that the server's configuration includes: the
        // library writes the rest of the configuration to a temporary file anyone may read.
        Path auth = dir.resolve("auth.conf");
        LocalKeys.writePrivate(auth, "requirepass " + password(settings.dataDir()) + "\n");
        RedisServer server = RedisServer.builder()
                .port(port)
                .setting("include " + auth)
                .setting("daemonize no")
                .setting("dir " + dir)
                .setting("pidfile " + pidFile)
                .setting("appendonly " + (settings.durable() ? "yes" : "no"))
                .setting("save \"\"")
                .setting("maxmemory-policy noeviction")
                .build();
        return new Prepared(server, port, dir);
    }

    /** A server written out and not yet running. */
    record Prepared(RedisServer server, int port, Path dir) {

        EmbeddedRedisServer start() {
            server.start();
            LOG.infof("Embedded Redis on port %d, data in %s", port, dir);
            return new EmbeddedRedisServer(server, port);
        }
    }

    /** The password for the servers keeping their data in {@code dataDir}. */
    static String password(Path dataDir) {
        return LocalKeys.password(dataDir.resolve("redis.password"));
    }

    int port() {
        return port;
    }

    void stop() {
        if (server.isActive()) {
            server.stop();
        }
    }

    void restart() {
        if (!server.isActive()) {
            server.start();
        }
    }

    void close() {
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.warnf("Could not stop embedded Redis: %s", e.getMessage());
        }
    }
}
