package app.banhao.postal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.EmsPushAnswer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The EMS tracking push (apiCode 040002): the body decrypted with our sign key is the push's authentication (a body
 * missing, not ours or unreadable is refused, counted, as a bad webhook is), its records read by {@link EmsTraces} and
 * applied by {@link TrackingService} like any carrier's report. Replays cannot be told from repeats here (the push
 * carries no message id): they are acknowledged as duplicates, without effect.
 */
@ApplicationScoped
public class EmsPushReceiver {

    static final String RECEIVED = "00000";

    private final EmsConfig config;
    private final WebhookVerifier webhooks;
    private final TrackingService tracking;
    private final EmsTraces traces;

    public EmsPushReceiver(EmsConfig config, WebhookVerifier webhooks, TrackingService tracking) {
        this.config = config;
        this.webhooks = webhooks;
        this.tracking = tracking;
        this.traces = EmsTraces.of(config.opCodes());
    }

    public Uni<EmsPushAnswer> receive(String logitcsInterface, String serialNo) {
        List<Carrier.Trace> known = traces.of(records(logitcsInterface));
        String serial = serialNo == null || serialNo.isBlank() || serialNo.length() > 64 ? UUID.randomUUID().toString() : serialNo;
        return tracking.receive(known).map(outcomes -> {
            Log.debugf("EMS push %s: %s", serial, outcomes);
            return new EmsPushAnswer().serialNo(serial).code(RECEIVED).codeMessage("成功")
                    .senderNo(config.senderNo().orElse(""));
        });
    }

    /** The pushed records, one or an array; the push refused (401, counted) when it is not ours. */
    private JsonArray records(String field) {
        if (field == null || field.isBlank()) {
            throw webhooks.refused(StandardWebhooks.Refusal.UNSIGNED);
        }
        String key = config.signKey().orElseThrow(() -> webhooks.refused(StandardWebhooks.Refusal.NO_SECRET));
        String json;
        try {
            json = EmsCrypto.decrypt(field, key);
        } catch (IllegalArgumentException notOurs) {
            throw webhooks.refused(StandardWebhooks.Refusal.BAD_SIGNATURE);
        }
        JsonObject read = EmsTraces.objectOrItems(json);
        if (read == null) {
            throw webhooks.refused(StandardWebhooks.Refusal.BAD_SIGNATURE);
        }
        if (read.getValue("items") instanceof JsonArray items && read.size() == 1) {
            return items;
        }
        JsonArray one = new JsonArray();
        one.add(read);
        return one;
    }

    /** Records the tests' fake platform pushes: the same encryption, the same shape. */
    static String encrypt(List<JsonObject> records, String signKey) {
        return EmsCrypto.encrypt(records.size() == 1 ? records.get(0).encode() : new JsonArray(new ArrayList<>(records)).encode(),
                signKey);
    }
}
