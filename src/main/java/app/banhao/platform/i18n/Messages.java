package app.banhao.platform.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * Localised texts: Chinese by default, English when the caller asks for it. Plain UTF-8 properties
 * files read once (no ResourceBundle lookup chain, so nothing to register for native images beyond
 * the resources themselves).
 */
public final class Messages {

    public enum Language {
        ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

        final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }
    }

    private static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("zh"), Locale.forLanguageTag("en"));
    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);
    /** A feature's own bundles ({@code i18n/<feature>}), read on first use. */
    private static final Map<String, Map<Language, Properties>> BUNDLES = new ConcurrentHashMap<>();

    static {
        for (Language language : Language.values()) {
            TEXTS.put(language, load("i18n/messages_" + language.name().toLowerCase(Locale.ROOT) + ".properties"));
        }
    }

    private Messages() {
    }

    /**
     * The bundle of the feature {@code type} belongs to: {@code i18n/<feature>}, the top-level package under
     * {@code app.banhao} (its error texts, its timeline kinds, its inbox topics…); {@code i18n}, the shared one, for the
     * platform's own. Read with {@link #textIn}.
     */
    public static String bundleOf(Class<?> type) {
        String[] segments = type.getPackageName().split("\\.");
        return segments.length < 3 || "platform".equals(segments[2]) ? "i18n" : "i18n/" + segments[2];
    }

    /** The language for an {@code Accept-Language} header value; Chinese when absent or unmatched. */
    public static Language languageOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.ZH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match != null && "en".equals(match.getLanguage()) ? Language.EN : Language.ZH;
        } catch (IllegalArgumentException malformed) {
            return Language.ZH;
        }
    }

    /** The language a request asks for in its {@code Accept-Language} header (none: Chinese). */
    public static Language languageOf(HttpHeaders headers) {
        return languageOf(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The shared (platform) text for {@code key} with {@code args} filled in; the key itself if no text exists. */
    public static String text(Language language, String key, Object... args) {
        String pattern = TEXTS.get(language).getProperty(key);
        if (pattern == null) {
            pattern = TEXTS.get(Language.ZH).getProperty(key, key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale).format(args);
    }

    /**
     * The text for {@code key} from the bundle {@code bundle} ({@code <bundle>/messages_<lang>.properties}: a
     * feature's texts, see {@link #bundleOf}), else from the shared texts; the key itself if neither has it. Named apart from
     * {@link #text} so a call with text arguments can never pick the wrong one.
     */
    public static String textIn(Language language, String bundle, String key, Object... args) {
        if (bundle == null || "i18n".equals(bundle)) {
            return text(language, key, args);
        }
        Map<Language, Properties> texts = BUNDLES.computeIfAbsent(bundle, b -> {
            Map<Language, Properties> loaded = new EnumMap<>(Language.class);
            for (Language l : Language.values()) {
                loaded.put(l, load(b + "/messages_" + l.name().toLowerCase(Locale.ROOT) + ".properties"));
            }
            return loaded;
        });
        String pattern = texts.get(language).getProperty(key);
        if (pattern == null) {
            pattern = texts.get(Language.ZH).getProperty(key);
        }
        if (pattern == null) {
            return text(language, key, args);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale).format(args);
    }

    /**
     * Every resource of that name on the class path, merged: a module (or a test) may bring texts of its own, such
     * as the {@code timeline.<kind>} of a feature. One key worded two ways is refused rather than picked at random.
     */
    private static Properties load(String resource) {
        Properties merged = new Properties();
        try {
            Enumeration<URL> found = Messages.class.getClassLoader().getResources(resource);
            if (!found.hasMoreElements()) {
                throw new IllegalStateException("Missing message resource " + resource);
            }
            while (found.hasMoreElements()) {
                URL url = found.nextElement();
                Properties one = new Properties();
                try (InputStream in = url.openStream()) {
                    one.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                for (String key : one.stringPropertyNames()) {
                    Object before = merged.putIfAbsent(key, one.getProperty(key));
                    if (before != null && !before.equals(one.getProperty(key))) {
                        throw new IllegalStateException("Message " + key + " is worded twice, again in " + url);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return merged;
    }
}
