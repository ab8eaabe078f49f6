package app.banhao.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import app.banhao.catalog.CatalogCache;
import io.vertx.redis.client.impl.ZModem;

/**
 * Redis Cluster refuses an operation whose keys hash to different slots (CROSSSLOT), and a script may only touch
 * keys of the slot it runs on. So every operation of the app that takes several keys (a script with several KEYS or
 * one that builds a key, ZUNION, MGET, RENAME, …) must build them with one hash tag ({@code {…}}): README "Redis
 * Cluster". This test finds those operations in the sources and computes, with the slot function the cluster client
 * routes by, that the keys each one takes (built by the app's own key functions) share a slot. A new multi-key
 * operation fails it until its key set is added to {@link #KEY_SETS}.
 */
class RedisClusterKeyLayoutTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final UUID RESIDENT = UUID.fromString("6f1c2b8e-0000-4000-8000-000000000042");

    /** Each multi-key operation found in the sources (class: what), and the keys one call of it takes. */
    private static final Map<String, Supplier<List<String>>> KEY_SETS = Map.of(
            "CacheVersions: script builds a key", () -> cacheKeys("item:4300-01", "home", "list:{odd}key"),
            "HotServices: zunionWithScores", () -> List.of((String[]) call("app.banhao.catalog.HotServices",
                    "windowKeys", LocalDate.of(2026, 12, 31))),
            "UnknownStaffLogins: EVAL with 2 keys", () -> List.of(
                    (String) call("app.banhao.staff.UnknownStaffLogins", "keyOf", "9f86d081884c7d65", "fails"),
                    (String) call("app.banhao.staff.UnknownStaffLogins", "keyOf", "9f86d081884c7d65", "lock")),
            "LiveStreamCap: EVAL with 2 keys", () -> List.of((String[]) call("app.banhao.application.progress.LiveStreamCap",
                    "keys", RESIDENT)),
            "ViewerCounts: EVAL with 2 keys", () -> List.of((String[]) call("app.banhao.live.ViewerCounts", "keys", RESIDENT)),
            "RateLimiter: MGET", () -> List.of("banhao:rl:otp-ip-hour:203.0.113.7"));

    /** How a multi-key operation shows in the sources; group 1 names it. */
    private static final List<Pattern> MULTI_KEY = List.of(
            // A script given two or more keys.
            Pattern.compile("execute\\(\"(EVAL(?:SHA)?)\", [^,]+, \"([2-9]|\\d\\d+)\""),
            // The same through RedisScript (EVALSHA, EVAL when Redis does not hold it): SCRIPT.run(redis, keys, ...).
            Pattern.compile("\\b[A-Z_]+\\.(run)\\(\\w+, ([2-9]|\\d\\d+),"),
            // A key a script builds from its arguments instead of receiving it in KEYS.
            Pattern.compile("redis\\.call\\('\\w+', (ARGV)\\["),
            // Raw commands that take several keys.
            Pattern.compile("execute\\(\"(MGET|MSET|MSETNX|RENAME|RENAMENX|COPY|SMOVE|LMOVE|BLMOVE|RPOPLPUSH|BRPOPLPUSH"
                    + "|[SZ](?:UNION|INTER|DIFF)(?:STORE)?|ZRANGESTORE|PFMERGE|PFCOUNT|BITOP|MULTI|SINTERCARD|ZINTERCARD)\""),
            // The typed API's multi-key commands and transactions.
            Pattern.compile("\\.((?:[sz](?:union|inter|diff)\\w*)|mget|mset\\w*|rename\\w*|smove|lmove|blmove|rpoplpush"
                    + "|pfmerge|bitop\\w*|multi)\\("),
            // COPY takes a source and a destination (CompletableFuture.copy() takes nothing).
            Pattern.compile("\\.(copy)\\([^)]"),
            Pattern.compile("(?<!Panache)\\.(withTransaction)\\("));

    @Test
    void theSlotFunctionIsRedisClusters() {
        // The Redis Cluster specification's CRC16 test vector, and its hash-tag example.
        assertEquals(0x31C3, ZModem.generate("123456789"));
        assertEquals(ZModem.generate("{user1000}.following"), ZModem.generate("{user1000}.followers"));
        assertTrue(ZModem.generate("user1000.following") != ZModem.generate("user1000.followers"));
    }

    @Test
    void everyMultiKeyOperationIsKnownHere() throws IOException {
        assertEquals(new TreeSet<>(KEY_SETS.keySet()), new TreeSet<>(multiKeyOperations().keySet()),
                "multi-key Redis operations in src/main/java (found where: " + multiKeyOperations() + ")");
    }

    @Test
    void theKeysOfEachMultiKeyOperationShareOneSlot() {
        Map<String, Map<String, Integer>> crossing = new TreeMap<>();
        KEY_SETS.forEach((operation, keys) -> {
            List<String> set = keys.get();
            assertTrue(set.size() > 0, operation);
            Map<String, Integer> slots = new TreeMap<>();
            set.forEach(key -> slots.put(key, ZModem.generate(key)));
            if (slots.values().stream().distinct().count() > 1) {
                crossing.put(operation, slots);
            }
        });
        assertEquals(Map.of(), crossing, "operations whose keys cross slots (key → slot)");
    }

    /** The cache's keys of one namespace, as the read script and the loader lock take them. */
    private static List<String> cacheKeys(String... keys) {
        String namespace = CatalogCache.NAMESPACE;
        String type = "app.banhao.platform.cache.CacheVersions";
        List<String> all = new java.util.ArrayList<>(List.of((String) call(type, "versionKey", namespace)));
        for (String key : keys) {
            for (Object version : List.of(1L, 1764720000000L)) {
                String entry = (String) call(type, "entryKey", namespace, version, key);
                all.add(entry);
                all.add((String) call(type, "lockKey", entry));
            }
        }
        return all;
    }

    /** Every operation that takes several keys, as "Class: what", with the files and lines it is in. */
    private static Map<String, List<String>> multiKeyOperations() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                if (!source.contains("io.quarkus.redis") && !source.contains("io.vertx.mutiny.redis")) {
                    continue;
                }
                String type = file.getFileName().toString().replace(".java", "");
                for (Pattern pattern : MULTI_KEY) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        found.computeIfAbsent(type + ": " + describe(m), k -> new java.util.ArrayList<>())
                                .add(file + ":" + (source.substring(0, m.start()).split("\n", -1).length));
                    }
                }
            }
        }
        return found;
    }

    private static String describe(Matcher m) {
        if (m.group(1).startsWith("EVAL") || "run".equals(m.group(1))) {
            return "EVAL with " + m.group(2) + " keys";
        }
        return "ARGV".equals(m.group(1)) ? "script builds a key" : m.group(1);
    }

    /** A key function of the class that owns the layout (package-private there: it is nobody else's business). */
    private static Object call(String type, String name, Object... args) {
        try {
            Method method = Arrays.stream(Class.forName(type).getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length).findFirst()
                    .orElseThrow(() -> new AssertionError(type + "." + name + " is gone: update this test"));
            method.setAccessible(true);
            return method.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
