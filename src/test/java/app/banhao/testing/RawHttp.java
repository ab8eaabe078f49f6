package app.banhao.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken byte by byte over a socket, for requests no HTTP client agrees to send: malformed
 * escapes, oversized request lines and headers, lying or doubled {@code Content-Length}, bodies without a
 * type. The answer is read until the server closes the connection or its {@code Content-Length} is met.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean isProblem() {
            String type = header("content-type");
            return type != null && type.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /** Sends {@code head} (CRLF line ends added, then an empty line) and {@code body} as they are. */
    public static Answer send(URI root, String head, byte[] body) throws IOException {
        byte[] headBytes = (head.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(headBytes);
                if (body != null) {
                    // In slices, as a client streaming a body does: the server may answer and close mid-way.
                    for (int at = 0; at < body.length; at += 16_384) {
                        out.write(body, at, Math.min(16_384, body.length - at));
                    }
                }
                out.flush();
            } catch (IOException closedEarly) {
                // The server refused before reading everything: its answer is what counts.
            }
            return read(socket.getInputStream());
        }
    }

    /** The request as {@code METHOD target} with {@code Host} and {@code Connection: close}, plus more header lines. */
    public static String head(URI root, String method, String target, String... headerLines) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\n")
                .append("Host: ").append(root.getHost()).append(':').append(root.getPort()).append('\n')
                .append("Connection: close");
        for (String line : headerLines) {
            head.append('\n').append(line);
        }
        return head.toString();
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        int contentLength = -1;
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                all.write(buffer, 0, n);
                byte[] bytes = all.toByteArray();
                if (headEnd < 0) {
                    headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    if (headEnd >= 0) {
                        String length = headers(new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1)).get("content-length");
                        contentLength = length == null ? -1 : Integer.parseInt(length.trim());
                    }
                }
                if (headEnd >= 0 && contentLength >= 0 && bytes.length >= headEnd + 4 + contentLength) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException stopped) {
            // Whatever arrived is the answer.
        }
        byte[] bytes = all.toByteArray();
        if (headEnd < 0) {
            throw new IOException("no HTTP answer head in " + bytes.length + " bytes: "
                    + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        int bodyEnd = contentLength >= 0 ? Math.min(bytes.length, headEnd + 4 + contentLength) : bytes.length;
        String body = new String(bytes, headEnd + 4, bodyEnd - headEnd - 4, StandardCharsets.UTF_8);
        return new Answer(status, headers(head), body);
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
