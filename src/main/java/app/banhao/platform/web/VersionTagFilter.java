package app.banhao.platform.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adds {@code ETag: "<version>"} to a successful answer of a {@link VersionTag} operation. */
public class VersionTagFilter {

    private static final Map<Method, Boolean> TAGGED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Optional<Method>> VERSION_GETTERS = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void apply(ContainerResponseContext response, ResourceInfo resource) {
        if (response.getStatus() / 100 != 2 || !response.hasEntity() || resource == null
                || resource.getResourceMethod() == null || response.getHeaders().containsKey(HttpHeaders.ETAG)
                || !TAGGED.computeIfAbsent(resource.getResourceMethod(),
                        m -> ImplementationAnnotations.find(m, VersionTag.class) != null)) {
            return;
        }
        Object entity = response.getEntity();
        VERSION_GETTERS.computeIfAbsent(entity.getClass(), VersionTagFilter::getter).ifPresent(getter -> {
            try {
                Object version = getter.invoke(entity);
                if (version != null) {
                    response.getHeaders().putSingle(HttpHeaders.ETAG, IfMatch.tag(((Number) version).longValue()));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("A versioned model's getVersion() is public", e);
            }
        });
    }

    private static Optional<Method> getter(Class<?> type) {
        try {
            Method method = type.getMethod("getVersion");
            return Number.class.isAssignableFrom(method.getReturnType()) ? Optional.of(method) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
