package app.banhao.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.error.FieldCode;
import app.banhao.platform.error.FieldError;

/**
 * Holds a request to what its operation declares, where the REST layer would quietly guess: a declared
 * query parameter or header given more than once (the REST layer takes the first and acts on a request
 * the caller may not have meant) is a 400 naming it; a body sent as {@code *}{@code /*} or
 * {@code application/*} to an operation that reads one is a 415 instead of a reader picked at random, and
 * so is a body sent with no type at all; a path, query or header value the operation reads that holds
 * U+0000 or an unpaired surrogate is a 400 naming it.
 * Parameters an operation does not declare are ignored, as the contract allows.
 */
public class DeclaredParameters {

    private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Declared operation = declared.computeIfAbsent(method, DeclaredParameters::of);
        for (String name : operation.query()) {
            List<String> values = request.getUriInfo().getQueryParameters().getOrDefault(name, List.of());
            if (values.size() > 1) {
                throw repeated(name);
            }
            // "?limit=" is no number, "?q=" no search term: the REST layer would quietly read them as absent.
            if (values.size() == 1 && values.get(0).isEmpty() && operation.nonEmpty().contains(name)) {
                throw ApiException.field(ErrorCode.INVALID_PARAMETER, FieldError.of(name, FieldCode.INVALID_FORMAT));
            }
        }
        for (String name : operation.headers()) {
            if (request.getHeaders().getOrDefault(name, List.of()).size() > 1) {
                throw repeated(name);
            }
        }
        storable(request.getUriInfo().getPathParameters(), operation.path());
        storable(request.getUriInfo().getQueryParameters(), operation.query());
        storable(request.getHeaders(), operation.headers());
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        // A body without a type is no more JSON than one sent as */*: the REST layer would guess it is.
        boolean untyped = contentType == null || contentType.isBlank();
        if (operation.readsBody() && (isWildcard(contentType) || (untyped && carriesBody(request)))) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    /** U+0000 or an unpaired surrogate in a parameter the operation reads: see {@link StorableText}. */
    private static void storable(Map<String, List<String>> given, List<String> declared) {
        for (String name : declared) {
            for (String value : given.getOrDefault(name, List.of())) {
                if (!StorableText.isStorable(value)) {
                    throw ApiException.field(ErrorCode.INVALID_PARAMETER, FieldError.of(name, FieldCode.INVALID_CHARACTER));
                }
            }
        }
    }

    private static boolean carriesBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !"0".equals(length.trim()));
    }

    /** A malformed type is left to the REST layer, which refuses it with its own 415. */
    private static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType.trim());
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static ApiException repeated(String name) {
        return ApiException.field(ErrorCode.INVALID_PARAMETER, FieldError.of(name, FieldCode.REPEATED));
    }

    /**
     * {@code nonEmpty}: the query parameters an empty value cannot satisfy: numbers, booleans, enums,
     * dates, strings with a minimum length, and strings whose pattern an empty string does not match.
     */
    private record Declared(List<String> path, List<String> query, List<String> nonEmpty, List<String> headers,
            boolean readsBody) {
    }

    /** The JAX-RS annotations of the operation: on the generated interface the resource implements. */
    private static Declared of(Method implementation) {
        Method annotated = annotatedDeclaration(implementation);
        List<String> path = new ArrayList<>();
        List<String> query = new ArrayList<>();
        List<String> nonEmpty = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (var parameter : annotated.getParameters()) {
            QueryParam q = parameter.getAnnotation(QueryParam.class);
            HeaderParam h = parameter.getAnnotation(HeaderParam.class);
            PathParam p = parameter.getAnnotation(PathParam.class);
            if (p != null) {
                path.add(p.value());
            }
            if (q != null) {
                query.add(q.value());
                Size size = parameter.getAnnotation(Size.class);
                Pattern pattern = parameter.getAnnotation(Pattern.class);
                if (parameter.getType() != String.class || (size != null && size.min() > 0)
                        || (pattern != null && !"".matches(pattern.regexp()))) {
                    nonEmpty.add(q.value());
                }
            } else if (h != null) {
                headers.add(h.value());
            }
        }
        boolean readsBody = annotated.isAnnotationPresent(Consumes.class)
                || annotated.getDeclaringClass().isAnnotationPresent(Consumes.class);
        return new Declared(List.copyOf(path), List.copyOf(query), List.copyOf(nonEmpty), List.copyOf(headers), readsBody);
    }

    private static Method annotatedDeclaration(Method implementation) {
        for (Class<?> type : implementation.getDeclaringClass().getInterfaces()) {
            try {
                return type.getMethod(implementation.getName(), implementation.getParameterTypes());
            } catch (NoSuchMethodException notThisOne) {
                // another interface
            }
        }
        return implementation;
    }
}
