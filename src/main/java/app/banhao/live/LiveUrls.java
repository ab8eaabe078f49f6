package app.banhao.live;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;

/**
 * The CDN addresses a stream may carry: absolute {@code https} URLs with a host and no user info (a player opens them
 * as they are, so nothing else: no {@code http}, {@code javascript:} or {@code data:}), with an HLS playlist
 * ({@code .m3u8}) path for the live signal and {@code .m3u8} or {@code .mp4} for the replay.
 */
final class LiveUrls {

    private LiveUrls() {
    }

    static String playUrl(String value) {
        return checked("playUrl", value, ".m3u8");
    }

    static String replayUrl(String value) {
        return value == null ? null : checked("replayUrl", value, ".m3u8", ".mp4");
    }

    private static String checked(String field, String value, String... suffixes) {
        try {
            URI uri = new URI(value.strip());
            String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
            boolean https = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
            for (String suffix : suffixes) {
                if (https && path.endsWith(suffix)) {
                    return uri.toString();
                }
            }
        } catch (URISyntaxException e) {
            // answered below like any other unusable address
        }
        throw ApiException.field(ErrorCode.VALIDATION_FAILED, FieldError.of(field, FieldCode.INVALID_FORMAT));
    }
}
