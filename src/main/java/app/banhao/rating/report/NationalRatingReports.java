package app.banhao.rating.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import app.banhao.platform.local.LocalMode;
import app.banhao.platform.local.ProviderSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Chooses the national report once, at start: the stand-in in local mode, the HTTP adapter otherwise; outside local
 * mode a missing setting stops the start with its name, rather than reports piling up undelivered.
 */
@ApplicationScoped
public class NationalRatingReports {

    static final String ENDPOINT = NationalReportConfig.PREFIX + "endpoint";
    static final String APP_KEY = NationalReportConfig.PREFIX + "app-key";
    private static final String WHAT = "The national 好差评 report";

    @Produces
    @ApplicationScoped
    @Startup
    NationalRatingReport report(LocalMode localMode, NationalReportConfig config, WebClient http) {
        return select(localMode, config, http);
    }

    static NationalRatingReport select(LocalMode localMode, NationalReportConfig config, WebClient http) {
        if (localMode.on()) {
            Log.warn("Local mode: national rating reports are logged, not sent");
            return new LocalNationalRatingReport(localMode);
        }
        ProviderSettings settings = ProviderSettings.of(WHAT).with(ENDPOINT, config.endpoint()).with(APP_KEY, config.appKey());
        if (!settings.complete()) {
            throw LocalMode.missingSetting(ENDPOINT, WHAT);
        }
        return new HttpNationalRatingReport(new HttpNationalRatingReport.Settings(settings.get(ENDPOINT), settings.get(APP_KEY),
                config.timeout()), http);
    }
}
