package app.banhao.application;

import org.jboss.resteasy.reactive.server.Cancellable;

import app.banhao.api.ProgressLookupApi;
import app.banhao.api.model.ProgressLookupRequest;
import app.banhao.api.model.ProgressLookupResult;
import app.banhao.platform.web.CallerInfo;
import io.smallrye.mutiny.Uni;

/** /api/v1/progress-lookups: public, by application number and phone digits. */
// A client hanging up must not cancel a unit of work half-way: it commits or rolls back whole (issue 10).
@Cancellable(false)
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
