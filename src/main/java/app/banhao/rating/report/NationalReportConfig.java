package app.banhao.rating.report;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The national 好差评 report's settings (README "Ratings"); required outside local mode. */
@ConfigMapping(prefix = "banhao.ratings.national-report")
public interface NationalReportConfig {

    String PREFIX = "banhao.ratings.national-report.";

    Optional<String> endpoint();

    Optional<String> appKey();

    @WithDefault("PT5S")
    Duration timeout();
}
