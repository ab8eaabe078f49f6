package app.banhao.wallet;

import java.util.regex.Pattern;

/**
 * The 电子证照标识 (GB/T 36904 as provinces implement it):
 * {@code 1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check>}. The type code is the defining
 * authority's 18-character 统一社会信用代码 and 3 digits, the issuer code the issuing authority's, the version 3
 * digits; the check character is ISO 7064 MOD 37,36 over type code, issuer code, serial and version written together
 * (no root, no dots), which reproduces the example the references quote ({@code ….001.F}).
 */
public record CertificateIdentifier(String typeCode, String issuerCode, String serial, String version) {

    public static final String ROOT = "1.2.156.3005.2";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern TYPE = Pattern.compile("[0-9A-Z]{18}[0-9]{3}");
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{18}");
    private static final Pattern SERIAL = Pattern.compile("[0-9A-Z]{1,40}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{3}");

    public CertificateIdentifier {
        require(TYPE, typeCode, "type code");
        require(CODE, issuerCode, "issuer code");
        require(SERIAL, serial, "serial");
        require(VERSION, version, "version");
    }

    /** The identifier written out, check character included. */
    public String text() {
        return ROOT + "." + typeCode + "." + issuerCode + "." + serial + "." + version + "." + checkCharacter(typeCode + issuerCode + serial + version);
    }

    /** Whether {@code identifier} is well formed and its check character right. */
    public static boolean valid(String identifier) {
        if (identifier == null || !identifier.startsWith(ROOT + ".")) {
            return false;
        }
        String[] parts = identifier.substring(ROOT.length() + 1).split("\\.");
        if (parts.length != 5 || parts[4].length() != 1) {
            return false;
        }
        try {
            return new CertificateIdentifier(parts[0], parts[1], parts[2], parts[3]).text().equals(identifier);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * ISO/IEC 7064 MOD 37,36 (hybrid system, M = 36): over 0-9 and A-Z, the character that makes the whole string
     * check out.
     */
    static char checkCharacter(String data) {
        int m = 36;
        int p = m;
        for (int i = 0; i < data.length(); i++) {
            int value = ALPHABET.indexOf(data.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Not a character of MOD 37,36: " + data.charAt(i));
            }
            int s = (p + value) % m;
            p = (s == 0 ? m : s) * 2 % (m + 1);
        }
        return ALPHABET.charAt((m + 1 - p) % m);
    }

    private static void require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a certificate " + what + ": " + value);
        }
    }
}
