package app.banhao.application.progress;

import app.banhao.api.ProgressLookupApi;
import app.banhao.api.model.ProgressLookupRequest;
import app.banhao.api.model.ProgressLookupResult;
import app.banhao.platform.web.CallerInfo;
import io.smallrye.mutiny.Uni;

/** /api/v1/progress-lookups: public, by application number and phone digits. */
public class ProgressLookupResource implements ProgressLookupApi {

    private final ProgressLookupService service;
    private final CallerInfo caller;

    public ProgressLookupResource(ProgressLookupService service, CallerInfo caller) {
        this.service = service;
        this.caller = caller;
    }

    @Override
    public Uni<ProgressLookupResult> lookupProgress(ProgressLookupRequest request) {
        return service.lookup(caller.ip(), request);
    }
}
