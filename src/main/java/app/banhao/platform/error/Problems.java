package app.banhao.platform.error;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import app.banhao.api.model.FieldErrorView;
import app.banhao.api.model.Problem;
import app.banhao.platform.i18n.Messages.Language;
import app.banhao.platform.i18n.Messages;
import app.banhao.platform.web.RequestIds;
import app.banhao.platform.web.Traces;

/** Builds RFC 9457 problem+json responses in the caller's language. The single place that does. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Problem problem(ProblemCode code, List<Object> detailArgs, List<FieldError> fieldErrors,
            Language language, String instance, String requestId) {
        Problem problem = new Problem();
        problem.setType(code.typeUri());
        problem.setTitle(Messages.textIn(language, code.bundle(), "error." + code.name() + ".title"));
        problem.setStatus(code.status());
        problem.setDetail(Messages.textIn(language, code.bundle(), "error." + code.name() + ".detail", detailArgs.toArray()));
        problem.setCode(code.name());
        problem.setInstance(instance);
        problem.setRequestId(requestId);
        problem.setTraceId(Traces.currentTraceId());
        // Absent rather than [] when the problem is not about fields.
        problem.setErrors(fieldErrors.isEmpty() ? null
                : fieldErrors.stream().map(e -> toModel(e, language)).toList());
        return problem;
    }

    public static Response response(ProblemCode code, List<Object> detailArgs, List<FieldError> fieldErrors,
            Map<String, String> headers, Language language, String instance, String requestId) {
        Response.ResponseBuilder builder = Response.status(code.status())
                .type(MEDIA_TYPE)
                .entity(problem(code, detailArgs, fieldErrors, language, instance, requestId));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** The problem answering the request at hand: its language, path and request id. */
    static Response forRequest(ProblemCode code, List<Object> detailArgs, List<FieldError> fieldErrors,
            Map<String, String> extraHeaders, HttpHeaders headers, UriInfo uri) {
        Language language = Messages.languageOf(headers);
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        return response(code, detailArgs, fieldErrors, extraHeaders, language, instance, RequestIds.of(headers));
    }

    private static FieldErrorView toModel(FieldError error, Language language) {
        FieldErrorView model = new FieldErrorView();
        model.setField(error.field());
        model.setCode(error.code().name());
        model.setMessage(error.message() != null ? error.message()
                : Messages.text(language, "field." + error.code().name(), localisedArgs(error.args(), language)));
        return model;
    }

    /** Arguments written as {@code @type.x} are message keys themselves (e.g. the expected type's name). */
    private static Object[] localisedArgs(List<Object> args, Language language) {
        return args.stream()
                .map(a -> a instanceof String s && s.startsWith("@") ? Messages.text(language, s.substring(1)) : a)
                .toArray();
    }
}
