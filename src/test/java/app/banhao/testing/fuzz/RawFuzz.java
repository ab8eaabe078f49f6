package app.banhao.testing.fuzz;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import app.banhao.testing.RawHttp;
import app.banhao.testing.contract.ExchangeCheck;
import app.banhao.testing.contract.SpecOperation;

/**
 * Requests malformed at the HTTP level, sent as raw bytes to an operation's path (no HTTP client sends
 * them): bad {@code %}-escapes, a huge or absent-type {@code Content-Length}, a request line or headers past
 * their limits (ours, and the codec's 64 KiB), a malformed or doubled {@code Content-Length}. Judged: never a
 * 5xx, never internals, and always a problem document: {@code HttpEdgeFilters} for what reaches the router,
 * {@code UndecodableRequests} for what the HTTP codec refuses before it (issue 10, point 27).
 */
final class RawFuzz {

    private static final List<String> KINDS = List.of("bad escape", "huge content length", "long request line",
            "large headers", "malformed content length", "doubled content length");

    private RawFuzz() {
    }

    /** One raw case for {@code operation}, chosen by {@code random}; the failures found (empty: held). */
    static List<String> run(URI root, SpecOperation operation, SplittableRandom random) {
        String kind = Hostile.pick(random, KINDS);
        String path = operation.path().replaceAll("\\{[^}]+}", "X1");
        String head = switch (kind) {
            case "bad escape" -> RawHttp.head(root, operation.method(),
                    Hostile.pick(random, List.of(path + "%zz", path + "?q=%G1", path + "%", path + "?a=%2")));
            case "huge content length" -> RawHttp.head(root, operation.method(), path,
                    "Content-Type: " + Hostile.pick(random, List.of("application/json", "text/plain", "multipart/form-data; boundary=x")),
                    "Content-Length: " + Hostile.pick(random, List.of("99999999999", "10485761")));
            case "long request line" -> RawHttp.head(root, operation.method(), path + "?q=" + "x".repeat(random.nextInt(9_000, 80_000)));
            case "large headers" -> RawHttp.head(root, operation.method(), path, "X-Big: " + "y".repeat(random.nextInt(21_000, 80_000)));
            case "malformed content length" -> RawHttp.head(root, operation.method(), path,
                    "Content-Type: application/json", "Content-Length: " + Hostile.pick(random, List.of("abc", "-1", "1.5", "0x10", "1,2", "99999999999999999999999")));
            default -> RawHttp.head(root, operation.method(), path, "Content-Type: application/json", "Content-Length: 2",
                    "Content-Length: " + Hostile.pick(random, List.of("2", "3")));
        };
        byte[] body = kind.endsWith("content length") && !kind.startsWith("huge") ? "{}".getBytes() : null;
        List<String> wrong = new ArrayList<>();
        RawHttp.Answer answer;
        try {
            answer = RawHttp.send(root, head, body);
        } catch (IOException e) {
            return List.of(operation.operationId() + " raw " + kind + ": no HTTP answer: " + e);
        }
        if (answer.status() >= 500) {
            wrong.add("answered " + answer.status());
        }
        if (answer.status() < 400) {
            wrong.add("accepted it (" + answer.status() + ")");
        } else if (!answer.isProblem()) {
            wrong.add("answered " + answer.status() + " without a problem document");
        }
        ExchangeCheck.internals(answer.body()).ifPresent(m -> wrong.add("the body shows internals (\"" + m + "\")"));
        return wrong.isEmpty() ? List.of()
                : List.of(operation.operationId() + " raw " + kind + ": " + String.join("; ", wrong) + "\n    answer: "
                        + FuzzRequest.abbreviate(answer.toString(), 400));
    }
}
