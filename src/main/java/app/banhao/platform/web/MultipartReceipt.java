package app.banhao.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

import io.vertx.core.http.HttpServerRequest;

/**
 * What a multipart request brought, told when an operation found a part it needs missing or empty: the declared
 * length, the bytes the server read, and each part received with its size. Tests met an upload whose file part
 * arrived empty twice in full runs and never in a loop of thousands; this is what the next sighting will show.
 * Taken on the request's own thread (the form lives in its context), described only when it is needed.
 */
public final class MultipartReceipt {

    private final ResteasyReactiveRequestContext request;

    private MultipartReceipt(ResteasyReactiveRequestContext request) {
        this.request = request;
    }

    /** The current request's receipt; call on the thread the resource method runs on. */
    public static MultipartReceipt ofCurrentRequest() {
        return new MultipartReceipt(CurrentRequestManager.get());
    }

    /** e.g. {@code Content-Length 812, read 812, parts [name: file 9 B, file: file 0 B]}; file sizes read from disk. */
    public String describe() {
        if (request == null) {
            return "no request context";
        }
        HttpServerRequest http = request.serverRequest().unwrap(HttpServerRequest.class);
        String length = http == null ? null : http.getHeader("Content-Length");
        String read = http == null ? "?" : String.valueOf(http.bytesRead());
        FormData form = request.getFormData();
        List<String> parts = new ArrayList<>();
        if (form != null) {
            for (String name : form) {
                for (FormValue value : form.get(name)) {
                    parts.add(name + ": " + size(value));
                }
            }
        }
        return "Content-Length " + length + ", read " + read + ", parts " + (form == null ? "none parsed" : parts);
    }

    private static String size(FormValue value) {
        if (!value.isFileItem()) {
            return "text " + value.getValue().length() + " chars";
        }
        try {
            return "file " + value.getFileItem().getFileSize() + " B";
        } catch (IOException | RuntimeException e) {
            return "file unreadable (" + e + ")";
        }
    }
}
