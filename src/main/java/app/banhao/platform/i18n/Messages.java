package app.banhao.platform.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

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

    static {
        for (Language language : Language.values()) {
            TEXTS.put(language, load("i18n/messages_" + language.name().toLowerCase(Locale.ROOT) + ".properties"));
        }
    }

    private Messages() {
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

    /** The text for {@code key} with {@code args} filled in; the key itself if no text exists. */
    public static String text(Language language, String key, Object... args) {
        String pattern = TEXTS.get(language).getProperty(key);
        if (pattern == null) {
            pattern = TEXTS.get(Language.ZH).getProperty(key, key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale).format(args);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing message resource " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
