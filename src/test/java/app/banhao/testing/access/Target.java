package app.banhao.testing.access;

import java.util.Map;

/**
 * An object the owner created, as the matrix needs it to call an operation on it.
 *
 * @param pathParameters values of the operation's path parameters, e.g. {@code applicationNo}
 * @param representation the object as its owner sees it (JSON); none of its values may reach another caller
 * @param body the request body for operations that take one (null for none)
 */
public record Target(Map<String, String> pathParameters, String representation, String body) {

    public static Target of(Map<String, String> pathParameters, String representation) {
        return new Target(Map.copyOf(pathParameters), representation, null);
    }

    /** The same object, called with a request body (what the owner would legitimately send). */
    public Target withBody(String requestBody) {
        return new Target(pathParameters, representation, requestBody);
    }
}
