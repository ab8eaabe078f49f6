package app.banhao.platform.privacy;

/** How personal data appears in responses (DESIGN.md §7): enough to recognise, never enough to use. */
public final class Masks {

    private Masks() {
    }

    /** {@code 138****5678}. */
    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    /** {@code 430***********1234}: region prefix and last four kept. */
    public static String idNumber(String id) {
        return keepEnds(id, 3, 4);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }

    /** {@code 张*}, {@code 欧阳**}: the first character (family name) kept. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** The first {@code keep} characters of a street address, then {@code ****}. */
    public static String address(String detail, int keep) {
        if (detail == null) {
            return null;
        }
        int cut = Math.min(keep, detail.codePointCount(0, detail.length()) / 2);
        return detail.substring(0, detail.offsetByCodePoints(0, cut)) + "****";
    }

    /** {@code 10.12.*.*} for IPv4; IPv6 keeps its first two groups. */
    public static String ip(String ip) {
        if (ip == null) {
            return null;
        }
        String[] v4 = ip.split("\\.");
        if (v4.length == 4) {
            return v4[0] + "." + v4[1] + ".*.*";
        }
        String[] v6 = ip.split(":");
        return v6.length > 2 ? v6[0] + ":" + v6[1] + ":*" : "*";
    }
}
