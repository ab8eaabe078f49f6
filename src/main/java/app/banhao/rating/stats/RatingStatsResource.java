package app.banhao.rating.stats;

import jakarta.ws.rs.core.Response;

import app.banhao.api.RatingStatsApi;
import app.banhao.platform.cache.HttpCaching;
import io.smallrye.mutiny.Uni;

/** /api/v1/rating-stats: the public figures, no login, from Redis with ETag / 304. */
public class RatingStatsResource implements RatingStatsApi {

    private final RatingStatsService stats;

    public RatingStatsResource(RatingStatsService stats) {
        this.stats = stats;
    }

    @Override
    public Uni<Response> listDepartmentRatingStats(String period, String ifNoneMatch) {
        return stats.ranking(period).map(json -> HttpCaching.respond(json, ifNoneMatch));
    }

    @Override
    public Uni<Response> getDepartmentRatingStats(String code, String period, String ifNoneMatch) {
        return stats.department(code, period).map(json -> HttpCaching.respond(json, ifNoneMatch));
    }
}
