package app.banhao.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import app.banhao.platform.local.LocalMode;

/**
 * The Kubernetes manifests the build writes at package ({@code target/kubernetes/kubernetes.yml}, README
 * "Kubernetes"), read as a cluster would: probes on the management port, every setting a node cannot start without
 * outside local mode supplied (here, beside {@link EmbeddedSettings#REQUIRED_OUTSIDE_LOCAL_MODE}, which decides
 * that), the secret ones from Secrets only, local mode off, and the autoscaler. Only parses YAML: no app is started.
 */
class KubernetesManifestsIT {

    private static final Path MANIFESTS = Path.of("target/kubernetes/kubernetes.yml");
    private static final String APP = "banhao-api";
    /** Settings given as plain values: where the token keys are, not the keys. */
    private static final List<String> PLAIN = List.of(EmbeddedSettings.SIGN_KEY, "mp.jwt.verify.publickey.location");

    private static final List<JsonNode> documents = new ArrayList<>();
    private static JsonNode container;
    private static int managementPort;

    @BeforeAll
    static void read() throws IOException {
        assertTrue(Files.isRegularFile(MANIFESTS), MANIFESTS + " is written by package (quarkus-kubernetes)");
        try (MappingIterator<JsonNode> values = new YAMLMapper().readerFor(JsonNode.class).readValues(MANIFESTS.toFile())) {
            values.forEachRemaining(documents::add);
        }
        JsonNode deployment = only("Deployment");
        assertEquals(1, deployment.at("/spec/template/spec/containers").size());
        container = deployment.at("/spec/template/spec/containers/0");
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            config.load(in);
        }
        managementPort = Integer.parseInt(config.getProperty("quarkus.management.port"));
    }

    @Test
    void twoReplicasProbedOnTheManagementPort() {
        assertEquals(2, only("Deployment").at("/spec/replicas").asInt());
        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertEquals(managementPort, ports.get("management"), "management port declared: " + ports);
        assertEquals(8080, ports.get("http"), "API port declared: " + ports);
        Map<String, String> probes = Map.of("readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live",
                "startupProbe", "/q/health/started");
        probes.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), probe);
            assertEquals(managementPort, get.path("port").asInt(), probe + " must use the management port");
        });
        // The API port is what the load balancer exposes; the management interface stays inside the cluster.
        only("Service").at("/spec/ports").forEach(p -> assertNotEquals(managementPort, p.path("targetPort").asInt()));
    }

    @Test
    void resourcesAreRequestedAndLimited() {
        JsonNode resources = container.path("resources");
        for (String bound : List.of("requests", "limits")) {
            for (String what : List.of("cpu", "memory")) {
                assertFalse(resources.path(bound).path(what).asText().isBlank(), bound + "." + what + " in " + resources);
            }
        }
    }

    @Test
    void localModeIsOffAndEveryRequiredSettingIsSupplied() {
        Map<String, JsonNode> env = env();
        JsonNode local = env.get(envName(LocalMode.KEY));
        assertTrue(local == null || "false".equals(local.path("value").asText()), "local mode must be off: " + local);
        // The extension's migration Job would switch Flyway off in the app's own pods.
        JsonNode flyway = env.get("QUARKUS_FLYWAY_ACTIVE");
        assertTrue(flyway == null || !"false".equals(flyway.path("value").asText()), "pods must migrate at start: " + flyway);
        for (String setting : EmbeddedSettings.REQUIRED_OUTSIDE_LOCAL_MODE) {
            JsonNode var = env.get(envName(setting));
            assertTrue(var != null, setting + " is required outside local mode: " + envName(setting) + " missing");
            if (PLAIN.contains(setting)) {
                assertTrue(var.path("value").asText().startsWith("file:" + keyMount().path("mountPath").asText() + "/"), setting + ": " + var);
            } else {
                assertFalse(var.has("value"), setting + " must never be a literal value");
                assertEquals("banhao-secrets", var.at("/valueFrom/secretKeyRef/name").asText(), setting + ": " + var);
                assertFalse(var.at("/valueFrom/secretKeyRef/key").asText().isBlank(), setting + ": " + var);
            }
        }
        assertEquals("banhao-secrets", env.get("QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
        assertEquals("banhao-providers", container.at("/envFrom/0/secretRef/name").asText(), "providers' credentials");
    }

    @Test
    void tokenKeysAreMountedReadOnlyFromTheirSecret() {
        JsonNode mount = keyMount();
        assertTrue(mount.path("readOnly").asBoolean(), "mounted read-only: " + mount);
    }

    @Test
    void anAutoscalerKeepsTwoToTenReplicasAtSeventyPercentCpu() {
        JsonNode hpa = only("HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(APP, hpa.at("/spec/scaleTargetRef/name").asText());
        assertEquals(2, hpa.at("/spec/minReplicas").asInt());
        assertEquals(10, hpa.at("/spec/maxReplicas").asInt());
        assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText());
        assertEquals(70, hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt());
    }

    /** Where Secret banhao-jwt is mounted in the container. */
    private static JsonNode keyMount() {
        String volume = null;
        for (JsonNode v : only("Deployment").at("/spec/template/spec/volumes")) {
            if ("banhao-jwt".equals(v.at("/secret/secretName").asText())) {
                volume = v.path("name").asText();
            }
        }
        assertTrue(volume != null, "a volume from Secret banhao-jwt");
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("name").asText().equals(volume)) {
                return m;
            }
        }
        throw new AssertionError("volume " + volume + " is not mounted");
    }

    private static Map<String, JsonNode> env() {
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    /** How an operator sets a key as an environment variable (README "Configuration"). */
    private static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static JsonNode only(String kind) {
        List<JsonNode> found = documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && APP.equals(d.at("/metadata/name").asText())).toList();
        assertEquals(1, found.size(), "one " + kind + " named " + APP);
        return found.get(0);
    }
}
