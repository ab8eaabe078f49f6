package app.banhao.platform.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Applies {@link SuccessStatus} to a successful (200) answer of the annotated implementation method. */
public class SuccessStatusFilter {

    private static final Map<Method, Integer> STATUS = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void apply(ContainerResponseContext response, ResourceInfo resource) {
        if (response.getStatus() != 200 || resource == null || resource.getResourceMethod() == null) {
            return;
        }
        int status = STATUS.computeIfAbsent(resource.getResourceMethod(), SuccessStatusFilter::declared);
        if (status > 0) {
            response.setStatus(status);
        }
    }

    private static int declared(Method method) {
        SuccessStatus annotation = ImplementationAnnotations.find(method, SuccessStatus.class);
        return annotation == null ? 0 : annotation.value();
    }
}
