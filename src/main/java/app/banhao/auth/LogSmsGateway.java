package app.banhao.auth;

import app.banhao.platform.local.LocalMode;
import app.banhao.platform.privacy.Masks;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The local-mode SMS gateway: logs the code and lets the API return it as {@code devCode}, so a newcomer can
 * log in from curl. It hands a login code to whoever asks, so it cannot even be made outside local mode;
 * {@link SmsGateways} picks it only there.
 */
public final class LogSmsGateway implements SmsGateway {

    LogSmsGateway(LocalMode local) {
        if (!local.on()) {
            throw new IllegalStateException("The log SMS gateway reveals login codes: it exists in local mode only ("
                    + LocalMode.KEY + "=true)");
        }
    }

    @Override
    public Uni<Void> sendLoginCode(String phone, String code) {
        Log.infof("[log SMS gateway] login code for %s: %s", Masks.phone(phone), code);
        return Uni.createFrom().voidItem();
    }

    @Override
    public boolean revealsCode() {
        return true;
    }
}
