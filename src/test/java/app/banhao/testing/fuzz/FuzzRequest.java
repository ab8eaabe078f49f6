package app.banhao.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request, addressed so that it can be generated again: the run seed, the operation and
 * the case number determine it completely.
 *
 * @param pathAndQuery the request target, already percent-encoded
 * @param focus what this case attacks (a parameter, the body, the headers, the token)
 * @param caller the kind of token sent: anonymous, resident, staff or forged
 */
public record FuzzRequest(String operationId, int caseNumber, String focus, String caller, String method,
        String pathAndQuery, List<Map.Entry<String, String>> headers, byte[] body) {

    public String describe() {
        StringBuilder s = new StringBuilder(method).append(' ').append(abbreviate(pathAndQuery, 300))
                .append("  [focus: ").append(focus).append(", caller: ").append(caller).append(']');
        headers.forEach(h -> s.append("\n      ").append(h.getKey()).append(": ").append(abbreviate(h.getValue(), 120)));
        if (body != null) {
            s.append("\n      body (").append(body.length).append(" bytes): ")
                    .append(abbreviate(new String(body, StandardCharsets.UTF_8), 300));
        }
        return s.toString();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
