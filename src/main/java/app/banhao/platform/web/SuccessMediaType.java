package app.banhao.platform.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import app.banhao.platform.error.Problems;

/**
 * A success is never labelled a problem document. Generated operations produce
 * {@code application/problem+json} besides their success type (for their errors), so a caller that
 * accepts only the former would otherwise get its 200 body under the problem media type.
 */
public class SuccessMediaType {

    @ServerResponseFilter
    public void relabel(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        boolean problemLabel = type != null && Problems.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype());
        // A raw Response without a type is labelled only when written, after this filter, from the Accept
        // header: every success of the contract is application/json, so it is fixed here.
        boolean unlabelled = type == null && response.hasEntity();
        if (response.getStatus() < 400 && (problemLabel || unlabelled)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
    }
}
