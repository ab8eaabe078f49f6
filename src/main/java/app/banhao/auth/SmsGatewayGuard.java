package app.banhao.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production deployment (prod profile on external servers) with the log SMS
 * gateway, which would hand login codes to whoever asks. A staging cluster that wants it anyway says so
 * with {@code banhao.sms.log-gateway-allowed=true}.
 */
@ApplicationScoped
public class SmsGatewayGuard {

    private final SmsGateway gateway;
    private final boolean embedded;
    private final boolean explicitlyAllowed;

    public SmsGatewayGuard(SmsGateway gateway, @ConfigProperty(name = "banhao.embedded.postgres") boolean embedded,
            @ConfigProperty(name = "banhao.sms.log-gateway-allowed", defaultValue = "false") boolean explicitlyAllowed) {
        this.gateway = gateway;
        this.embedded = embedded;
        this.explicitlyAllowed = explicitlyAllowed;
    }

    // Before any other start-up work: a refused configuration should leave no trace.
    void check(@Observes @Priority(1) StartupEvent event) {
        if (gateway.revealsCode() && LaunchMode.current() == LaunchMode.NORMAL && !embedded && !explicitlyAllowed) {
            throw new IllegalStateException("The log SMS gateway reveals login codes and is refused in production: "
                    + "configure a real SmsGateway before running on external servers");
        }
    }
}
