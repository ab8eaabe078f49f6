package app.banhao.auth;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.platform.privacy.Masks;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The local SMS gateway: logs the code and lets the API return it, so a newcomer can log in from curl.
 * {@link SmsGatewayGuard} refuses it outside local, dev and test use.
 */
@ApplicationScoped
public class LogSmsGateway implements SmsGateway {

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
