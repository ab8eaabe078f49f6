package app.banhao.postal;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import app.banhao.platform.local.LocalMode;
import app.banhao.platform.local.ProviderSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code banhao.postal.ems.*}: the department's China Post EMS open-platform account (中小电商企业接口规范), used outside
 * local mode. Endpoints differ between sandbox and production; the values the platform gives a contract customer go
 * here (README "Postal delivery").
 */
@ConfigMapping(prefix = "banhao.postal.ems")
public interface EmsConfig {

    String PREFIX = "banhao.postal.ems.";
    String WHAT = "The postal carrier (EMS)";

    /** The form endpoint (sandbox or production). */
    Optional<URI> endpoint();

    /** 协议客户代码 senderNo. */
    Optional<String> senderNo();

    /** 授权码 authorization. */
    Optional<String> authorization();

    /** userCode, as the platform assigned it. */
    Optional<String> userCode();

    /** 签名钥匙: base64 of the 16-byte SM4 key; appended to the JSON before encryption as well. */
    Optional<String> signKey();

    /** 电商客户标识 ecommerceUserId. */
    Optional<String> ecommerceUserId();

    /** bizProductNo: 1 特快专递, 10 电商标快. */
    @WithDefault("1")
    String bizProductNo();

    /** Interface version sent as {@code version}. */
    @WithDefault("V1.0.0")
    String version();

    @WithDefault("PT10S")
    Duration timeout();

    /**
     * Which EMS opCode means which state, {@code code=STATE,...}. The opCode table was not found: these are the codes
     * seen in public tracking pages (203 收寄, 305/306 经转, 702 投递, 704 妥投, 705 未妥投, 708 退回); check them.
     */
    @WithDefault(DEFAULT_OP_CODES)
    String opCodes();

    /**
     * The fields a pick-up order (上门揽收) adds, {@code field=value,...}; {@code {start}} and {@code {end}} are the window
     * in {@code yyyy-MM-dd HH:mm:ss} Beijing time. The interface document's names were not available: check these.
     */
    @WithDefault(DEFAULT_PICKUP_FIELDS)
    String pickupFields();

    String DEFAULT_PICKUP_FIELDS = "pickupType=1,pickupStartTime={start},pickupEndTime={end}";

    /** {@link #pickupFields()} as field to value, in order. */
    static java.util.Map<String, String> fieldsOf(String spec) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return fields;
    }

    String DEFAULT_OP_CODES = "203=PICKED_UP,305=IN_TRANSIT,306=IN_TRANSIT,702=OUT_FOR_DELIVERY,704=DELIVERED,705=EXCEPTION,708=RETURNED";

    /** The sender (the department's dispatch office) as printed on the waybill: name, mobile, prov, city, county, address. */
    @WithDefault("湖南省政务服务中心")
    String senderName();

    @WithDefault("073100000000")
    String senderMobile();

    @WithDefault("湖南省")
    String senderProv();

    @WithDefault("长沙市")
    String senderCity();

    @WithDefault("岳麓区")
    String senderCounty();

    @WithDefault("政务服务中心寄递窗口")
    String senderAddress();

    /** The complete settings, or the start-up error naming the missing ones (all of them when none is set). */
    default EmsCarrier.Settings settings() {
        ProviderSettings set = ProviderSettings.of(WHAT)
                .with(PREFIX + "endpoint", endpoint().map(URI::toString))
                .with(PREFIX + "sender-no", senderNo())
                .with(PREFIX + "authorization", authorization())
                .with(PREFIX + "user-code", userCode())
                .with(PREFIX + "sign-key", signKey())
                .with(PREFIX + "ecommerce-user-id", ecommerceUserId());
        if (!set.complete()) {
            throw LocalMode.missingSetting(PREFIX + "{endpoint, sender-no, authorization, user-code, sign-key, ecommerce-user-id}",
                    WHAT);
        }
        return new EmsCarrier.Settings(URI.create(set.get(PREFIX + "endpoint")), set.get(PREFIX + "sender-no"),
                set.get(PREFIX + "authorization"), set.get(PREFIX + "user-code"), set.get(PREFIX + "sign-key"),
                set.get(PREFIX + "ecommerce-user-id"), bizProductNo(), version(), timeout(),
                new EmsCarrier.Sender(senderName(), senderMobile(), senderProv(), senderCity(), senderCounty(), senderAddress()),
                EmsTraces.of(opCodes()), fieldsOf(pickupFields()));
    }
}
