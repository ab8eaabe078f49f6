package app.banhao.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.banhao.platform.i18n.Messages;
import app.banhao.testing.contract.ProblemCodes;

/**
 * Each feature declares its error codes in an enum of its own with texts in its own bundle: every code of every
 * feature has a title and a detail in Chinese and in English there, and no code is declared twice. Plain JUnit.
 */
class ProblemCodeTextsTest {

    @Test
    void everyCodeOfEveryFeatureIsWordedInBothLanguages() {
        // Read each bundle file itself: Messages falls back to Chinese, which would hide a missing English text.
        List<String> missing = new ArrayList<>();
        for (ProblemCode code : ProblemCodes.all()) {
            for (String language : List.of("zh", "en")) {
                Properties texts = bundle(code.bundle() + "/messages_" + language + ".properties");
                for (String part : List.of("title", "detail")) {
                    String key = "error." + code.name() + "." + part;
                    if (texts.getProperty(key, "").isBlank()) {
                        missing.add(code.bundle() + " " + language + " " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** Every file of that name on the class path (the tests bring texts of their own too), merged. */
    private static Properties bundle(String resource) {
        Properties texts = new Properties();
        try {
            for (URL url : Collections.list(ProblemCodeTextsTest.class.getClassLoader().getResources(resource))) {
                try (InputStream in = url.openStream()) {
                    texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    @Test
    void codesAreUniqueAcrossFeaturesAndFeaturesKeepTheirOwnTexts() {
        Set<String> seen = new HashSet<>();
        List<String> twice = ProblemCodes.all().stream().map(ProblemCode::name).filter(n -> !seen.add(n)).toList();
        assertEquals(List.of(), twice, "a code declared by two enums");
        assertTrue(ProblemCodes.all().stream().anyMatch(c -> !c.bundle().equals("i18n")), "features declare codes of their own");
        // A feature's text is found in its own bundle, not in the shared one.
        ProblemCode feature = ProblemCodes.all().stream().filter(c -> !c.bundle().equals("i18n")).findFirst().orElseThrow();
        String key = "error." + feature.name() + ".title";
        assertEquals(key, Messages.text(Messages.Language.ZH, key), "the shared bundle does not word " + feature.name());
    }
}
