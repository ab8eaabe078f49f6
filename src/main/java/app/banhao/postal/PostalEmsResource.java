package app.banhao.postal;

import jakarta.annotation.security.PermitAll;

import app.banhao.api.PostalEmsApi;
import app.banhao.api.model.EmsPushAnswer;
import io.smallrye.mutiny.Uni;

/** EMS's tracking push: no login, a body encrypted with our account's sign key instead ({@link EmsPushReceiver}). */
public class PostalEmsResource implements PostalEmsApi {

    private final EmsPushReceiver ems;

    public PostalEmsResource(EmsPushReceiver ems) {
        this.ems = ems;
    }

    @Override
    @PermitAll
    public Uni<EmsPushAnswer> receiveEmsTrackingPush(String logitcsInterface, String senderNo, String serialNo) {
        return ems.receive(logitcsInterface, serialNo);
    }
}
