package app.banhao.application.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The query code (查询码) of an application: 8 characters from SecureRandom over 32 that cannot be mistaken
 * for one another (no 0/O, no 1/I), 40 bits, printed on the receipt and shown to the owner. With the
 * application number it opens the public progress lookup; application numbers are sequential, so the code
 * is the lookup's secret (issue 10, point 14). Migration V221 gives existing applications one the same way.
 */
public final class QueryCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private QueryCodes() {
    }

    public static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** Whether {@code given} (any case) is {@code actual}, in time independent of where they differ. */
    public static boolean matches(String actual, String given) {
        if (actual == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
