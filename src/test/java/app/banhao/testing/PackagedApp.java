package app.banhao.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.banhao.platform.embedded.EmbeddedServers;
import app.banhao.platform.embedded.FreePorts;
import app.banhao.platform.security.LocalKeys;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as its own process, the way
 * the README starts it, for tests about starting, stopping and killing it.
 */
public final class PackagedApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * How long a write may take to be answered. Bursts of writes queued on one row lock (200 bookings of one slot across
     * two just-started JVMs, BookingAcrossNodesIT) took over 10 s on a loaded 2-core CI machine; the ITs assert outcomes,
     * not latency (that is bench/'s), and a hung request still fails, later.
     */
    private static final Duration WRITE_ANSWER = Duration.ofSeconds(60);

    /** Quarkus's words when its port was taken between {@link FreePorts#find} and its own bind. */
    private static final String PORT_TAKEN = "seems to be in use by another process";
    private static final int STARTS = 3;

    private final Map<String, String> properties;
    private final Map<String, String> env;
    private final Path log;
    private Process process;
    private int port;
    private int managementPort;
    private int starts;

    private PackagedApp(Map<String, String> properties, Map<String, String> env, Path log) {
        this.properties = properties;
        this.env = env;
        this.log = log;
    }

    /**
     * The configuration of one node of a cluster on {@code shared} servers: their URLs (external to the node,
     * so it starts none of its own), keys in {@code keys} shared by every node, as a cluster must, no demo
     * accounts. Local mode, for the log SMS gateway that reveals codes to the test.
     */
    public static Map<String, String> clusterNode(EmbeddedServers shared, Path keys) {
        Map<String, String> config = new java.util.HashMap<>(shared.config());
        config.putAll(LocalKeys.ensure(keys));
        config.put("banhao.local-mode", "true");
        config.put("banhao.demo.enabled", "false");
        return Map.copyOf(config);
    }

    /**
     * The README's start: local mode, with its own embedded servers keeping data in {@code work/data} (PostgreSQL
     * on {@code postgresPort}, so a test can look inside) and its keys in {@code work/keys}.
     */
    public static Map<String, String> localInstance(Path work, int postgresPort) {
        return Map.of("banhao.local-mode", "true",
                "banhao.data-dir", work.resolve("data").toString(),
                "banhao.key-dir", work.resolve("keys").toString(),
                "banhao.embedded.postgres-port", String.valueOf(postgresPort));
    }

    /** A connection to {@code database} of the embedded PostgreSQL a local instance started in {@code work}. */
    public static Connection database(Path work, int postgresPort, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + database, "postgres",
                EmbeddedServers.postgresPassword(work.resolve("data")));
    }

    /** Starts the jar with {@code properties} as system properties and {@code env} added to the environment. */
    public static PackagedApp start(Map<String, String> properties, Map<String, String> env, Path log) throws IOException {
        PackagedApp app = new PackagedApp(properties, env, log);
        app.launch();
        return app;
    }

    /** Starts the process on ports free a moment ago (another process can take one before the app binds it). */
    private void launch() throws IOException {
        String jar = System.getProperty("banhao.jar", "target/quarkus-app/quarkus-run.jar");
        port = FreePorts.find();
        // Two lookups in a row can give the same port; Vert.x then shares it between the API's and the management
        // server, and the ready probe's connection stayed with the API's, 404 for two minutes (2026-12-06).
        do {
            managementPort = FreePorts.find();
        } while (managementPort == port);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.log.console.json.enabled=false"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("BANHAO_"));
        builder.environment().putAll(env);
        process = builder.start();
        starts++;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until readiness (on the management interface) is UP; fails with the app's log when it does not in time. */
    public PackagedApp awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                // Only the race for a free port is retried (rarely, the OS gave the port to another socket first);
                // any other exit is the app's own failure.
                if (tail().contains(PORT_TAKEN) && starts < STARTS) {
                    launch();
                    continue;
                }
                fail("The app exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        String tail = tail();
        // The caller's try-with-resources never gets the instance, so nothing else would stop it.
        kill();
        fail("The app was not ready within " + limit + ":\n" + tail);
        return this;
    }

    /** Waits for the process to end by itself; its exit code. */
    public int waitForExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("The app did not exit within " + limit + ":\n" + tail());
        }
        return process.exitValue();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    public HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A resident of {@code phone} logged in by SMS code (local mode's log gateway reveals it); the access token. */
    public String residentToken(String phone) throws IOException, InterruptedException {
        String asked = "{\"phone\":\"" + phone + "\"";
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"devCode\":\"(\\d+)\"")
                .matcher(post("/api/v1/auth/otp", asked + "}").body());
        if (!code.find()) {
            fail("no SMS code for " + phone);
        }
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"accessToken\":\"([^\"]+)\"")
                .matcher(post("/api/v1/auth/login", asked + ",\"code\":\"" + code.group(1) + "\"}").body());
        if (!token.find()) {
            fail("no access token for " + phone);
        }
        return token.group(1);
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, Map.of());
    }

    /** A POST with extra headers, e.g. the {@code X-Forwarded-For} a load balancer adds. */
    public HttpResponse<String> post(String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(WRITE_ANSWER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of a Prometheus metric's samples (every tag set) on the management interface, e.g. a counter's total. */
    public double metric(String name) throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Ctrl-C: SIGTERM and a wait for the orderly shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            fail("The app did not stop within 60 s");
        }
    }

    /** kill -9 of the JVM only: its PostgreSQL and Redis children are left running, as in a real crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
