package app.banhao.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import app.banhao.inbox.InboxMapper;
import app.banhao.platform.error.ErrorCode;
import app.banhao.timeline.CaseTimelineMapper;

/**
 * Texts live with their feature ({@code i18n/<feature>/messages_{zh,en}.properties}); the shared bundle
 * ({@code i18n/messages_*}) keeps the platform's own. Every bundle words each of its keys in both languages. Plain
 * JUnit over the bundle files on the class path (the application's and the tests' own).
 */
class MessageBundlesTest {

    /** What the platform words: its error codes, field errors and the types they name. */
    private static final List<String> PLATFORM_PREFIXES = List.of("field.", "type.");

    @Test
    void everyBundleWordsEachOfItsKeysInBothLanguages() {
        List<String> bundles = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path zh : bundleFiles("zh")) {
            Path en = zh.resolveSibling("messages_en.properties");
            String bundle = "i18n" + relative(zh.getParent());
            bundles.add(bundle);
            Set<String> zhKeys = keys(zh);
            Set<String> enKeys = Files.exists(en) ? keys(en) : Set.of();
            zhKeys.stream().filter(k -> !enKeys.contains(k)).forEach(k -> missing.add(bundle + " en lacks " + k));
            enKeys.stream().filter(k -> !zhKeys.contains(k)).forEach(k -> missing.add(bundle + " zh lacks " + k));
        }
        for (Path en : bundleFiles("en")) {
            if (!Files.exists(en.resolveSibling("messages_zh.properties"))) {
                missing.add("i18n" + relative(en.getParent()) + " has no zh file");
            }
        }
        // Guards against passing on an empty scan (a moved resource folder).
        assertTrue(bundles.containsAll(List.of("i18n", "i18n/application", "i18n/inbox", "i18n/timeline")), "bundles read: " + bundles);
        assertEquals(List.of(), missing);
    }

    @Test
    void theSharedBundleKeepsOnlyThePlatformsTexts() {
        Set<String> platformCodes = new TreeSet<>();
        Arrays.stream(ErrorCode.values()).forEach(c -> platformCodes.add(c.name()));
        List<String> foreign = new ArrayList<>();
        for (Path file : bundleFiles("zh").stream().filter(f -> relative(f.getParent()).isEmpty()).toList()) {
            for (String key : keys(file)) {
                boolean platform = PLATFORM_PREFIXES.stream().anyMatch(key::startsWith)
                        || key.startsWith("error.") && platformCodes.contains(key.split("\\.")[1]);
                if (!platform) {
                    foreign.add(key);
                }
            }
        }
        assertEquals(List.of(), foreign, "feature texts in the shared bundle: move them to i18n/<feature>/");
    }

    @Test
    void aFeaturesTextsAreReadFromItsOwnBundle() {
        assertEquals("i18n/timeline", Messages.bundleOf(CaseTimelineMapper.class));
        assertEquals("i18n/inbox", Messages.bundleOf(InboxMapper.class));
        assertEquals("i18n", Messages.bundleOf(Messages.class));
        assertEquals("Application submitted", Messages.textIn(Messages.Language.EN, "i18n/timeline", "timeline.SUBMITTED"));
        assertEquals("办件已提交", Messages.textIn(Messages.Language.ZH, "i18n/inbox", "message.title.SUBMITTED"));
        assertEquals("timeline.SUBMITTED", Messages.text(Messages.Language.ZH, "timeline.SUBMITTED"), "not in the shared bundle");
    }

    /** Every {@code messages_<language>.properties} under an {@code i18n} folder on the class path. */
    private static List<Path> bundleFiles(String language) {
        List<Path> files = new ArrayList<>();
        try {
            for (URL root : Collections.list(MessageBundlesTest.class.getClassLoader().getResources("i18n"))) {
                assertEquals("file", root.getProtocol(), "bundles are read from the build's folders: " + root);
                try (Stream<Path> walk = Files.walk(Path.of(root.toURI()))) {
                    walk.filter(p -> p.getFileName().toString().equals("messages_" + language + ".properties")).forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** The folder below {@code i18n}: "" for the shared bundle, "/inbox" for a feature's. */
    private static String relative(Path folder) {
        Path here = folder;
        StringBuilder below = new StringBuilder();
        while (!here.getFileName().toString().equals("i18n")) {
            below.insert(0, "/" + here.getFileName());
            here = here.getParent();
        }
        return below.toString();
    }

    private static Set<String> keys(Path file) {
        Properties texts = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(texts.stringPropertyNames());
    }
}
