package app.banhao.postal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.banhao.platform.time.BusinessClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * EMS tracking records (pushed, or answered to a query) read as our states: {@code waybillNo, opTime, opCode, opName,
 * opDesc, ...}. The opCode table was not found, so which code means which state is configured
 * ({@code banhao.postal.ems.op-codes}); a record of an unmapped code is skipped (logged by the caller as ignored).
 */
final class EmsTraces {

    private static final Pattern SIGNER = Pattern.compile("签收人[：:]\\s*([^，,。\\s]+)");

    private final Map<String, DeliveryState> states;

    private EmsTraces(Map<String, DeliveryState> states) {
        this.states = states;
    }

    /** {@code 203=PICKED_UP,704=DELIVERED,...}; a state not carriers' to report is a start-up error. */
    static EmsTraces of(String opCodes) {
        Map<String, DeliveryState> states = new HashMap<>();
        for (String pair : opCodes.split(",")) {
            String[] kv = pair.strip().split("=");
            if (kv.length != 2 || !ParcelProgress.REPORTABLE.contains(DeliveryState.valueOf(kv[1].strip()))) {
                throw new IllegalStateException("banhao.postal.ems.op-codes: not code=STATE: " + pair);
            }
            states.put(kv[0].strip(), DeliveryState.valueOf(kv[1].strip()));
        }
        return new EmsTraces(states);
    }

    /** The records of known codes with a waybill and a readable time, in the order given. */
    List<Carrier.Trace> of(JsonArray records) {
        List<Carrier.Trace> traces = new ArrayList<>();
        for (Object o : records) {
            if (o instanceof JsonObject r) {
                Carrier.Trace t = trace(r);
                if (t != null) {
                    traces.add(t);
                }
            }
        }
        return traces;
    }

    Carrier.Trace trace(JsonObject r) {
        DeliveryState state = states.get(String.valueOf(r.getValue("opCode")));
        String waybill = r.getValue("waybillNo") instanceof String w ? w : null;
        OffsetDateTime at = time(r.getValue("opTime"));
        if (state == null || waybill == null || waybill.isBlank() || waybill.length() > 40 || at == null) {
            return null;
        }
        String desc = r.getValue("opDesc") instanceof String d ? d : null;
        return new Carrier.Trace(waybill, state, at, desc, state == DeliveryState.DELIVERED ? signer(r, desc) : null);
    }

    /** The codes that mean {@code state}: how the fake platform speaks. */
    static Map<DeliveryState, String> codes(String opCodes) {
        Map<DeliveryState, String> codes = new EnumMap<>(DeliveryState.class);
        of(opCodes).states.forEach((code, state) -> codes.putIfAbsent(state, code));
        return codes;
    }

    /** EMS writes Beijing time as {@code yyyy-MM-dd HH:mm:ss}; an offset date-time is read as well. */
    private static OffsetDateTime time(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip(), EmsCarrier.TIMESTAMP).atZone(BusinessClock.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(s.strip());
            } catch (DateTimeParseException notOffset) {
                return null;
            }
        }
    }

    /** Who signed: a field of that name if the platform sends one, else "签收人：X" in the description. */
    private static String signer(JsonObject r, String desc) {
        for (String field : List.of("signer", "signerName", "receiverName")) {
            if (r.getValue(field) instanceof String s && !s.isBlank()) {
                return cut(s);
            }
        }
        Matcher m = desc == null ? null : SIGNER.matcher(desc);
        return m != null && m.find() ? cut(m.group(1)) : null;
    }

    private static String cut(String s) {
        return s.length() > 30 ? s.substring(0, 30) : s;
    }

    static JsonObject object(String text) {
        try {
            return text == null ? null : new JsonObject(text);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** A JSON object, or an array as {@code {"items": [...]}}; null when it is neither. */
    static JsonObject objectOrItems(String text) {
        JsonObject o = object(text);
        if (o != null || text == null) {
            return o;
        }
        try {
            return new JsonObject().put("items", new JsonArray(text));
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
