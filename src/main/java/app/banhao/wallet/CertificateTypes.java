package app.banhao.wallet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The certificate types Banhao knows: each one's 证照名称, the type code of its 电子证照标识 (defining authority's
 * 统一社会信用代码 + 3 digits) and how long it is valid; and which of the types' fields are personal data, masked in
 * responses. A type nobody listed here (an item may name any) still works, with a generic name and long-term validity.
 *
 * <p>The authorities' codes are placeholders derived from a name (see {@link #placeholderCode}): the real
 * 统一社会信用代码 of the defining and issuing authorities were not available (REFERENCES.md) and belong in
 * configuration once known.
 */
public final class CertificateTypes {

    /** How a field's value is masked. */
    enum Personal {
        NAME, ID, ADDRESS, DATE
    }

    /** A certificate type: its name, its defining authority's code with its 3 digits, its validity (0 = long-term). */
    record Type(String code, String name, String definer, String number, int validYears, boolean organisation) {

        String identifierTypeCode() {
            return placeholderCode(definer) + number;
        }

        LocalDate validTo(LocalDate from) {
            return validYears == 0 ? null : from.plusYears(validYears).minusDays(1);
        }
    }

    private static final Map<String, Type> TYPES = Map.ofEntries(
            type("RESIDENT_ID_CARD", "居民身份证", "公安部", "001", 20, false),
            type("HOUSEHOLD_REGISTER", "居民户口簿", "公安部", "002", 0, false),
            type("DRIVING_LICENCE", "机动车驾驶证", "公安部", "011", 6, false),
            type("MARRIAGE_CERT", "结婚证", "民政部", "001", 0, false),
            type("BUSINESS_LICENSE", "营业执照", "国家市场监督管理总局", "032", 0, true),
            type("PUBLIC_PLACE_HYGIENE_LICENCE", "公共场所卫生许可证", "国家卫生健康委员会", "010", 4, false),
            type("BIRTH_MEDICAL_CERT", "出生医学证明", "国家卫生健康委员会", "001", 0, false),
            type("SOCIAL_SECURITY_CARD", "社会保障卡", "人力资源和社会保障部", "001", 10, false),
            type("REAL_ESTATE_CERT", "不动产权证书", "自然资源部", "001", 0, false),
            type("DISABILITY_CERT", "残疾人证", "中国残疾人联合会", "001", 10, false));

    /** Field labels that hold personal data, across every type. */
    private static final Map<String, Personal> PERSONAL = Map.ofEntries(Map.entry("姓名", Personal.NAME),
            Map.entry("持证人", Personal.NAME), Map.entry("户主姓名", Personal.NAME), Map.entry("配偶姓名", Personal.NAME),
            Map.entry("法定代表人", Personal.NAME), Map.entry("经营者", Personal.NAME), Map.entry("公民身份号码", Personal.ID),
            Map.entry("配偶身份证号", Personal.ID), Map.entry("档案编号", Personal.ID), Map.entry("住址", Personal.ADDRESS),
            Map.entry("住所", Personal.ADDRESS), Map.entry("出生", Personal.DATE));

    static final Set<String> KNOWN = TYPES.keySet();

    private CertificateTypes() {
    }

    /** The type {@code code}, or a generic one for a type not listed. */
    static Type of(String code) {
        Type known = TYPES.get(code);
        return known != null ? known : new Type(code, "电子证照（" + code + "）", "湖南省人民政府", "999", 0, false);
    }

    /** Whether a field of this label is personal data, and how it is masked; null when it is not. */
    static Personal personal(String label) {
        return PERSONAL.get(label);
    }

    /**
     * An 18-character code of the 统一社会信用代码's alphabet for an authority known only by name (or department
     * code): {@code 11} (organ, 机关), {@code 430000} (Hunan), then 10 characters of its name's SHA-256. Stable, so a
     * certificate's identifier never changes; not a registered code (see the class comment).
     */
    static String placeholderCode(String authority) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(authority.getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder("11430000");
            for (int i = 0; code.length() < 18; i++) {
                code.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return code.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Map.Entry<String, Type> type(String code, String name, String definer, String number, int years,
            boolean organisation) {
        return Map.entry(code, new Type(code, name, definer, number, years, organisation));
    }
}
