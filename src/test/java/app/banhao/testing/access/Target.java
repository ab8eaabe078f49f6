package app.banhao.testing.access;

import java.util.Map;
import java.util.function.UnaryOperator;

import io.restassured.specification.RequestSpecification;

/**
 * An object the owner created, as the matrix needs it to call an operation on it.
 *
 * @param pathParameters values of the operation's path parameters, e.g. {@code applicationNo}
 * @param representation the object as its owner sees it (JSON); none of its values may reach another caller
 * @param body the JSON request body for operations that take one (null for none)
 * @param request what else the owner's request carries (an {@code If-Match} version, a multipart body),
 *        sent the same by every caller so that only the caller differs
 */
public record Target(Map<String, String> pathParameters, String representation, String body,
        UnaryOperator<RequestSpecification> request) {

    public static Target of(Map<String, String> pathParameters, String representation) {
        return new Target(Map.copyOf(pathParameters), representation, null, UnaryOperator.identity());
    }

    /** The same object, called with a request body (what the owner would legitimately send). */
    public Target withBody(String requestBody) {
        return new Target(pathParameters, representation, requestBody, request);
    }

    /** The same object, called with a header (e.g. the {@code If-Match} a staff change needs). */
    public Target withHeader(String name, String value) {
        return withRequest(r -> r.header(name, value));
    }

    /** The same object, with more on every call's request (e.g. multipart parts). */
    public Target withRequest(UnaryOperator<RequestSpecification> more) {
        UnaryOperator<RequestSpecification> before = request;
        return new Target(pathParameters, representation, body, r -> more.apply(before.apply(r)));
    }
}
