package app.banhao.wallet;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import app.banhao.platform.local.LocalMode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Chooses the provincial certificate library once, at start: the stand-in in local mode; outside it none yet (the
 * real adapter to a provincial sharing API is the next slice of issue 12), which imports nothing — never the
 * stand-in, which would hand anyone's certificates to whoever asks.
 */
@ApplicationScoped
public class ProvincialLibraries {

    /** The library of an instance that is connected to none: it holds nothing for anyone. */
    static final ProvincialCertificateLibrary NONE = (idNumber, useCause) -> Uni.createFrom().item(List.of());

    @Produces
    @ApplicationScoped
    ProvincialCertificateLibrary library(LocalMode localMode) {
        return select(localMode);
    }

    static ProvincialCertificateLibrary select(LocalMode localMode) {
        if (localMode.on()) {
            Log.warn("Local mode: the provincial certificate library is a stand-in with made-up certificates");
            return new LocalProvincialLibrary(localMode);
        }
        return NONE;
    }
}
