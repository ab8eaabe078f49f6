package app.banhao.platform.publishing;

import java.util.function.Function;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import app.banhao.platform.web.IfMatch;

/** The outcome of an upsert: what was saved, its new version, and whether it was created. */
public record Saved<T>(T value, long version, boolean created) {

    public <R> Saved<R> map(Function<T, R> mapper) {
        return new Saved<>(mapper.apply(value), version, created);
    }

    /** 201 or 200 with the new version as ETag, the value {@code If-Match} takes next. */
    public Response toResponse() {
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(value)
                .header(HttpHeaders.ETAG, IfMatch.tag(version)).build();
    }
}
